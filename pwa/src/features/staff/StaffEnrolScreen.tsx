import { useEffect, useState } from "preact/hooks";
import type { ProblemError } from "../../api/client";
import { getStaffEnrolment } from "../../api/identity";
import type { StaffEnrolment } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { toDisplayProblem } from "../../components/problems";
import { Screen } from "../../components/Screen";
import { t, tf } from "../../i18n/t";
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
 * or out; finishing it signs the staff user in.
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
    <Screen title="staffEnrol.title" heading={t("staffEnrol.heading")}>
      {load.status === "loading" && <p role="status">{t("common.loading")}</p>}
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
              {t("common.tryAgain")}
            </button>
          )}
          <p>
            <Link href="/">{t("common.backToStart")}</Link>
          </p>
        </>
      )}
      {load.status === "ready" && (
        <>
          <p class="lead" data-testid="staff-enrol-account">
            {tf("staffEnrol.account", { name: load.enrolment.name, email: load.enrolment.email })}
          </p>
          <p>{t("staffEnrol.intro")}</p>
          <ul class="plain-list">
            <li>{t("passkeys.explainDevice")}</li>
            <li>{t("passkeys.explainNoPassword")}</li>
            <li>{t("staffEnrol.explainSafe")}</li>
            <li>{t("staffEnrol.explainLink")}</li>
          </ul>
          <StaffEnrolForm token={token} />
        </>
      )}
    </Screen>
  );
}
