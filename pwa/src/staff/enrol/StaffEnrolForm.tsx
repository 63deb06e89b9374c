import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { enrolStaffPasskey } from "../../features/passkeys/ceremonies";
import { navigate } from "../../state/route";
import { st } from "../i18n/st";
import { applyStaffSession } from "../shell/session";

/** The optional passkey name and the button: makes the passkey, signs in, opens the console. */
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
        applyStaffSession(session, { signedIn: true });
        // Replace: the spent link should not be one "back" away.
        navigate("/staff", { replace: true });
      }}
    >
      <ErrorAlert problem={action.problem} />
      <TextField
        label={st("shell.enrol.nameLabel")}
        hint={st("shell.enrol.nameHint")}
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
          {st("shell.enrol.create")}
        </button>
      </div>
    </form>
  );
}
