import { useMemo } from "preact/hooks";
import { localProblem, ProblemError } from "../../api/client";
import type { RegistrationState } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { t } from "../../i18n/t";

/** Strong identification or the office code did not go through: the server's words. */
export function RegistrationFailed({ state }: { state: RegistrationState }) {
  const problem = useMemo(
    () => (state.problem ? new ProblemError(state.problem) : localProblem("unexpected")),
    [state.problem],
  );
  return (
    <Screen title="continue.failedTitle" heading={t("continue.failedHeading")}>
      <ErrorAlert problem={problem} />
      <p>
        <Link
          href={state.recovery ? "/recover" : "/register"}
          class="button button--link"
          testid="registration-try-again"
        >
          {t("common.tryAgain")}
        </Link>
      </p>
    </Screen>
  );
}
