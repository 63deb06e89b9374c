import { signOut } from "../../api/identity";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useAction } from "../../components/useAction";
import { st } from "../i18n/st";
import { StaffScreen } from "./StaffScreen";
import { endStaffSession } from "./session";

/** A resident's session at /staff: this is not their app. */
export function StaffResidentNotice() {
  const action = useAction();
  async function switchAccount() {
    const done = await action.run(async () => {
      await signOut();
      return true;
    });
    if (done) endStaffSession("signedOut");
  }
  return (
    <StaffScreen
      title="shell.residentOnly.title"
      heading={st("shell.residentOnly.heading")}
      headingTestid="staff-resident-only"
    >
      <p>{st("shell.residentOnly.intro")}</p>
      <ErrorAlert problem={action.problem} />
      <p>
        {/* The resident app is another page: a full navigation, not the console's router. */}
        <a href="/" class="button button--primary" data-testid="staff-to-resident-app">
          {st("shell.residentOnly.toResidentApp")}
        </a>
      </p>
      <p>
        <button type="button" class="button" disabled={action.disabled} onClick={switchAccount}>
          {st("shell.residentOnly.signOut")}
        </button>
      </p>
    </StaffScreen>
  );
}
