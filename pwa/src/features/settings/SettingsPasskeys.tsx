import { useEffect, useState } from "preact/hooks";
import { listPasskeys } from "../../api/identity";
import type { Passkey } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { addAnotherPasskey } from "../passkeys/ceremonies";
import { isNetworkProblem, NeedsConnection, ProblemOrOffline, useOnline } from "./connection";
import { SettingsPasskeyItem } from "./SettingsPasskeyItem";

/**
 * The person's passkeys: list, rename, revoke, add one more. All of it needs the server:
 * offline it says so (not an error), and the list loads when the connection returns.
 */
export function SettingsPasskeys() {
  const online = useOnline();
  const loading = useAction();
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);

  async function load() {
    const list = await loading.run(listPasskeys);
    if (list) setPasskeys(list);
  }

  useEffect(() => {
    if (online && passkeys === null) void load();
  }, [online]);

  const offline = !online || isNetworkProblem(loading.problem);
  return (
    <>
      <ErrorAlert problem={offline ? null : loading.problem} />
      {offline && (
        <NeedsConnection
          message="settings.offline.passkeys"
          testid="passkeys-offline"
          onRetry={online ? () => void load() : undefined}
        />
      )}
      {passkeys === null && !offline && !loading.problem && (
        <p role="status">{t("common.loading")}</p>
      )}
      {passkeys && (
        <ul class="passkey-list" data-testid="passkey-list">
          {passkeys.map((passkey) => (
            <SettingsPasskeyItem
              key={passkey.id}
              passkey={passkey}
              offline={offline}
              onRenamed={(next) =>
                setPasskeys((list) => list?.map((p) => (p.id === next.id ? next : p)) ?? null)
              }
              onRevoked={(id) => setPasskeys((list) => list?.filter((p) => p.id !== id) ?? null)}
            />
          ))}
        </ul>
      )}
      {!offline && (
        <AddPasskey onAdded={(passkey) => setPasskeys((list) => [...(list ?? []), passkey])} />
      )}
    </>
  );
}

function AddPasskey({ onAdded }: { onAdded: (passkey: Passkey) => void }) {
  const adding = useAction();
  const [name, setName] = useState("");
  const [added, setAdded] = useState(false);

  async function add() {
    setAdded(false);
    const passkey = await adding.run(() => addAnotherPasskey(name));
    if (!passkey) return;
    onAdded(passkey);
    setName("");
    setAdded(true);
  }

  return (
    <>
      <h3>{t("passkeys.addHeading")}</h3>
      <p>{t("passkeys.addIntro")}</p>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <ProblemOrOffline
          problem={adding.problem}
          message="settings.offline.passkeys"
          testid="passkey-add-offline"
        />
        <TextField
          label={t("passkeys.nameLabel")}
          hint={t("passkeys.nameHint")}
          value={name}
          onInput={setName}
          maxLength={64}
          autocomplete="off"
          error={adding.problem?.fieldError("name")}
          testid="passkey-add-name"
        />
        <div class="form__actions">
          <button
            type="submit"
            class="button button--primary"
            disabled={adding.disabled}
            data-testid="passkey-add"
          >
            {t("passkeys.add")}
          </button>
        </div>
        <p class="form__status" role="status">
          {added && <span data-testid="passkey-added">{t("passkeys.added")}</span>}
        </p>
      </form>
    </>
  );
}
