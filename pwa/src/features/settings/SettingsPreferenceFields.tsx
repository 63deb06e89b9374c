/** The controls of the notification preferences form: a labelled checkbox, a time field. */
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import { FieldFrame } from "../../components/FormField";
import { t } from "../../i18n/t";
import type { TimeProblem } from "./notifications/prefs";

interface CheckProps {
  label: string;
  checked: boolean;
  onChange?: (checked: boolean) => void;
  disabled?: boolean;
  describedBy?: string | undefined;
  testid: string;
  children?: ComponentChildren;
}

export function Check({
  label,
  checked,
  onChange,
  disabled,
  describedBy,
  testid,
  children,
}: CheckProps) {
  const id = useId();
  return (
    <div class="push-check">
      <input
        id={id}
        type="checkbox"
        class="push-check__input"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange?.(event.currentTarget.checked)}
        data-testid={testid}
      />
      <label class="push-check__label" for={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

interface TimeFieldProps {
  label: string;
  value: string;
  disabled: boolean;
  problem: TimeProblem | undefined;
  onInput: (value: string) => void;
  testid: string;
}

export function TimeField({ label, value, disabled, problem, onInput, testid }: TimeFieldProps) {
  const error = problem && t(`notifications.errors.${problem}`);
  return (
    <FieldFrame label={label} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="time"
          class="field__input push-time"
          value={value}
          disabled={disabled}
          required={!disabled}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
          onInput={(event) => onInput(event.currentTarget.value)}
          data-testid={testid}
        />
      )}
    </FieldFrame>
  );
}
