import { LANGUAGES } from "../../i18n/languages";
import { t } from "../../i18n/t";
import { language, setLanguage } from "../../state/language";

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
          onClick={() => setLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </fieldset>
  );
}
