import { t } from "../../i18n/t";
import { sessionState } from "../../state/session";
import { UpdatePrompt } from "../update/UpdatePrompt";
import { ShellEmergencyHint } from "./ShellEmergencyHint";
import { ShellHeader } from "./ShellHeader";
import { ShellNav } from "./ShellNav";
import { ShellOfflineBanner } from "./ShellOfflineBanner";
import { ShellRoutes } from "./ShellRoutes";

/** The app frame: skip link, header, the current screen, footer and the update prompt. */
export function ShellApp() {
  // Until the session is known, only the header and a loading line: the menu, the 24/7
  // hint and the footer then appear together with the screen instead of pushing it down.
  const ready = sessionState.value.status !== "loading";
  return (
    <>
      <a class="skip-link" href="#main">
        {t("shell.skipLink")}
      </a>
      <ShellHeader />
      {ready && <ShellNav />}
      {ready ? (
        <main id="main" class="shell-main" tabIndex={-1}>
          <ShellOfflineBanner />
          <ShellEmergencyHint />
          <ShellRoutes />
        </main>
      ) : (
        <ShellRoutes />
      )}
      {ready && (
        <footer class="shell-footer">
          <p>{t("app.tagline")}</p>
        </footer>
      )}
      <UpdatePrompt />
    </>
  );
}
