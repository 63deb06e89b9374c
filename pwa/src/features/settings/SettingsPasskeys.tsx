import { useEffect, useState } from "preact/hooks";
import { listPasskeys } from "../../api/identity";
import type { Passkey } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { addAnotherPasskey } from "../passkeys/ceremonies";
import { SettingsPasskeyItem } from "./SettingsPasskeyItem";

/** The person's passkeys: list, rename, revoke, add one more. */
export function SettingsPasskeys() {
  const loading = useAction();
  const adding = useAction();
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [name, setName] = useState("");
  const [added, setAdded] = useState(false);

  async function load() {
    const list = await loading.run(listPasskeys);
    if (list) setPasskeys(list);
  }

  useEffect(() => {
    void load();
  }, []);

  async function add() {
    setAdded(false);
    const passkey = await adding.run(() => addAnotherPasskey(name));
    if (!passkey) return;
    setPasskeys((list) => [...(list ?? []), passkey]);
    setName("");
    setAdded(true);
  }

  return (
    <>
      <ErrorAlert problem={loading.problem} />
      {passkeys === null && !loading.problem && <p role="status">{t("common.loading")}</p>}
      {passkeys && (
        <ul class="passkey-list" data-testid="passkey-list">
          {passkeys.map((passkey) => (
            <SettingsPasskeyItem
              key={passkey.id}
              passkey={passkey}
              onRenamed={(next) =>
                setPasskeys((list) => list?.map((p) => (p.id === next.id ? next : p)) ?? null)
              }
              onRevoked={(id) => setPasskeys((list) => list?.filter((p) => p.id !== id) ?? null)}
            />
          ))}
        </ul>
      )}
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
        <ErrorAlert problem={adding.problem} />
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
