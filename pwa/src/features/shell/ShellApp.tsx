import { t } from "../../i18n/t";
import { UpdatePrompt } from "../update/UpdatePrompt";
import { ShellEmergencyHint } from "./ShellEmergencyHint";
import { ShellHeader } from "./ShellHeader";

/** The app frame: skip link, header, main content, footer and the update prompt. */
export function ShellApp() {
  return (
    <>
      <a class="skip-link" href="#main">
        {t("shell.skipLink")}
      </a>
      <ShellHeader />
      <main id="main" class="shell-main" tabIndex={-1}>
        <ShellEmergencyHint />
        <h1 data-testid="greeting">{t("shell.greeting")}</h1>
        <p data-testid="sign-in-soon">{t("shell.signInSoon")}</p>
      </main>
      <footer class="shell-footer">
        <p>{t("app.tagline")}</p>
      </footer>
      <UpdatePrompt />
    </>
  );
}
