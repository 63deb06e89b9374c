import { FieldFrame } from "../../components/FormField";

interface TicketTextAreaProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  maxLength: number;
  testid?: string;
}

/** A labelled textarea with its hint and error tied to it (aria-describedby). */
export function TicketTextArea(props: TicketTextAreaProps) {
  return (
    <FieldFrame label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          class="field__input ticket-textarea"
          rows={4}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
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
