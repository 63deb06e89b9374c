import { LANGUAGES } from "../../i18n/languages";
import { language } from "../../state/language";
import { setStaffLanguage } from "../i18n/language";
import { st } from "../i18n/st";

/** Each language named in itself, whatever the current language. */
const NAMES = { fi: "Suomi", sv: "Svenska", en: "English" } as const;

/** Three toggle buttons (aria-pressed); the choice is remembered on this browser. */
export function StaffLanguageSwitch() {
  const current = language.value;
  return (
    <fieldset class="language-switcher staff-language" data-testid="staff-language">
      <legend class="visually-hidden">{st("shell.languageLabel")}</legend>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          class="language-switcher__option"
          aria-pressed={lang === current}
          data-testid={`staff-language-${lang}`}
          onClick={() => setStaffLanguage(lang)}
        >
          {NAMES[lang]}
        </button>
      ))}
    </fieldset>
  );
}
