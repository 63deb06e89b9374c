/** Form controls of the wizard: radio groups with their error tied to them. */
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

export interface RadioOption<T extends string | boolean> {
  value: T;
  label: ComponentChildren;
  hint?: string;
  testid?: string;
}

interface RadioGroupProps<T extends string | boolean> {
  legend: string;
  options: ReadonlyArray<RadioOption<T>>;
  selected: T | null;
  onChange: (value: T) => void;
  error?: string | undefined;
  testid?: string;
}

/** A fieldset of radios; the error is read with every option (aria-describedby). */
export function RadioGroup<T extends string | boolean>(props: RadioGroupProps<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset
      class={props.error ? "field report-choices field--invalid" : "field report-choices"}
      data-testid={props.testid}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend class="field__label">{props.legend}</legend>
      {props.error && (
        <p class="field__error" id={errorId}>
          {props.error}
        </p>
      )}
      {props.options.map((option, index) => {
        const optionId = `${id}-${index}`;
        const hintId = option.hint ? `${optionId}-hint` : null;
        const describedBy = [hintId, props.error ? errorId : null].filter(Boolean).join(" ");
        return (
          <div class="report-choice" key={String(option.value)}>
            <input
              type="radio"
              id={optionId}
              name={id}
              checked={props.selected === option.value}
              onChange={() => props.onChange(option.value)}
              aria-invalid={props.error ? "true" : undefined}
              aria-describedby={describedBy || undefined}
              data-testid={option.testid}
            />
            <label for={optionId}>
              {option.label}
              {option.hint && (
                <span class="report-choice__hint" id={hintId ?? undefined}>
                  {option.hint}
                </span>
              )}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
