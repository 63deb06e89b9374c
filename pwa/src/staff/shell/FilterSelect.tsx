import { useId } from "preact/hooks";

/** One labelled select of a filter bar; a change applies at once. */
export function FilterSelect(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  testid: string;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="field__input"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        data-testid={props.testid}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
