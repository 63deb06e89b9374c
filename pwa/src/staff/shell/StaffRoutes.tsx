import { useEffect } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { currentPath, navigate } from "../../state/route";
import { StaffEnrolScreen, staffEnrolToken } from "../enrol/StaffEnrolScreen";
import { st } from "../i18n/st";
import { matchStaffRoute, navEntries } from "../routes";
import { StaffLogin } from "./StaffLogin";
import { StaffResidentNotice } from "./StaffResidentNotice";
import { StaffScreen } from "./StaffScreen";
import { hasAnyRole, loadStaffSession, type StaffUser, staffSession } from "./session";

function StaffWaiting() {
  const state = staffSession.value;
  if (state.status !== "error") {
    return (
      <p role="status" data-testid="staff-loading">
        {st("shell.loading")}
      </p>
    );
  }
  return (
    <StaffScreen title="shell.title" heading={st("shell.title")}>
      <ErrorAlert problem={state.problem} />
      <button type="button" class="button" onClick={() => loadStaffSession()}>
        {st("shell.tryAgain")}
      </button>
    </StaffScreen>
  );
}

/** /staff: the first section the user's roles open. */
function StaffHome({ user }: { user: StaffUser }) {
  const first = navEntries(user)[0]?.href;
  useEffect(() => {
    if (first) navigate(first, { replace: true });
  }, [first]);
  if (first) return null;
  return (
    <StaffScreen title="shell.home.title" heading={st("shell.home.heading")}>
      <p>{st("shell.home.noAreas")}</p>
    </StaffScreen>
  );
}

function StaffNotFound({ forbidden }: { forbidden: boolean }) {
  const area = forbidden ? "forbidden" : "notFound";
  return (
    <StaffScreen title={`shell.${area}.title`} heading={st(`shell.${area}.heading`)}>
      <p>{st(`shell.${area}.intro`)}</p>
      <p>
        <Link href="/staff">{st("shell.notFound.back")}</Link>
      </p>
    </StaffScreen>
  );
}

/** Which screen the path and the session call for: enrolment works signed in or out;
 * otherwise a staff session is needed, and the route's roles. */
export function StaffRoutes() {
  const state = staffSession.value;
  const path = currentPath.value;
  const enrolToken = staffEnrolToken(path);
  if (enrolToken !== null) return <StaffEnrolScreen key={enrolToken} token={enrolToken} />;
  if (state.status !== "ready") return <StaffWaiting />;
  const principal = state.session.authenticated ? state.session.principal : null;
  if (!principal) return <StaffLogin />;
  if (principal.kind !== "staff") return <StaffResidentNotice />;
  if (path === "/staff") return <StaffHome user={principal} />;
  const found = matchStaffRoute(path);
  if (!found) return <StaffNotFound forbidden={false} />;
  if (!hasAnyRole(principal, found.route.roles)) return <StaffNotFound forbidden />;
  const Screen = found.route.screen;
  return <Screen key={path} principal={principal} params={found.params} />;
}
