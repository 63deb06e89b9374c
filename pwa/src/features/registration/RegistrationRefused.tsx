import type { RegistrationOutcome, RegistrationState } from "../../api/types";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";

const GUIDANCE: Partial<Record<RegistrationOutcome, { title: MessageKey; help: MessageKey }>> = {
  not_in_register: { title: "refused.notInRegister.title", help: "refused.notInRegister.help" },
  under_18: { title: "refused.under18.title", help: "refused.under18.help" },
  lease_ended: { title: "refused.leaseEnded.title", help: "refused.leaseEnded.help" },
};

/** Identified, but may not register: why (the server's words) and what to do next (ours). */
export function RegistrationRefused({ state }: { state: RegistrationState }) {
  const guidance = state.outcome ? GUIDANCE[state.outcome] : undefined;
  const title = state.problem?.title ?? (guidance ? t(guidance.title) : t("refused.generic"));
  return (
    <Screen title="refused.title" heading={t("refused.heading")}>
      <div class="problem-box" data-testid="registration-refused" data-outcome={state.outcome}>
        <p class="problem-box__title">{title}</p>
        {state.problem?.detail && <p>{state.problem.detail}</p>}
      </div>
      <h2>{t("refused.nextHeading")}</h2>
      <p data-testid="refused-help">{guidance ? t(guidance.help) : t("refused.customerService")}</p>
      {state.outcome === "not_in_register" && <p>{t("refused.customerService")}</p>}
      <p>
        <Link href="/">{t("common.backToStart")}</Link>
      </p>
    </Screen>
  );
}
