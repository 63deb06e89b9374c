import { t } from "../../i18n/t";
import { UpdatePrompt } from "../update/UpdatePrompt";
import { ShellEmergencyHint } from "./ShellEmergencyHint";
import { ShellHeader } from "./ShellHeader";
import { ShellNav } from "./ShellNav";
import { ShellOfflineBanner } from "./ShellOfflineBanner";
import { ShellRoutes } from "./ShellRoutes";

/** The app frame: skip link, header, the current screen, footer and the update prompt. */
export function ShellApp() {
  return (
    <>
      <a class="skip-link" href="#main">
        {t("shell.skipLink")}
      </a>
      <ShellHeader />
      <ShellNav />
      <main id="main" class="shell-main" tabIndex={-1}>
        <ShellOfflineBanner />
        <ShellEmergencyHint />
        <ShellRoutes />
      </main>
      <footer class="shell-footer">
        <p>{t("app.tagline")}</p>
      </footer>
      <UpdatePrompt />
    </>
  );
}
