import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

interface FieldFrameProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined }) => ComponentChildren;
}

/** Label, optional hint and error, wired to the control with aria-describedby. */
export function FieldFrame({ label, hint, error, children }: FieldFrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      )}
      {children({ id, describedBy: describedBy || undefined })}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  onFocus?: () => void;
  hint?: string | undefined;
  error?: string | undefined;
  type?: "text" | "email" | "tel" | "password";
  autocomplete?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  inputMode?: "text" | "email" | "tel" | "numeric";
  autocapitalize?: "off" | "characters" | "words" | "sentences";
  testid?: string;
}

export function TextField(props: TextFieldProps) {
  return (
    <FieldFrame label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          class="field__input"
          // Preact's types narrow `type` per input kind; this one field serves the text-like kinds.
          type={(props.type ?? "text") as "text"}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onFocus={props.onFocus}
          autocomplete={props.autocomplete}
          required={props.required}
          minLength={props.minLength}
          maxLength={props.maxLength}
          inputMode={props.inputMode}
          autocapitalize={props.autocapitalize}
          spellcheck={
            props.type === "email" || props.autocapitalize === "characters" ? false : undefined
          }
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy}
          data-testid={props.testid}
        />
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  maxLength?: number;
  /** Visible lines (default 4). */
  rows?: number;
  /** A screen's own class for the textarea's size, beside `field__input`. */
  inputClass?: string;
  testid?: string;
}

/** A labelled textarea with its hint and error tied to it (aria-describedby). */
export function TextAreaField(props: TextAreaFieldProps) {
  return (
    <FieldFrame label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          class={props.inputClass ? `field__input ${props.inputClass}` : "field__input"}
          rows={props.rows ?? 4}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onBlur={props.onBlur}
          required={props.required}
          maxLength={props.maxLength}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy}
          data-testid={props.testid}
        />
      )}
    </FieldFrame>
  );
}
