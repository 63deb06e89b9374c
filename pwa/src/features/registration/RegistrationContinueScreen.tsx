import { useEffect, useState } from "preact/hooks";
import type { ProblemError } from "../../api/client";
import { getRegistration } from "../../api/identity";
import type { RegistrationState } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { toDisplayProblem } from "../../components/problems";
import { Screen } from "../../components/Screen";
import { t } from "../../i18n/t";
import { navigate } from "../../state/route";
import { loadSession } from "../../state/session";
import { RegistrationStepView } from "./RegistrationStepView";
import { takeHandedOver } from "./snapshot";

/** `/register/continue`: where strong identification (or an office code) returns to. */
export function RegistrationContinueScreen() {
  const [state, setState] = useState<RegistrationState | null>(takeHandedOver);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  async function load() {
    setProblem(null);
    try {
      setState(await getRegistration());
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  }

  useEffect(() => {
    if (!state) void load();
  }, []);

  useEffect(() => {
    if (state?.step !== "done") return;
    void loadSession().then(() => navigate("/", { replace: true }));
  }, [state?.step]);

  if (state && state.step !== "done") {
    return <RegistrationStepView key={state.step} state={state} onState={setState} />;
  }
  return (
    <Screen title="continue.loadingTitle" heading={t("continue.loadingHeading")}>
      <ErrorAlert problem={problem} />
      {problem ? (
        <button type="button" class="button" onClick={load} data-testid="continue-retry">
          {t("common.tryAgain")}
        </button>
      ) : (
        <p role="status">{t("common.loading")}</p>
      )}
    </Screen>
  );
}
