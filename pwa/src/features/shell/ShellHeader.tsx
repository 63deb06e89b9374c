import { t } from "../../i18n/t";
import { LanguageSwitcher } from "../language/LanguageSwitcher";

export function ShellHeader() {
  return (
    <header class="shell-header">
      <div class="shell-header__inner">
        <p class="shell-header__brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>{t("app.name")}</span>
        </p>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
