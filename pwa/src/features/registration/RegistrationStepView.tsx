import type { RegistrationState } from "../../api/types";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { t } from "../../i18n/t";
import { RegistrationContactStep } from "./RegistrationContactStep";
import { RegistrationFailed } from "./RegistrationFailed";
import { RegistrationPasskeyStep } from "./RegistrationPasskeyStep";
import { RegistrationRefused } from "./RegistrationRefused";

interface StepProps {
  state: RegistrationState;
  onState: (state: RegistrationState) => void;
}

/** One screen per registration step (`done` is handled by the caller: it goes home). */
export function RegistrationStepView({ state, onState }: StepProps) {
  switch (state.step) {
    case "failed":
      return <RegistrationFailed state={state} />;
    case "refused":
      return <RegistrationRefused state={state} />;
    case "contact":
      return <RegistrationContactStep state={state} onState={onState} />;
    case "passkey":
      return <RegistrationPasskeyStep state={state} />;
    default:
      return (
        <Screen title="continue.noneTitle" heading={t("continue.noneHeading")}>
          <p data-testid="registration-none">{t("continue.noneIntro")}</p>
          <p>
            <Link href="/register" class="button button--link" testid="register-link">
              {t("landing.register")}
            </Link>
          </p>
        </Screen>
      );
  }
}
