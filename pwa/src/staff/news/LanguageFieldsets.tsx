import type { ProblemError } from "../../api/client";
import { TextAreaField, TextField } from "../../components/FormField";
import { st, stOr } from "../i18n/st";
import { NEWS_LANGUAGES, type NewsLanguage } from "./api";
import { missingIn, type NewsFormState } from "./newsForm";

interface Props {
  form: NewsFormState;
  problem: ProblemError | null;
  onChange: (patch: Partial<NewsFormState>) => void;
}

/** Title and body in Finnish (required), Swedish and English (optional: an empty one is
 * marked missing, and its readers see the Finnish text). All three at once, no tabs. */
export function LanguageFieldsets({ form, problem, onChange }: Props) {
  const setText = (field: "title" | "body", lang: NewsLanguage, value: string) =>
    onChange({ [field]: { ...form[field], [lang]: value } });
  return (
    <>
      {NEWS_LANGUAGES.map((lang) => {
        const required = lang === "fi";
        const missing = !required && missingIn(form, lang);
        return (
          <fieldset key={lang} class="staff-news-fieldset" data-testid={`news-lang-${lang}`}>
            <legend>
              {stOr(`news.editor.language.${lang}`, lang)}{" "}
              {required ? (
                <span class="staff-badge">{st("news.editor.required")}</span>
              ) : missing ? (
                <span class="staff-badge staff-badge--alert" data-testid={`news-missing-${lang}`}>
                  {st("news.editor.missing")}
                </span>
              ) : null}
            </legend>
            {missing && (
              <p class="staff-small" data-testid={`news-missing-note-${lang}`}>
                {st("news.editor.missingNote")}
              </p>
            )}
            <TextField
              label={st("news.editor.titleLabel")}
              value={form.title[lang]}
              onInput={(v) => setText("title", lang, v)}
              required={required}
              maxLength={200}
              error={problem?.fieldError(`title.${lang}`)}
              testid={`news-title-${lang}`}
            />
            <TextAreaField
              label={st("news.editor.bodyLabel")}
              value={form.body[lang]}
              onInput={(v) => setText("body", lang, v)}
              required={required}
              maxLength={10000}
              rows={8}
              error={problem?.fieldError(`body.${lang}`)}
              testid={`news-body-${lang}`}
            />
          </fieldset>
        );
      })}
    </>
  );
}
