import { ErrorAlert } from "../../components/ErrorAlert";
import { useAction } from "../../components/useAction";
import { signInModal } from "../../features/passkeys/ceremonies";
import { st } from "../i18n/st";
import { StaffScreen } from "./StaffScreen";
import { applyStaffSession, staffSignedOutNotice } from "./session";

/** Sign in with a staff passkey (the browser's passkey prompt); stays on the same path, so
 * the screen asked for (or left at expiry) opens right after. */
export function StaffLogin() {
  const action = useAction();
  const notice = staffSignedOutNotice.value;
  async function signIn() {
    const session = await action.run(signInModal);
    if (session) applyStaffSession(session, { signedIn: true });
  }
  return (
    <StaffScreen title="shell.login.title" heading={st("shell.login.heading")} class="staff-login">
      {notice && (
        <p class="notice" role="status" data-testid="staff-signed-out-notice">
          {st(notice === "expired" ? "shell.login.expired" : "shell.login.signedOut")}
        </p>
      )}
      <p>{st("shell.login.intro")}</p>
      <ErrorAlert problem={action.problem} />
      <button
        type="button"
        class="button button--primary"
        disabled={action.disabled}
        onClick={signIn}
        data-testid="staff-signin-passkey"
      >
        {st("shell.login.signIn")}
      </button>
    </StaffScreen>
  );
}
