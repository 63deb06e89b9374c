import type { Home, Principal, ResidentPrincipal } from "../../api/types";
import { EmergencyBox } from "../../components/EmergencyBox";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { formatDate } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { CategoriesRow, NewsRow, PropertyRow, RentSummaryRow } from "../../offline/views";
import { activeHome } from "../../state/activeHome";
import { language } from "../../state/language";
import { syncClient, useRow, useRows } from "../../state/sync";
import { SettingsSignOut } from "../settings/SettingsSignOut";
import { HomeNews, newsOf } from "./HomeNews";
import { HomeRent } from "./HomeRent";
import { HomeSwitcher } from "./HomeSwitcher";
import { type HomeTicketRow, HomeTickets, openTicketsOf } from "./HomeTickets";
import "./home.css";

/** The two ways to a defect notification: file one, or follow the ones filed. */
function HomeActions() {
  return (
    <nav class="home-actions" aria-label={t("homeScreen.actionsLabel")}>
      <Link href="/report" class="button button--link home-actions__report" testid="home-report">
        {t("homeScreen.reportDefect")}
      </Link>
      <Link href="/tickets" class="home-actions__tickets" testid="home-tickets-link">
        {t("homeScreen.myTickets")}
      </Link>
    </nav>
  );
}

/** The offline data is not open yet, or cannot be on this browser (no IndexedDB). */
function HomeWaiting() {
  return (
    <SyncWaiting loading="homeScreen.loading" unavailable="homeScreen.unavailable" testid="home" />
  );
}

/** Everything about the active home, from the offline data (so it opens offline too). */
function HomeActive({ home }: { home: Home }) {
  const property = useRow<PropertyRow>(`property/${home.leaseId}`);
  const tickets = useRows<HomeTicketRow>("ticket/");
  const categories = useRow<CategoriesRow>("ticketCategories");
  const news = useRows<NewsRow>("news/");
  const rent = useRow<RentSummaryRow>(`rent/${home.leaseId}/summary`);
  const started = home.access !== "before_start";
  // A new device before its first pull: nothing to show yet, which is not "nothing there".
  const neverSynced = syncClient.value?.state.lastSyncedAt.value === null;

  if (tickets === null || news === null || property === null || neverSynced) {
    return (
      <>
        {started && <HomeActions />}
        <HomeWaiting />
      </>
    );
  }
  return (
    <>
      <EmergencyBox id="home-emergency" phone={property?.emergencyPhone} />
      {started ? (
        <>
          <HomeActions />
          {home.access === "main_tenant" && <HomeRent summary={rent ?? undefined} />}
          <HomeTickets
            tickets={openTicketsOf(tickets, home.leaseId)}
            categories={categories ?? undefined}
          />
          <HomeNews news={newsOf(news, home.leaseId)} />
        </>
      ) : (
        <p class="notice" data-testid="home-before-start">
          {tf("homeScreen.beforeStart", { date: formatDate(home.startsOn, language.value) })}
        </p>
      )}
    </>
  );
}

function HomeResident({ principal }: { principal: ResidentPrincipal }) {
  const home = activeHome(principal.homes);
  return (
    <Screen
      title="home.title"
      heading={tf("home.greeting", { name: principal.firstName })}
      headingTestid="home-greeting"
    >
      <section class="home-section" aria-labelledby="home-homes-heading">
        <h2 id="home-homes-heading">
          {principal.homes.length > 1 ? t("home.homesHeading") : t("home.homeHeading")}
        </h2>
        <HomeSwitcher homes={principal.homes} active={home} />
      </section>
      {home && <HomeActive key={home.leaseId} home={home} />}
      <nav class="home-links" aria-label={t("home.linksLabel")}>
        <Link href="/settings" class="button button--link" testid="settings-link">
          {t("home.settings")}
        </Link>
      </nav>
    </Screen>
  );
}

/** Signed in: the resident's home screen; staff are pointed to their console (another page). */
export function HomeScreen({ principal }: { principal: Principal }) {
  if (principal.kind === "staff") {
    return (
      <Screen
        title="home.title"
        heading={tf("home.staffSignedIn", { name: principal.name })}
        headingTestid="home-greeting"
      >
        <p>{t("home.staffIntro")}</p>
        <p>
          <a href="/staff" class="button button--primary" data-testid="home-staff-console">
            {t("home.staffConsole")}
          </a>
        </p>
        <SettingsSignOut everywhere={false} />
      </Screen>
    );
  }
  return <HomeResident principal={principal} />;
}
