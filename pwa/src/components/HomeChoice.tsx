import type { Home } from "../api/types";
import { t } from "../i18n/t";
import { activeHome, chooseHome } from "../state/activeHome";

/** The value of the "All homes" option. */
export const ALL_HOMES = "all";

interface HomeChoiceProps {
  homes: readonly Home[];
  /** Id of the select and its test id, e.g. "rent-home". */
  id: string;
  /** Offer "All homes" as the last option (a filter of a list). */
  allHomes?: boolean;
  /** The chosen lease id (or ALL_HOMES); without it, the active home. */
  value?: string;
  /** Without it, the choice becomes the active home (remembered on this device). */
  onChange?: (leaseId: string) => void;
}

/** With two or more homes: a labelled select of which home the screen shows. */
export function HomeChoice(props: HomeChoiceProps) {
  if (props.homes.length < 2) return null;
  const value = props.value ?? activeHome(props.homes)?.leaseId ?? "";
  const onChange = props.onChange ?? chooseHome;
  return (
    <div class="field">
      <label class="field__label" for={props.id}>
        {t("homeChoice.label")}
      </label>
      <select
        id={props.id}
        class="field__input"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        data-testid={props.id}
      >
        {props.homes.map((home) => (
          <option key={home.leaseId} value={home.leaseId}>
            {home.address}, {home.unit}
          </option>
        ))}
        {props.allHomes && <option value={ALL_HOMES}>{t("homeChoice.allHomes")}</option>}
      </select>
    </div>
  );
}
