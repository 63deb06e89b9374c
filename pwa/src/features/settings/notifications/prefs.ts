/** The preferences form's values, checked and compared with what the server has. */
import type { NotificationPreferences, PreferencesChange } from "./api";

export interface PreferencesForm {
  ticketUpdates: boolean;
  messageReplies: boolean;
  news: boolean;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
}

/** Offered when quiet hours are first turned on. */
export const DEFAULT_QUIET = { start: "22:00", end: "07:00" } as const;

export function formOf(prefs: NotificationPreferences): PreferencesForm {
  return {
    ticketUpdates: prefs.ticketUpdates,
    messageReplies: prefs.messageReplies,
    news: prefs.news,
    quiet: prefs.quietHours !== null,
    quietStart: prefs.quietHours?.start ?? DEFAULT_QUIET.start,
    quietEnd: prefs.quietHours?.end ?? DEFAULT_QUIET.end,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "HH:MM" from a time input's value ("7:05" or "07:05:00" too), or null. */
export function timeOf(value: string): string | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(value.trim());
  if (!match) return null;
  const time = `${(match[1] ?? "").padStart(2, "0")}:${match[2]}`;
  return TIME.test(time) ? time : null;
}

export type TimeProblem = "time" | "sameAsStart";

/** What is wrong with the quiet hours, by field; empty when they can be sent. */
export function quietProblems(form: PreferencesForm): { start?: TimeProblem; end?: TimeProblem } {
  if (!form.quiet) return {};
  const start = timeOf(form.quietStart);
  const end = timeOf(form.quietEnd);
  const problems: { start?: TimeProblem; end?: TimeProblem } = {};
  if (!start) problems.start = "time";
  if (!end) problems.end = "time";
  else if (start && start === end) problems.end = "sameAsStart";
  return problems;
}

/** Only what differs from the saved preferences (urgent is never sent: it cannot change). */
export function changesOf(
  saved: NotificationPreferences,
  form: PreferencesForm,
): PreferencesChange {
  const change: PreferencesChange = {};
  if (form.ticketUpdates !== saved.ticketUpdates) change.ticketUpdates = form.ticketUpdates;
  if (form.messageReplies !== saved.messageReplies) change.messageReplies = form.messageReplies;
  if (form.news !== saved.news) change.news = form.news;
  if (form.quiet) {
    const start = timeOf(form.quietStart) ?? form.quietStart;
    const end = timeOf(form.quietEnd) ?? form.quietEnd;
    const was = saved.quietHours;
    if (!was || was.start !== start || was.end !== end) change.quietHours = { start, end };
  } else if (saved.quietHours !== null) {
    change.quietHours = null;
  }
  return change;
}
