import { useEffect, useState } from "preact/hooks";
import type { ProblemError } from "../../api/client";
import { getStaffEnrolment } from "../../api/identity";
import type { StaffEnrolment } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { toDisplayProblem } from "../../components/problems";
import { st, stf } from "../i18n/st";
import { StaffScreen } from "../shell/StaffScreen";
import { StaffEnrolForm } from "./StaffEnrolForm";

const ENROL_PATH = /^\/staff\/enrol\/([^/]+)$/;

/** The token of a `/staff/enrol/<token>` path, or null for any other path. */
export function staffEnrolToken(path: string): string | null {
  const match = ENROL_PATH.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

type Load =
  | { status: "loading" }
  | { status: "ready"; enrolment: StaffEnrolment }
  | { status: "failed"; problem: ProblemError | null };

/** Worth a retry: no connection or the server's own trouble, not a spent or unknown link. */
function retryable(problem: ProblemError | null): boolean {
  return problem !== null && (problem.status === 0 || problem.status >= 500);
}

/**
 * `/staff/enrol/<token>`: the one-time link an admin gives a new staff user. Works signed in
 * or out; finishing it signs the staff user in to the console.
 */
export function StaffEnrolScreen({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });

  async function fetchEnrolment() {
    setLoad({ status: "loading" });
    try {
      setLoad({ status: "ready", enrolment: await getStaffEnrolment(token) });
    } catch (error) {
      setLoad({ status: "failed", problem: toDisplayProblem(error) });
    }
  }

  useEffect(() => {
    void fetchEnrolment();
  }, [token]);

  return (
    <StaffScreen title="shell.enrol.title" heading={st("shell.enrol.heading")}>
      {load.status === "loading" && <p role="status">{st("shell.loading")}</p>}
      {load.status === "failed" && (
        <>
          <ErrorAlert problem={load.problem} />
          {retryable(load.problem) && (
            <button
              type="button"
              class="button"
              onClick={fetchEnrolment}
              data-testid="staff-enrol-retry"
            >
              {st("shell.tryAgain")}
            </button>
          )}
          <p>
            <Link href="/staff">{st("shell.enrol.back")}</Link>
          </p>
        </>
      )}
      {load.status === "ready" && (
        <>
          <p class="lead" data-testid="staff-enrol-account">
            {stf("shell.enrol.account", {
              name: load.enrolment.name,
              email: load.enrolment.email,
            })}
          </p>
          <p>{st("shell.enrol.intro")}</p>
          <ul class="plain-list">
            <li>{st("shell.enrol.explainDevice")}</li>
            <li>{st("shell.enrol.explainNoPassword")}</li>
            <li>{st("shell.enrol.explainSafe")}</li>
            <li>{st("shell.enrol.explainLink")}</li>
          </ul>
          <StaffEnrolForm token={token} />
        </>
      )}
    </StaffScreen>
  );
}
