import { startStrongAuth } from "../../api/identity";
import type { StrongAuthPurpose } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { external } from "../../state/route";
import { currentSession } from "../../state/session";
import { RegistrationOfficeCodeForm } from "./RegistrationOfficeCodeForm";

/** `/register` and `/recover`: strong identification, or a code from the office. */
export function RegistrationScreen({ purpose }: { purpose: StrongAuthPurpose }) {
  const action = useAction();
  const recover = purpose === "recover";
  const demo = currentSession()?.strongAuth === "demo";

  async function start() {
    const result = await action.run(() => startStrongAuth(purpose));
    if (result) external.assign(result.authorizationUrl);
  }

  return (
    <Screen
      title={recover ? "register.recoverTitle" : "register.title"}
      heading={recover ? t("register.recoverHeading") : t("register.heading")}
    >
      <p class="lead">{recover ? t("register.recoverIntro") : t("register.intro")}</p>
      <p>{t("register.whyStrong")}</p>
      <section class="card" aria-labelledby="register-bank-heading">
        <h2 id="register-bank-heading">{t("register.bankHeading")}</h2>
        <p>{t("register.bankIntro")}</p>
        {demo && <p class="note">{t("register.demoNote")}</p>}
        <ErrorAlert problem={action.problem} />
        <button
          type="button"
          class="button button--primary"
          disabled={action.disabled}
          onClick={start}
          data-testid="strong-auth-start"
        >
          {t("register.bankStart")}
        </button>
      </section>
      <section class="card" aria-labelledby="register-code-heading">
        <h2 id="register-code-heading">{t("register.codeHeading")}</h2>
        <p>{t("register.codeIntro")}</p>
        <RegistrationOfficeCodeForm />
      </section>
      <p>
        <Link href="/">{t("common.backToStart")}</Link>
      </p>
    </Screen>
  );
}
