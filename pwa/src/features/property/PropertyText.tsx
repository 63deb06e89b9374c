import { t } from "../../i18n/t";
import { language } from "../../state/language";
import { PlainText } from "../news/NewsText";

/** A row in one language whose `fellBack` names the fields shown in Finnish instead. */
interface Localized {
  language: string;
  fellBack: string[];
}

/** The `lang` attribute of a field when it differs from the page's language. */
export function shownIn(row: Localized, field: string): string | undefined {
  const shown = row.fellBack.includes(field) ? "fi" : row.language;
  return shown === language.value ? undefined : shown;
}

/** "(in Finnish)" after a field shown in Finnish because the language was missing. */
export function FellBack({ row, field }: { row: Localized; field: string }) {
  if (!row.fellBack.includes(field)) return null;
  return (
    <span class="property-fell-back" data-testid={`property-fell-back-${field}`}>
      {" "}
      ({t("property.fellBackMark")})
    </span>
  );
}

/** A longer text: one line as it is, several as paragraphs (plain text, never HTML). */
export function PropertyText({ text, lang }: { text: string; lang: string | undefined }) {
  if (!/\n/.test(text)) return <span lang={lang}>{text}</span>;
  return <PlainText class="property-text" text={text} lang={lang} />;
}
