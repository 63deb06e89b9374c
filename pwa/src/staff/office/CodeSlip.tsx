import { useEffect, useId, useRef, useState } from "preact/hooks";
import { formatDateTime } from "../../i18n/format";
import { isLanguage, LANGUAGES, type Language } from "../../i18n/languages";
import { language } from "../../state/language";
import { type StaffMessageKey, staffTranslate } from "../i18n/catalog";
import { st } from "../i18n/st";
import type { IssuedCode } from "./api";
import { matchName } from "./MatchesTable";

/** Each language named in itself (the resident picks theirs). */
const NAMES: Record<Language, string> = { fi: "Suomi", sv: "Svenska", en: "English" };

type SlipKey = Extract<StaffMessageKey, `office.slip.text.${string}`>;

/** A slip message in the print language (not the console's), `{name}` filled. */
function slipText(lang: Language, key: SlipKey, params: Record<string, string> = {}): string {
  return staffTranslate(lang, key).replace(
    /\{(\w+)\}/g,
    (whole, name: string) => params[name] ?? whole,
  );
}

/** Where the resident registers: the resident app on this same site. */
function registerUrl(): string {
  return typeof location === "undefined" ? "/register" : `${location.origin}/register`;
}

interface Props {
  issued: IssuedCode;
  onDone(): void;
}

/** The code, large, with the person's name, the expiry and the steps, in the language the
 * resident reads; "Print" prints only the slip (office.css). */
export function CodeSlip({ issued, onDone }: Props) {
  const [lang, setLang] = useState<Language>(language.peek());
  const heading = useRef<HTMLHeadingElement>(null);
  const selectId = useId();
  useEffect(() => heading.current?.focus(), []);
  const t = (key: SlipKey, params?: Record<string, string>) => slipText(lang, key, params);

  return (
    <section aria-labelledby="office-slip-panel" data-testid="office-issued">
      <h2 id="office-slip-panel" ref={heading} tabIndex={-1}>
        {st("office.slip.panelHeading")}
      </h2>
      <p class="staff-highlight">{st("office.slip.shownOnce")}</p>
      <div class="field">
        <label class="field__label" for={selectId}>
          {st("office.slip.printLanguage")}
        </label>
        <select
          id={selectId}
          class="field__input"
          value={lang}
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (isLanguage(next)) setLang(next);
          }}
          data-testid="office-slip-language"
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <article class="staff-office-slip" lang={lang} data-testid="office-slip">
        <h3>{t("office.slip.text.heading")}</h3>
        <p>
          {t("office.slip.text.for")}:{" "}
          <strong data-testid="office-slip-name">{matchName(issued)}</strong>
        </p>
        <p class="staff-office-code-label">{t("office.slip.text.code")}</p>
        <p class="staff-office-code" data-testid="office-code">
          {issued.code}
        </p>
        <p data-testid="office-slip-expires">
          {t("office.slip.text.expires", { date: formatDateTime(issued.expiresAt, lang) })}
        </p>
        <h4>{t("office.slip.text.stepsHeading")}</h4>
        <ol>
          <li>{t("office.slip.text.step1", { url: registerUrl() })}</li>
          <li>{t("office.slip.text.step2")}</li>
          <li>{t("office.slip.text.step3")}</li>
        </ol>
        <p>{t("office.slip.text.personal")}</p>
      </article>
      <div class="form__actions">
        <button
          type="button"
          class="button button--primary"
          onClick={() => window.print()}
          data-testid="office-print"
        >
          {st("office.slip.print")}
        </button>
        <button type="button" class="button" onClick={onDone} data-testid="office-done">
          {st("office.slip.done")}
        </button>
      </div>
    </section>
  );
}
