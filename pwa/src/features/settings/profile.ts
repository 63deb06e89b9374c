/**
 * The offline `profile` row (sync/view.py) as the Settings forms read it, and the client-side
 * checks of what they send with `updateProfile` (the server's rules, which stay the authority).
 */
import type { ResidentPrincipal } from "../../api/types";
import { isLanguage, type Language } from "../../i18n/languages";
import type { RejectedMutation } from "../../offline";
import type { NotificationPreferences, QuietHours } from "./notifications/api";

/** `profile`: notification kinds keep their stored (snake_case) names; quiet hours beside. */
export interface ProfileRow {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  language: string;
  notificationPreferences: Record<string, boolean>;
  quietHours: QuietHours | null;
  /** Set by the optimistic `updateProfile` until the server has the change. */
  pending?: boolean;
  pendingFields?: string[];
}

export interface ContactValues {
  email: string;
  phone: string;
  language: Language;
}

export const CONTACT_FIELDS = ["email", "phone", "language"] as const;
export const PREFERENCE_FIELDS = ["notificationPreferences", "quietHours"] as const;

/** What the contact form starts from: the offline row, or the session before it is open. */
export function contactOf(source: ProfileRow | ResidentPrincipal): ContactValues {
  return {
    email: source.email ?? "",
    phone: source.phone ?? "",
    language: isLanguage(source.language) ? source.language : "fi",
  };
}

export function preferencesOf(row: ProfileRow): NotificationPreferences {
  const kinds = row.notificationPreferences ?? {};
  return {
    ticketUpdates: kinds.ticket_updates !== false,
    messageReplies: kinds.message_replies !== false,
    news: kinds.news !== false,
    urgent: true,
    quietHours: row.quietHours ?? null,
  };
}

/** Some of `fields` are changed on this device and not yet sent. */
export function isPending(row: ProfileRow | undefined, fields: readonly string[]): boolean {
  return row?.pendingFields?.some((field) => fields.includes(field)) ?? false;
}

// The server's limits (backend/accounts/schemas.py: Email, Phone).
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9 ()-]{6,23}$/;

export type ContactProblem = "email" | "phone";

/** The fields the server would refuse, checked only where they changed. */
export function contactProblems(
  base: ContactValues,
  typed: ContactValues,
): Partial<Record<ContactProblem, true>> {
  const problems: Partial<Record<ContactProblem, true>> = {};
  const email = typed.email.trim();
  const phone = typed.phone.trim();
  if (email.toLowerCase() !== base.email.toLowerCase()) {
    if (email.length < 3 || email.length > 254 || !EMAIL.test(email)) problems.email = true;
  }
  if (phone !== base.phone && !PHONE.test(phone)) problems.phone = true;
  return problems;
}

/** Only what differs from `base`, as `updateProfile` arguments (addresses trimmed, lower case). */
export function contactChanges(base: ContactValues, typed: ContactValues): Partial<ContactValues> {
  const change: Partial<ContactValues> = {};
  const email = typed.email.trim().toLowerCase();
  const phone = typed.phone.trim();
  if (email !== base.email.toLowerCase()) change.email = email;
  if (phone !== base.phone) change.phone = phone;
  if (typed.language !== base.language) change.language = typed.language;
  return change;
}

function argsOf(rejection: RejectedMutation): Record<string, unknown> {
  return rejection.mutation.args;
}

/** Rejected `updateProfile` mutations with any of these arguments, oldest first. */
export function profileRejections(
  rejected: readonly RejectedMutation[],
  fields: readonly string[],
): RejectedMutation[] {
  return rejected
    .filter((r) => r.mutation.name === "updateProfile")
    .filter((r) => {
      const args = argsOf(r);
      return fields.some((field) => args[field] !== undefined && args[field] !== null);
    })
    .sort((a, b) => a.id - b.id);
}

/** What the resident typed in a rejected contact change, over what the form showed. */
export function typedContact(base: ContactValues, rejection: RejectedMutation): ContactValues {
  const args = argsOf(rejection);
  const text = (name: string, fallback: string) =>
    typeof args[name] === "string" ? (args[name] as string) : fallback;
  const lang = args.language;
  return {
    email: text("email", base.email),
    phone: text("phone", base.phone),
    language: isLanguage(lang) ? lang : base.language,
  };
}

/** The preferences a rejected change asked for, over the saved ones. */
export function chosenPreferences(
  saved: NotificationPreferences,
  rejection: RejectedMutation,
): NotificationPreferences {
  const chosen = argsOf(rejection).notificationPreferences as
    | Partial<NotificationPreferences>
    | undefined;
  return { ...saved, ...(chosen ?? {}), urgent: true };
}
