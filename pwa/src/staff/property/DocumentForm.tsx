import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextAreaField, TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { st, stf, stOr } from "../i18n/st";
import { createDocument, DOCUMENT_KINDS, type DocumentKind, LANGUAGES } from "./api";

type PerLanguage = Record<(typeof LANGUAGES)[number], string>;
const blank = (): PerLanguage => ({ fi: "", sv: "", en: "" });
const optional = (text: string) => (text.trim() === "" ? null : text);

/** A new text document: kind, title and text per language (Finnish required). */
export function DocumentForm({
  propertyId,
  onCreated,
}: {
  propertyId: string;
  onCreated: (message: string) => void;
}) {
  const [kind, setKind] = useState<DocumentKind>("house_rules");
  const [pdf, setPdf] = useState(false);
  const [title, setTitle] = useState(blank);
  const [text, setText] = useState(blank);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const created = await action.run(() =>
      createDocument(propertyId, {
        kind,
        title: { fi: title.fi, sv: optional(title.sv), en: optional(title.en) },
        text: pdf ? null : { fi: text.fi, sv: optional(text.sv), en: optional(text.en) },
        sortOrder: 0,
      }),
    );
    if (created) {
      setTitle(blank());
      setText(blank());
      onCreated(stf("property.documents.created", { title: created.title.fi ?? "" }));
    }
  };
  return (
    <details class="staff-property-new-document">
      <summary>{st("property.documents.new")}</summary>
      <form class="form" onSubmit={submit} data-testid="document-form">
        <ErrorAlert problem={action.problem} />
        <div class="field">
          <label class="field__label" for="document-kind">
            {st("property.documents.kind")}
          </label>
          <select
            id="document-kind"
            class="field__input"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as DocumentKind)}
          >
            {DOCUMENT_KINDS.map((code) => (
              <option key={code} value={code}>
                {stOr(`property.kind.${code}`, code)}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="staff-property-fieldset">
          <legend>{st("property.documents.format")}</legend>
          <div class="staff-checks">
            <label>
              <input
                type="radio"
                name="document-format"
                checked={!pdf}
                onChange={() => setPdf(false)}
              />
              {st("property.documents.text")}
            </label>
            <label>
              <input
                type="radio"
                name="document-format"
                checked={pdf}
                onChange={() => setPdf(true)}
              />
              {st("property.documents.pdfLater")}
            </label>
          </div>
        </fieldset>
        {LANGUAGES.map((lang) => (
          <fieldset key={lang} class="staff-property-fieldset">
            <legend>{stOr(`property.language.${lang}`, lang)}</legend>
            {lang !== "fi" && (title[lang].trim() === "" || (!pdf && text[lang].trim() === "")) && (
              <p class="staff-small">{st("property.documents.fallbackNote")}</p>
            )}
            <TextField
              label={st("property.documents.title")}
              value={title[lang]}
              onInput={(v) => setTitle((prev) => ({ ...prev, [lang]: v }))}
              required={lang === "fi"}
              maxLength={200}
              error={action.problem?.fieldError(`title.${lang}`)}
              testid={`document-title-${lang}`}
            />
            {!pdf && (
              <TextAreaField
                label={st("property.documents.text")}
                value={text[lang]}
                onInput={(v) => setText((prev) => ({ ...prev, [lang]: v }))}
                required={lang === "fi"}
                rows={6}
                error={action.problem?.fieldError(`text.${lang}`)}
                testid={`document-text-${lang}`}
              />
            )}
          </fieldset>
        ))}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={action.disabled}>
            {st("property.documents.add")}
          </button>
        </div>
      </form>
    </details>
  );
}
