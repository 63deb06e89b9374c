import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { ProblemError } from "../api/client";
import type { ContactDetails } from "../api/types";
import { isLanguage, LANGUAGES } from "../i18n/languages";
import { t } from "../i18n/t";
import { ErrorAlert } from "./ErrorAlert";
import { FieldFrame, TextField } from "./FormField";
import type { Action } from "./useAction";

interface ContactFieldsProps {
  values: ContactDetails;
  onChange: (change: Partial<ContactDetails>) => void;
  problem: ProblemError | null;
  /** The app's own checks, shown before the server's field errors. */
  errors?: { email?: string | undefined; phone?: string | undefined };
}

/** The e-mail, phone and language fields, with the server's field errors. */
export function ContactFields({ values, onChange, problem, errors = {} }: ContactFieldsProps) {
  const languageError = problem?.fieldError("language");
  return (
    <>
      <TextField
        label={t("contact.email")}
        type="email"
        autocomplete="email"
        inputMode="email"
        value={values.email}
        onInput={(email) => onChange({ email })}
        error={errors.email ?? problem?.fieldError("email")}
        testid="contact-email"
      />
      <TextField
        label={t("contact.phone")}
        hint={t("contact.phoneHint")}
        type="tel"
        autocomplete="tel"
        inputMode="tel"
        value={values.phone}
        onInput={(phone) => onChange({ phone })}
        error={errors.phone ?? problem?.fieldError("phone")}
        testid="contact-phone"
      />
      <FieldFrame label={t("contact.language")} error={languageError}>
        {({ id, describedBy }) => (
          <select
            id={id}
            class="field__input"
            value={values.language}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (isLanguage(next)) onChange({ language: next });
            }}
            aria-invalid={languageError ? "true" : undefined}
            aria-describedby={describedBy}
            data-testid="contact-language"
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
    </>
  );
}

interface ContactFormProps {
  initial: ContactDetails;
  action: Action;
  submitLabel: string;
  onSubmit: (contact: ContactDetails) => void;
  /** Shown under the button, e.g. "Saved". */
  status?: ComponentChildren;
}

/** Email, phone and language: used in registration and in settings. */
export function ContactForm({ initial, action, submitLabel, onSubmit, status }: ContactFormProps) {
  const [email, setEmail] = useState(initial.email);
  const [phone, setPhone] = useState(initial.phone);
  const [lang, setLang] = useState(initial.language);
  const problem = action.problem;
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ email: email.trim(), phone: phone.trim(), language: lang });
      }}
    >
      <ErrorAlert problem={problem} />
      <ContactFields
        values={{ email, phone, language: lang }}
        onChange={(change) => {
          if (change.email !== undefined) setEmail(change.email);
          if (change.phone !== undefined) setPhone(change.phone);
          if (change.language !== undefined) setLang(change.language);
        }}
        problem={problem}
      />
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={action.disabled}
          data-testid="contact-submit"
        >
          {submitLabel}
        </button>
      </div>
      {status}
    </form>
  );
}
