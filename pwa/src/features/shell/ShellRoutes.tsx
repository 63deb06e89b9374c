import type { JSX } from "preact";
import { useEffect } from "preact/hooks";
import type { ResidentPrincipal } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { t } from "../../i18n/t";
import { currentPath, navigate } from "../../state/route";
import { loadSession, sessionState } from "../../state/session";
import { HomeScreen } from "../home/HomeScreen";
import { LandingScreen } from "../landing/LandingScreen";
import { MessagesScreen } from "../messages/MessagesScreen";
import { NewMessageScreen } from "../messages/NewMessageScreen";
import { ThreadScreen } from "../messages/ThreadScreen";
import { NewsItemScreen } from "../news/NewsItemScreen";
import { NewsScreen } from "../news/NewsScreen";
import { OccupantsScreen } from "../occupants/OccupantsScreen";
import { PropertyScreen } from "../property/PropertyScreen";
import { RegistrationContinueScreen } from "../registration/RegistrationContinueScreen";
import { RegistrationScreen } from "../registration/RegistrationScreen";
import { RentScreen } from "../rent/RentScreen";
import { ReportScreen } from "../report/ReportScreen";
import { SettingsScreen } from "../settings/SettingsScreen";
import { TicketScreen } from "../tickets/TicketScreen";
import { TicketsScreen } from "../tickets/TicketsScreen";

const TICKET_PATH = /^\/tickets\/([0-9a-f-]{36})$/;
const NEWS_PATH = /^\/news\/([0-9a-f-]{36})$/;
const THREAD_PATH = /^\/messages\/([0-9a-f-]{36})$/;

/** The resident's screens with a fixed path. */
const RESIDENT_SCREENS: Record<string, (props: { principal: ResidentPrincipal }) => JSX.Element> = {
  "/tickets": TicketsScreen,
  "/report": ReportScreen,
  "/news": NewsScreen,
  "/property": PropertyScreen,
  "/messages": MessagesScreen,
  "/messages/new": NewMessageScreen,
  "/rent": RentScreen,
  "/occupants": OccupantsScreen,
};

/** If asking for the session failed: the greeting and a way to try again. While it is
 * being asked for (a moment): only a status for screen readers, so that nothing on the
 * screen moves when the menu and the screen arrive together. */
function ShellWaiting() {
  const state = sessionState.value;
  const problem = state.status === "error" ? state.problem : null;
  if (!problem) {
    return (
      <p role="status" class="visually-hidden" data-testid="session-loading">
        {t("common.loading")}
      </p>
    );
  }
  return (
    <Screen title="landing.title" heading={t("shell.greeting")} headingTestid="greeting">
      <ErrorAlert problem={problem} />
      <button type="button" class="button" onClick={() => loadSession()}>
        {t("common.tryAgain")}
      </button>
    </Screen>
  );
}

function ShellRedirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function ShellNotFound() {
  return (
    <Screen title="notFound.title" heading={t("notFound.heading")}>
      <p>{t("notFound.intro")}</p>
      <p>
        <Link href="/">{t("common.backToStart")}</Link>
      </p>
    </Screen>
  );
}

/** Which screen the path and the session call for. */
export function ShellRoutes() {
  const state = sessionState.value;
  const path = currentPath.value;
  if (state.status !== "ready") return <ShellWaiting />;
  const { session } = state;
  const principal = session.authenticated ? session.principal : null;
  const resident = principal?.kind === "resident" ? principal : null;
  switch (path) {
    case "/":
      return principal ? (
        <HomeScreen principal={principal} />
      ) : (
        <LandingScreen passwordLoginAvailable={session.passwordLoginAvailable} />
      );
    case "/register":
    case "/recover":
      if (principal) return <ShellRedirect to="/" />;
      return (
        <RegistrationScreen key={path} purpose={path === "/recover" ? "recover" : "register"} />
      );
    case "/register/continue":
      return <RegistrationContinueScreen />;
    case "/settings":
      return principal ? (
        <SettingsScreen principal={principal} session={session} />
      ) : (
        <ShellRedirect to="/" />
      );
    default: {
      const Fixed = RESIDENT_SCREENS[path];
      const ticket = TICKET_PATH.exec(path)?.[1];
      const news = NEWS_PATH.exec(path)?.[1];
      const thread = THREAD_PATH.exec(path)?.[1];
      if (!Fixed && !ticket && !news && !thread) return <ShellNotFound />;
      if (!resident) return <ShellRedirect to="/" />;
      if (Fixed) return <Fixed principal={resident} />;
      if (ticket) return <TicketScreen key={ticket} principal={resident} ticketId={ticket} />;
      if (news) return <NewsItemScreen key={news} principal={resident} newsId={news} />;
      return <ThreadScreen key={thread} principal={resident} threadId={thread ?? ""} />;
    }
  }
}
