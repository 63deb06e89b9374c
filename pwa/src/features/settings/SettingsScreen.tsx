import type { Principal, Session } from "../../api/types";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { t } from "../../i18n/t";
import { SettingsContact } from "./SettingsContact";
import { SettingsNotifications } from "./SettingsNotifications";
import { SettingsPasskeys } from "./SettingsPasskeys";
import { SettingsPassword } from "./SettingsPassword";
import { SettingsSignOut } from "./SettingsSignOut";

interface Props {
  principal: Principal;
  session: Session;
}

/**
 * `/settings`: contact details, passkeys, password sign-in, signing out. Contact details and
 * notification choices open offline (the offline profile, changes queued); what only the
 * server can do says that it needs a connection.
 */
export function SettingsScreen({ principal, session }: Props) {
  const resident = principal.kind === "resident" ? principal : null;
  const showPassword =
    resident !== null && (session.passwordLoginAvailable || resident.passwordEnabled);
  return (
    <Screen title="settings.title" heading={t("settings.heading")}>
      <p>
        <Link href="/" testid="home-link">
          {t("settings.backHome")}
        </Link>
      </p>
      {resident && (
        <section class="card" aria-labelledby="settings-contact-heading">
          <h2 id="settings-contact-heading">{t("settings.contactHeading")}</h2>
          <SettingsContact key={resident.id} principal={resident} />
        </section>
      )}
      {resident && (
        <section class="card" aria-labelledby="settings-notifications-heading">
          <h2 id="settings-notifications-heading">{t("notifications.heading")}</h2>
          <SettingsNotifications key={resident.id} />
        </section>
      )}
      <section class="card" aria-labelledby="settings-passkeys-heading">
        <h2 id="settings-passkeys-heading">{t("passkeys.heading")}</h2>
        <p>{t("passkeys.settingsIntro")}</p>
        <SettingsPasskeys />
      </section>
      {resident && showPassword && (
        <section class="card" aria-labelledby="settings-password-heading">
          <h2 id="settings-password-heading">{t("settings.passwordHeading")}</h2>
          <p>{t("settings.passwordIntro")}</p>
          <SettingsPassword principal={resident} />
        </section>
      )}
      <section class="card" aria-labelledby="settings-signout-heading">
        <h2 id="settings-signout-heading">{t("settings.signOutHeading")}</h2>
        <SettingsSignOut everywhere />
      </section>
    </Screen>
  );
}
