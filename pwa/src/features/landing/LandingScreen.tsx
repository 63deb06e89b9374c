import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { t } from "../../i18n/t";
import { signedOutNotice } from "../../state/session";
import { LandingSignIn } from "./LandingSignIn";

const NOTICES = {
  expired: "landing.notice.expired",
  signedOut: "landing.notice.signedOut",
  revoked: "landing.notice.revoked",
} as const;

/** Signed out: sign in with a passkey (or password), or register, or recover. */
export function LandingScreen({ passwordLoginAvailable }: { passwordLoginAvailable: boolean }) {
  const notice = signedOutNotice.value;
  return (
    <Screen title="landing.title" heading={t("shell.greeting")} headingTestid="greeting">
      <p class="lead">{t("landing.intro")}</p>
      <div class="notice-region" role="status">
        {notice && (
          <p class="notice" data-testid="signed-out-notice">
            {t(NOTICES[notice])}
          </p>
        )}
      </div>
      <section class="card" aria-labelledby="landing-signin-heading">
        <h2 id="landing-signin-heading">{t("landing.signInHeading")}</h2>
        <LandingSignIn
          passwordLoginAvailable={passwordLoginAvailable}
          autofillOnLoad={notice !== "signedOut" && notice !== "revoked"}
        />
      </section>
      <section class="card" aria-labelledby="landing-register-heading">
        <h2 id="landing-register-heading">{t("landing.registerHeading")}</h2>
        <p>{t("landing.registerIntro")}</p>
        <p>
          <Link href="/register" class="button button--link" testid="register-link">
            {t("landing.register")}
          </Link>
        </p>
        <p>
          <Link href="/recover" testid="recover-link">
            {t("landing.lostPasskey")}
          </Link>
        </p>
      </section>
    </Screen>
  );
}
