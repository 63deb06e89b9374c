import { useState } from "preact/hooks";
import { signInWithPassword } from "../../api/identity";
import type { Session } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { navigate } from "../../state/route";
import { applySession } from "../../state/session";
import { signInModal } from "../passkeys/ceremonies";
import { useLandingConditionalSignIn } from "./useLandingConditionalSignIn";

function signedIn(session: Session): void {
  applySession(session);
  navigate("/", { replace: true });
}

interface Props {
  passwordLoginAvailable: boolean;
  /** Offer passkey autofill at once (not right after the person signed out themselves). */
  autofillOnLoad: boolean;
}

/**
 * The passkey button (modal prompt), the username field that offers passkey autofill, and
 * the password fields where the server allows password sign-in.
 */
export function LandingSignIn({ passwordLoginAvailable, autofillOnLoad }: Props) {
  const action = useAction();
  const conditional = useLandingConditionalSignIn(action, signedIn, autofillOnLoad);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const problem = action.problem;

  async function withPasskey() {
    conditional.stop();
    const session = await action.run(signInModal);
    if (session) signedIn(session);
  }

  async function withPassword() {
    const session = await action.run(() => signInWithPassword(email.trim(), password));
    if (session) signedIn(session);
    else setPassword("");
  }

  return (
    <>
      <button
        type="button"
        class="button button--primary button--wide"
        disabled={action.disabled}
        onClick={withPasskey}
        data-testid="signin-passkey"
      >
        {t("landing.signInPasskey")}
      </button>
      <ErrorAlert problem={problem} />
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void (passwordLoginAvailable ? withPassword() : withPasskey());
        }}
      >
        <TextField
          label={passwordLoginAvailable ? t("landing.email") : t("landing.username")}
          hint={t("landing.autofillHint")}
          type="email"
          autocomplete="username webauthn"
          inputMode="email"
          value={email}
          onInput={setEmail}
          onFocus={conditional.ensure}
          error={problem?.fieldError("email")}
          testid="signin-email"
        />
        {passwordLoginAvailable && (
          <>
            <TextField
              label={t("landing.password")}
              type="password"
              autocomplete="current-password"
              value={password}
              onInput={setPassword}
              error={problem?.fieldError("password")}
              testid="signin-password"
            />
            <div class="form__actions">
              <button
                type="submit"
                class="button"
                disabled={action.disabled}
                data-testid="signin-password-submit"
              >
                {t("landing.signInPassword")}
              </button>
            </div>
          </>
        )}
      </form>
    </>
  );
}
