import { useEffect, useId, useRef, useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SyncWaiting } from "../../components/SyncWaiting";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import type { SyncClient } from "../../offline";
import { syncClient, useRow } from "../../state/sync";
import { changesOf, formOf, type PreferencesForm, quietProblems } from "./notifications/prefs";
import {
  chosenPreferences,
  isPending,
  PREFERENCE_FIELDS,
  type ProfileRow,
  preferencesOf,
  profileRejections,
} from "./profile";
import { Check, TimeField } from "./SettingsPreferenceFields";
import { SettingsRejections } from "./SettingsRejections";

/** What to be notified of, and quiet hours: the same for every device (the offline profile). */
export function SettingsNotificationsPreferences() {
  const client = syncClient.value;
  const row = useRow<ProfileRow>("profile");
  if (!client || !row) {
    return (
      <SyncWaiting
        loading="notifications.loadingPreferences"
        unavailable="notifications.unavailablePreferences"
        testid="push-prefs"
      />
    );
  }
  return <PreferencesOf client={client} row={row} />;
}

const ARGUMENTS = ["notificationPreferences"];

/**
 * The choices of the `profile` row, saved with `updateProfile` (queued offline: "waiting to
 * send" until the server has them); a refused change shows why and keeps the choices made.
 */
function PreferencesOf({ client, row }: { client: SyncClient; row: ProfileRow }) {
  const action = useAction();
  const saved = preferencesOf(row);
  const [form, setForm] = useState<PreferencesForm | null>(null);
  const [local, setLocal] = useState<ReturnType<typeof quietProblems>>({});
  const [status, setStatus] = useState<"noChanges" | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const urgentId = useId();
  const quietHintId = useId();
  const rejections = profileRejections(client.state.rejected.value, ARGUMENTS);
  const current = form ?? formOf(saved);

  const restored = useRef(new Set<number>());
  useEffect(() => {
    const fresh = rejections.filter((r) => !restored.current.has(r.id));
    if (fresh.length === 0) return;
    for (const r of fresh) restored.current.add(r.id);
    setForm((typed) => typed ?? formOf(fresh.reduce(chosenPreferences, saved)));
  });

  function update(change: Partial<PreferencesForm>) {
    setForm({ ...current, ...change });
    setStatus(null);
    setSent(null);
  }

  async function save() {
    setStatus(null);
    setSent(null);
    const problems = quietProblems(current);
    setLocal(problems);
    if (problems.start || problems.end) return;
    const change = changesOf(saved, current);
    if (Object.keys(change).length === 0) {
      setStatus("noChanges");
      return;
    }
    const id = await action.run(() =>
      client.mutate("updateProfile", { notificationPreferences: change }),
    );
    if (id === undefined) return;
    // The form follows the profile row again, unless the server refused it already.
    if (!client.state.rejected.peek().some((r) => r.id === id)) setForm(null);
    setSent(id);
  }

  const pending = isPending(row, PREFERENCE_FIELDS);
  const refused = sent !== null && rejections.some((r) => r.id === sent);
  const shown = pending ? "waiting" : sent !== null && !refused ? "saved" : status;
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
      <SettingsRejections
        client={client}
        rejections={rejections}
        title="notifications.rejected"
        testid="pref-rejections"
      />
      <ErrorAlert problem={action.problem} />
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
          <p class="field__hint" id={urgentId}>
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
            problem={local.start}
            onInput={(quietStart) => update({ quietStart })}
            testid="pref-quiet-start"
          />
          <TimeField
            label={t("notifications.quietEnd")}
            value={current.quietEnd}
            disabled={!current.quiet}
            problem={local.end}
            onInput={(quietEnd) => update({ quietEnd })}
            testid="pref-quiet-end"
          />
        </div>
      </fieldset>
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={action.disabled}
          data-testid="pref-save"
        >
          {t("notifications.save")}
        </button>
      </div>
      <p class="form__status" role="status" data-testid="pref-status">
        {shown === "waiting" && t("notifications.waiting")}
        {shown === "saved" && t("notifications.saved")}
        {shown === "noChanges" && t("notifications.noChanges")}
      </p>
    </form>
  );
}
