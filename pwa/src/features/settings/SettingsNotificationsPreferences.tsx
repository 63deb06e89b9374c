import type { ComponentChildren } from "preact";
import { useEffect, useId, useState } from "preact/hooks";
import type { ProblemError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FieldFrame } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { getProfile, type NotificationPreferences, updatePreferences } from "./notifications/api";
import {
  changesOf,
  formOf,
  type PreferencesForm,
  quietProblems,
  type TimeProblem,
} from "./notifications/prefs";

interface CheckProps {
  label: string;
  checked: boolean;
  onChange?: (checked: boolean) => void;
  disabled?: boolean;
  describedBy?: string | undefined;
  testid: string;
  children?: ComponentChildren;
}

function Check({ label, checked, onChange, disabled, describedBy, testid, children }: CheckProps) {
  const id = useId();
  return (
    <div class="push-check">
      <input
        id={id}
        type="checkbox"
        class="push-check__input"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange?.(event.currentTarget.checked)}
        data-testid={testid}
      />
      <label class="push-check__label" for={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** The server's complaint about one quiet-hours field, as one of our messages. */
function serverTimeProblem(
  problem: ProblemError | null,
  field: "start" | "end",
): TimeProblem | undefined {
  const error = problem?.errors.find((e) => e.field.endsWith(`quietHours.${field}`));
  if (!error) return undefined;
  return error.message === "same-as-start" ? "sameAsStart" : "time";
}

interface TimeFieldProps {
  label: string;
  value: string;
  disabled: boolean;
  problem: TimeProblem | undefined;
  onInput: (value: string) => void;
  testid: string;
}

function TimeField({ label, value, disabled, problem, onInput, testid }: TimeFieldProps) {
  const error = problem && t(`notifications.errors.${problem}`);
  return (
    <FieldFrame label={label} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="time"
          class="field__input push-time"
          value={value}
          disabled={disabled}
          required={!disabled}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
          onInput={(event) => onInput(event.currentTarget.value)}
          data-testid={testid}
        />
      )}
    </FieldFrame>
  );
}

/** What to be notified of, and quiet hours: the same for every device (PATCH the profile). */
export function SettingsNotificationsPreferences() {
  const loading = useAction();
  const saving = useAction();
  const [saved, setSaved] = useState<NotificationPreferences | null>(null);
  const [form, setForm] = useState<PreferencesForm | null>(null);
  const [local, setLocal] = useState<{ start?: TimeProblem; end?: TimeProblem }>({});
  const [status, setStatus] = useState<"saved" | "noChanges" | null>(null);
  const urgentId = useId();
  const quietHintId = useId();

  async function load() {
    const profile = await loading.run(getProfile);
    if (!profile) return;
    setSaved(profile.notificationPreferences);
    setForm(formOf(profile.notificationPreferences));
  }

  useEffect(() => {
    void load();
  }, []);

  if (!form || !saved) {
    const problem = loading.problem;
    if (!problem) return <p>{t("common.loading")}</p>;
    // Not ErrorAlert: a failed load must not pull the focus away from the screen's heading.
    return (
      <div class="problem-box" role="alert" data-testid="push-prefs-load-problem">
        <p class="problem-box__title">{problem.title}</p>
        {problem.detail && <p>{problem.detail}</p>}
        <button
          type="button"
          class="button"
          disabled={loading.disabled}
          onClick={() => void load()}
        >
          {t("common.tryAgain")}
        </button>
      </div>
    );
  }

  const current = form;
  const savedPrefs = saved;
  function update(change: Partial<PreferencesForm>) {
    setForm({ ...current, ...change });
    setStatus(null);
  }

  async function save() {
    setStatus(null);
    const problems = quietProblems(current);
    setLocal(problems);
    if (problems.start || problems.end) {
      saving.setProblem(null);
      return;
    }
    const change = changesOf(savedPrefs, current);
    if (Object.keys(change).length === 0) {
      saving.setProblem(null);
      setStatus("noChanges");
      return;
    }
    const profile = await saving.run(() => updatePreferences(change));
    if (!profile) return;
    setSaved(profile.notificationPreferences);
    setForm(formOf(profile.notificationPreferences));
    setStatus("saved");
  }

  const problem = saving.problem;
  const urgentRefused = problem?.fieldError("urgent") !== undefined;
  return (
    <form
      class="form push-prefs"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="push-prefs"
    >
      <ErrorAlert problem={problem} />
      <fieldset class="push-prefs__group">
        <legend>{t("notifications.kindsLegend")}</legend>
        <Check
          label={t("notifications.ticketUpdates")}
          checked={current.ticketUpdates}
          onChange={(ticketUpdates) => update({ ticketUpdates })}
          testid="pref-ticket-updates"
        />
        <Check
          label={t("notifications.messageReplies")}
          checked={current.messageReplies}
          onChange={(messageReplies) => update({ messageReplies })}
          testid="pref-message-replies"
        />
        <Check
          label={t("notifications.news")}
          checked={current.news}
          onChange={(news) => update({ news })}
          testid="pref-news"
        />
        <Check
          label={t("notifications.urgent")}
          checked
          disabled
          describedBy={urgentId}
          testid="pref-urgent"
        >
          <p class={urgentRefused ? "field__error" : "field__hint"} id={urgentId}>
            {t("notifications.urgentReason")}
          </p>
        </Check>
      </fieldset>
      <fieldset class="push-prefs__group">
        <legend>{t("notifications.quietLegend")}</legend>
        <Check
          label={t("notifications.quietToggle")}
          checked={current.quiet}
          onChange={(quiet) => update({ quiet })}
          describedBy={quietHintId}
          testid="pref-quiet"
        >
          <p class="field__hint" id={quietHintId}>
            {t("notifications.quietHint")}
          </p>
        </Check>
        <div class="push-quiet__times">
          <TimeField
            label={t("notifications.quietStart")}
            value={current.quietStart}
            disabled={!current.quiet}
            problem={local.start ?? serverTimeProblem(problem, "start")}
            onInput={(quietStart) => update({ quietStart })}
            testid="pref-quiet-start"
          />
          <TimeField
            label={t("notifications.quietEnd")}
            value={current.quietEnd}
            disabled={!current.quiet}
            problem={local.end ?? serverTimeProblem(problem, "end")}
            onInput={(quietEnd) => update({ quietEnd })}
            testid="pref-quiet-end"
          />
        </div>
      </fieldset>
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={saving.disabled}
          aria-busy={saving.busy ? "true" : undefined}
          data-testid="pref-save"
        >
          {t("notifications.save")}
        </button>
      </div>
      <p class="form__status" role="status" data-testid="pref-status">
        {status && t(`notifications.${status}`)}
      </p>
    </form>
  );
}
