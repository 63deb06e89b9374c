import { signOut } from "../../api/identity";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useAction } from "../../components/useAction";
import { st, stf, stOr } from "../i18n/st";
import { StaffLanguageSwitch } from "./StaffLanguageSwitch";
import { currentStaff, endStaffSession } from "./session";

/** The console's name, who is signed in and in which roles, the language, signing out. */
export function StaffHeader() {
  const user = currentStaff();
  const action = useAction();
  async function leave() {
    // Only once the server ended it: otherwise the cookie would still sign this browser in.
    const done = await action.run(async () => {
      await signOut();
      return true;
    });
    if (done) endStaffSession("signedOut");
  }
  return (
    <header class="staff-header">
      <p class="staff-header__brand">{st("shell.appName")}</p>
      {user && (
        <div class="staff-header__user">
          <p data-testid="staff-user-name">{stf("shell.signedInAs", { name: user.name })}</p>
          <p class="staff-header__roles" data-testid="staff-user-roles">
            <span class="visually-hidden">{st("shell.rolesLabel")}: </span>
            {user.roles.map((role) => stOr(`shell.roles.${role}`, role)).join(", ")}
          </p>
        </div>
      )}
      <StaffLanguageSwitch />
      {user && (
        <button
          type="button"
          class="button"
          disabled={action.busy}
          onClick={leave}
          data-testid="staff-signout"
        >
          {st("shell.signOut")}
        </button>
      )}
      {action.problem && <ErrorAlert problem={action.problem} />}
    </header>
  );
}
