import { useState } from "preact/hooks";
import type { RegistrationState } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { Screen } from "../../components/Screen";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { navigate } from "../../state/route";
import { applySession } from "../../state/session";
import { registerFirstPasskey } from "../passkeys/ceremonies";

/** The last step: what a passkey is, in plain words, and the button that makes one. */
export function RegistrationPasskeyStep({ state }: { state: RegistrationState }) {
  const action = useAction();
  const [name, setName] = useState("");
  return (
    <Screen title="continue.passkeyTitle" heading={t("continue.passkeyHeading")}>
      <p class="lead">
        {state.recovery ? t("continue.passkeyRecoveryIntro") : t("continue.passkeyIntro")}
      </p>
      <ul class="plain-list">
        <li>{t("passkeys.explainDevice")}</li>
        <li>{t("passkeys.explainNoPassword")}</li>
        <li>{t("passkeys.explainSafe")}</li>
      </ul>
      <form
        class="form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const session = await action.run(() => registerFirstPasskey(name));
          if (!session) return;
          applySession(session);
          navigate("/", { replace: true });
        }}
      >
        <ErrorAlert problem={action.problem} />
        <TextField
          label={t("passkeys.nameLabel")}
          hint={t("passkeys.nameHint")}
          value={name}
          onInput={setName}
          maxLength={64}
          autocomplete="off"
          error={action.problem?.fieldError("name")}
          testid="passkey-name"
        />
        <div class="form__actions">
          <button
            type="submit"
            class="button button--primary"
            disabled={action.disabled}
            data-testid="passkey-create"
          >
            {t("passkeys.create")}
          </button>
        </div>
      </form>
    </Screen>
  );
}
