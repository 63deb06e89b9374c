import { useState } from "preact/hooks";
import { submitOfficeCode } from "../../api/identity";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { navigate } from "../../state/route";
import { handOver } from "./snapshot";

/** The single-use code that customer service gave after checking an ID card. */
export function RegistrationOfficeCodeForm() {
  const action = useAction();
  const [code, setCode] = useState("");
  return (
    <form
      class="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const state = await action.run(() => submitOfficeCode(code.trim()));
        if (!state) return;
        handOver(state);
        navigate("/register/continue");
      }}
    >
      <ErrorAlert problem={action.problem} />
      <TextField
        label={t("register.codeLabel")}
        hint={t("register.codeHint")}
        value={code}
        onInput={setCode}
        autocomplete="one-time-code"
        autocapitalize="characters"
        error={action.problem?.fieldError("code")}
        testid="office-code-input"
      />
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={action.disabled}
          data-testid="office-code-submit"
        >
          {t("register.codeSubmit")}
        </button>
      </div>
    </form>
  );
}
