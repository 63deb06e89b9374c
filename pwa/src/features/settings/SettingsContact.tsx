import { useEffect, useRef, useState } from "preact/hooks";
import { updateMe } from "../../api/identity";
import type { MeUpdate, ResidentPrincipal } from "../../api/types";
import { ContactFields } from "../../components/ContactForm";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { language, setLanguage } from "../../state/language";
import { applySession, currentSession } from "../../state/session";
import { syncClient, useRow } from "../../state/sync";
import {
  CONTACT_FIELDS,
  type ContactProblem,
  type ContactValues,
  contactChanges,
  contactOf,
  contactProblems,
  isPending,
  type ProfileRow,
  profileRejections,
  typedContact,
} from "./profile";
import { SettingsRejections } from "./SettingsRejections";

/**
 * The remembered session follows at once (the language of the next start offline, the
 * password's username). Its language is the UI's: a language chosen with the switcher is
 * queued for the profile too, so the session must not switch back to the older one.
 */
function rememberInSession(change: Partial<ContactValues>): void {
  const session = currentSession();
  const principal = session?.principal;
  if (!session || principal?.kind !== "resident") return;
  const updated = { ...principal, ...change, language: language.peek() };
  applySession({ ...session, principal: updated });
}

/** Without offline data (not open yet, or not possible in this browser): PATCH /api/me. */
function restUpdate(values: ContactValues): MeUpdate {
  const update: MeUpdate = { language: values.language };
  if (values.email.trim()) update.email = values.email.trim();
  if (values.phone.trim()) update.phone = values.phone.trim();
  return update;
}

/**
 * Email, phone and language, from the offline `profile` row and saved with `updateProfile`
 * (queued offline; "waiting to send" until the server has it). A new language switches the
 * UI at once. A refused change shows the server's reason, with what was typed kept.
 */
export function SettingsContact({ principal }: { principal: ResidentPrincipal }) {
  const client = syncClient.value;
  const row = useRow<ProfileRow>("profile") ?? undefined;
  const action = useAction();
  const base = contactOf(row ?? principal);
  const [typed, setTyped] = useState<ContactValues | null>(null);
  const [local, setLocal] = useState<Partial<Record<ContactProblem, true>>>({});
  const [status, setStatus] = useState<"saved" | "noChanges" | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const rejections = client ? profileRejections(client.state.rejected.value, CONTACT_FIELDS) : [];
  const values = typed ?? base;

  // A refused change brings back what was typed (unless the resident is typing anew).
  const restored = useRef(new Set<number>());
  useEffect(() => {
    const fresh = rejections.filter((r) => !restored.current.has(r.id));
    if (fresh.length === 0) return;
    for (const r of fresh) restored.current.add(r.id);
    setTyped((current) => current ?? fresh.reduce(typedContact, base));
    setStatus(null);
  });

  function update(change: Partial<ContactValues>) {
    setTyped({ ...values, ...change });
    setStatus(null);
    setSent(null);
  }

  async function save() {
    setStatus(null);
    setSent(null);
    const problems = contactProblems(base, values);
    setLocal(problems);
    if (problems.email || problems.phone) return;
    const change = contactChanges(base, values);
    if (Object.keys(change).length === 0) {
      setTyped(null);
      setStatus("noChanges");
      return;
    }
    if (!client) {
      const session = await action.run(() => updateMe(restUpdate(values)));
      if (!session) return;
      applySession(session);
      setTyped(null);
      setStatus("saved");
      return;
    }
    if (change.language) setLanguage(change.language);
    rememberInSession(change);
    const id = await action.run(() => client.mutate("updateProfile", change));
    if (id === undefined) return;
    // The form follows the profile row again, unless the server refused it already.
    if (!client.state.rejected.peek().some((r) => r.id === id)) setTyped(null);
    setSent(id);
  }

  // Without a profile row yet (never synced) nothing shows the change: the queue does.
  const unsynced =
    row === undefined && sent !== null && (client?.state.pendingCount.value ?? 0) > 0;
  const pending = isPending(row, CONTACT_FIELDS) || unsynced;
  const refused = sent !== null && rejections.some((r) => r.id === sent);
  const shown = pending ? "waiting" : sent !== null && !refused ? "saved" : status;
  const problem = action.problem;
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="contact-form"
    >
      {client && (
        <SettingsRejections
          client={client}
          rejections={rejections}
          title="settings.contactRejected"
          testid="contact-rejections"
        />
      )}
      <ErrorAlert problem={problem} />
      <ContactFields
        values={values}
        onChange={update}
        problem={problem}
        errors={{
          email: local.email ? t("settings.errors.email") : undefined,
          phone: local.phone ? t("settings.errors.phone") : undefined,
        }}
      />
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={action.disabled}
          data-testid="contact-submit"
        >
          {t("settings.contactSubmit")}
        </button>
      </div>
      <p class="form__status" role="status" data-testid="contact-status">
        {shown === "waiting" && t("settings.contactWaiting")}
        {shown === "saved" && <span data-testid="contact-saved">{t("settings.saved")}</span>}
        {shown === "noChanges" && t("settings.noChanges")}
      </p>
    </form>
  );
}
