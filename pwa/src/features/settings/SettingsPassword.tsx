import { useState } from "preact/hooks";
import { removePassword, setPassword } from "../../api/identity";
import type { ResidentPrincipal } from "../../api/types";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { t, tf } from "../../i18n/t";
import { loadSession } from "../../state/session";
import { NeedsConnection, ProblemOrOffline, useOnline } from "./connection";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * Password sign-in as a fallback: off unless the person turns it on. Length is the only rule.
 * Changing it needs the server: offline the buttons wait for the connection.
 */
export function SettingsPassword({ principal }: { principal: ResidentPrincipal }) {
  const online = useOnline();
  const action = useAction();
  const [password, setValue] = useState("");
  const [localError, setLocalError] = useState<string | undefined>();
  const [status, setStatus] = useState<"saved" | "removed" | null>(null);
  const enabled = principal.passwordEnabled;
  const length = [...password].length;

  async function save() {
    setStatus(null);
    if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
      setLocalError(
        tf("settings.passwordLength", { min: `${PASSWORD_MIN}`, max: `${PASSWORD_MAX}` }),
      );
      return;
    }
    setLocalError(undefined);
    const done = await action.run(async () => {
      await setPassword(password);
      await loadSession();
      return true;
    });
    if (done) {
      setValue("");
      setStatus("saved");
    }
  }

  async function remove() {
    setStatus(null);
    const done = await action.run(async () => {
      await removePassword();
      await loadSession();
      return true;
    });
    if (done) setStatus("removed");
  }

  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p data-testid="password-state">
        {enabled ? t("settings.passwordOn") : t("settings.passwordOff")}
      </p>
      {online ? (
        <ProblemOrOffline
          problem={action.problem}
          message="settings.offline.password"
          testid="password-offline"
        />
      ) : (
        <NeedsConnection message="settings.offline.password" testid="password-offline" />
      )}
      {/* A hidden username helps password managers file the new password under the email. */}
      <input
        type="email"
        class="visually-hidden"
        autocomplete="username"
        value={principal.email ?? ""}
        readOnly
        tabIndex={-1}
        aria-hidden="true"
      />
      <TextField
        label={enabled ? t("settings.passwordNewChange") : t("settings.passwordNew")}
        hint={`${tf("settings.passwordHint", { min: `${PASSWORD_MIN}`, max: `${PASSWORD_MAX}` })} ${tf("settings.passwordCount", { count: `${length}` })}`}
        type="password"
        autocomplete="new-password"
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        value={password}
        onInput={(value) => {
          setValue(value);
          setLocalError(undefined);
        }}
        error={localError ?? action.problem?.fieldError("password")}
        testid="password-new"
      />
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={action.disabled || !online}
          data-testid={enabled ? "password-change" : "password-enable"}
        >
          {enabled ? t("settings.passwordChange") : t("settings.passwordEnable")}
        </button>
        {enabled && (
          <button
            type="button"
            class="button"
            disabled={action.disabled || !online}
            onClick={remove}
            data-testid="password-disable"
          >
            {t("settings.passwordDisable")}
          </button>
        )}
      </div>
      <p class="form__status" role="status">
        {status === "saved" && t("settings.passwordSaved")}
        {status === "removed" && t("settings.passwordRemoved")}
      </p>
    </form>
  );
}
