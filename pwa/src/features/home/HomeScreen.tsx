import type { Principal } from "../../api/types";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { t, tf } from "../../i18n/t";
import { SettingsSignOut } from "../settings/SettingsSignOut";
import { HomeList } from "./HomeList";

/** Signed in: a placeholder for the real home screen that comes later. */
export function HomeScreen({ principal }: { principal: Principal }) {
  if (principal.kind === "staff") {
    return (
      <Screen
        title="home.title"
        heading={tf("home.staffSignedIn", { name: principal.name })}
        headingTestid="home-greeting"
      >
        <p>{t("home.staffIntro")}</p>
        <SettingsSignOut everywhere={false} />
      </Screen>
    );
  }
  return (
    <Screen
      title="home.title"
      heading={tf("home.greeting", { name: principal.firstName })}
      headingTestid="home-greeting"
    >
      <h2>{principal.homes.length > 1 ? t("home.homesHeading") : t("home.homeHeading")}</h2>
      <HomeList homes={principal.homes} />
      <nav class="home-links" aria-label={t("home.linksLabel")}>
        <Link href="/settings" class="button button--link" testid="settings-link">
          {t("home.settings")}
        </Link>
      </nav>
    </Screen>
  );
}
