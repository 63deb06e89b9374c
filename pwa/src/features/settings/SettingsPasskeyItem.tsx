import { useRef, useState } from "preact/hooks";
import { renamePasskey, revokePasskey } from "../../api/identity";
import type { Passkey } from "../../api/types";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { formatDateTime } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import { language } from "../../state/language";
import { endSession } from "../../state/session";
import { ProblemOrOffline } from "./connection";
import { SettingsRevokeDialog } from "./SettingsRevokeDialog";

interface Props {
  passkey: Passkey;
  /** No connection: renaming and removing wait for it. */
  offline: boolean;
  onRenamed: (passkey: Passkey) => void;
  onRevoked: (id: string) => void;
}

/** One passkey: its name and dates, an inline rename form, and revoke behind a confirmation. */
export function SettingsPasskeyItem({ passkey, offline, onRenamed, onRevoked }: Props) {
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(passkey.name);
  const renameButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const lang = language.value;
  const id = passkey.id;

  async function rename() {
    const next = await action.run(() => renamePasskey(id, name.trim()));
    if (!next) return;
    setEditing(false);
    onRenamed(next);
    queueMicrotask(() => renameButton.current?.focus());
  }

  async function revoke() {
    setConfirming(false);
    const done = await action.run(async () => {
      await revokePasskey(id);
      return true;
    });
    if (!done) return;
    if (passkey.current) endSession("revoked");
    else onRevoked(id);
  }

  return (
    <li class="passkey" data-testid={`passkey-${id}`}>
      <p class="passkey__name">
        <span data-testid={`passkey-name-${id}`}>{passkey.name}</span>
        {passkey.current && (
          <span class="badge" data-testid={`passkey-current-${id}`}>
            {t("passkeys.thisDevice")}
          </span>
        )}
      </p>
      <p class="passkey__meta">
        {tf("passkeys.created", { date: formatDateTime(passkey.createdAt, lang) })}
        <br />
        {passkey.lastUsedAt
          ? tf("passkeys.lastUsed", { date: formatDateTime(passkey.lastUsedAt, lang) })
          : t("passkeys.neverUsed")}
      </p>
      <ProblemOrOffline
        problem={action.problem}
        message="settings.offline.passkeys"
        testid={`passkey-offline-${id}`}
      />
      {editing ? (
        <form
          class="form form--inline"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void rename();
          }}
        >
          <TextField
            label={t("passkeys.nameLabel")}
            value={name}
            onInput={setName}
            maxLength={64}
            autocomplete="off"
            error={action.problem?.fieldError("name")}
            testid={`passkey-rename-input-${id}`}
          />
          <div class="form__actions">
            <button
              type="submit"
              class="button button--primary"
              disabled={action.disabled || offline}
              data-testid={`passkey-rename-save-${id}`}
            >
              {t("common.save")}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                setEditing(false);
                setName(passkey.name);
                action.setProblem(null);
              }}
            >
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div class="form__actions">
          <button
            type="button"
            class="button"
            ref={renameButton}
            disabled={offline}
            onClick={() => setEditing(true)}
            data-testid={`passkey-rename-${id}`}
          >
            {t("passkeys.rename")}
            <span class="visually-hidden">: {passkey.name}</span>
          </button>
          <button
            type="button"
            class="button button--danger"
            ref={revokeButton}
            disabled={action.disabled || offline}
            onClick={() => setConfirming(true)}
            data-testid={`passkey-revoke-${id}`}
          >
            {t("passkeys.revoke")}
            <span class="visually-hidden">: {passkey.name}</span>
          </button>
        </div>
      )}
      {confirming && (
        <SettingsRevokeDialog
          passkey={passkey}
          onConfirm={revoke}
          onCancel={() => {
            setConfirming(false);
            queueMicrotask(() => revokeButton.current?.focus());
          }}
        />
      )}
    </li>
  );
}
