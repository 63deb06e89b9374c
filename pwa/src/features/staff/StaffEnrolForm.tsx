import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { navigate } from "../../state/route";
import { applySession } from "../../state/session";
import { enrolStaffPasskey } from "../passkeys/ceremonies";

/** The optional passkey name and the button: makes the passkey, signs in, goes home. */
export function StaffEnrolForm({ token }: { token: string }) {
  const action = useAction();
  const [name, setName] = useState("");
  return (
    <form
      class="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const session = await action.run(() => enrolStaffPasskey(token, name));
        if (!session) return;
        applySession(session);
        // Replace: the spent link should not be one "back" away.
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
        testid="staff-passkey-name"
      />
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={action.disabled}
          data-testid="staff-enrol-create"
        >
          {t("passkeys.create")}
        </button>
      </div>
    </form>
  );
}
