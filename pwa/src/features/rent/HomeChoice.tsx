import type { Home } from "../../api/types";
import { t } from "../../i18n/t";
import { chooseHome } from "../../state/activeHome";

/** With two or more homes: which one the screen shows (remembered on this device). */
export function HomeChoice(props: { homes: readonly Home[]; active: Home | null; id: string }) {
  if (props.homes.length < 2) return null;
  return (
    <div class="field">
      <label class="field__label" for={props.id}>
        {t("rent.homeChoice")}
      </label>
      <select
        id={props.id}
        class="field__input"
        value={props.active?.leaseId ?? ""}
        onChange={(event) => chooseHome(event.currentTarget.value)}
        data-testid={props.id}
      >
        {props.homes.map((home) => (
          <option key={home.leaseId} value={home.leaseId}>
            {home.address}, {home.unit}
          </option>
        ))}
      </select>
    </div>
  );
}
