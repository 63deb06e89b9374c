import { st } from "../i18n/st";

export type Visibility = "public" | "internal";

/** Public comment or internal note, as two radios in a fieldset. */
export function VisibilityFieldset(props: {
  value: Visibility;
  onChange(value: Visibility): void;
  name: string;
}) {
  return (
    <fieldset>
      <legend>{st("tickets.visibility.legend")}</legend>
      {(["public", "internal"] as const).map((v) => (
        <label key={v} class="staff-check">
          <input
            type="radio"
            name={props.name}
            value={v}
            checked={props.value === v}
            onChange={() => props.onChange(v)}
            data-testid={`${props.name}-${v}`}
          />
          {st(`tickets.visibility.${v}`)}
        </label>
      ))}
    </fieldset>
  );
}
