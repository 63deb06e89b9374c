import type { ProblemError } from "../../api/client";
import { TextAreaField, TextField } from "../../components/FormField";
import { st, stf, stOr } from "../i18n/st";
import {
  type TextField as Field,
  LANGUAGES,
  type PropertyLanguage,
  SHORT_FIELDS,
  TEXT_FIELDS,
} from "./api";
import type { PropertyFormState } from "./propertyForm";

interface Props {
  texts: PropertyFormState["texts"];
  problem: ProblemError | null;
  onChange: (field: Field, lang: PropertyLanguage, value: string) => void;
}

/** Each resident-facing text in Finnish, Swedish and English; an empty Swedish or English
 * one says what residents see instead: the Finnish text. */
export function PropertyTextFieldsets({ texts, problem, onChange }: Props) {
  return (
    <>
      {TEXT_FIELDS.map((field) => {
        const short = SHORT_FIELDS.includes(field);
        const fi = texts[field].fi;
        return (
          <fieldset key={field} class="staff-property-fieldset" data-testid={`text-${field}`}>
            <legend>{stOr(`property.field.${field}`, field)}</legend>
            {LANGUAGES.map((lang) => {
              const value = texts[field][lang];
              const fallsBack = lang !== "fi" && value.trim() === "";
              const hint = fallsBack
                ? fi.trim() === ""
                  ? st("property.editor.noFinnish")
                  : stf("property.editor.fallback", { text: fi })
                : undefined;
              const common = {
                label: stOr(`property.language.${lang}`, lang),
                value,
                onInput: (v: string) => onChange(field, lang, v),
                hint,
                required: lang === "fi",
                error: problem?.fieldError(`${field}.${lang}`),
                testid: `text-${field}-${lang}`,
              };
              return (
                <div key={lang} class={fallsBack ? "staff-property-missing" : undefined}>
                  {short ? (
                    <TextField {...common} maxLength={8000} />
                  ) : (
                    <TextAreaField {...common} maxLength={8000} rows={4} />
                  )}
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </>
  );
}
