import { apiRequest } from "../../api/client";
import { LANGUAGES, type Language } from "../../i18n/languages";
import { t } from "../../i18n/t";
import { language, setLanguage } from "../../state/language";
import { currentResident } from "../../state/session";
import { syncClient } from "../../state/sync";

/** The UI switches at once; a signed-in resident's profile follows, so that notifications
 * and e-mails come in the language they chose (offline too: queued as a profile change). */
export function chooseLanguage(lang: Language): void {
  const changed = lang !== language.peek();
  setLanguage(lang);
  const resident = currentResident();
  if (!changed || !resident) return;
  const client = syncClient.peek();
  if (client) void client.mutate("updateProfile", { language: lang });
  else void apiRequest("PATCH", "/api/me/profile", { language: lang }).catch(() => undefined);
}

/** Three toggle buttons, each named in its own language (Suomi / Svenska / English). */
export function LanguageSwitcher() {
  const current = language.value;
  return (
    <fieldset class="language-switcher" data-testid="language-switcher">
      <legend class="visually-hidden">{t("language.label")}</legend>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          class="language-switcher__option"
          aria-pressed={lang === current}
          data-testid={`language-${lang}`}
          onClick={() => chooseLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </fieldset>
  );
}
