import { st, stOr } from "../i18n/st";
import type { OccupantMatch } from "./api";

interface Props {
  matches: OccupantMatch[];
  chosenId: string | null;
  onChoose(match: OccupantMatch): void;
}

export function matchName(m: { firstName: string; lastName: string }): string {
  return `${m.firstName} ${m.lastName}`;
}

export function matchHome(m: OccupantMatch): string {
  return m.unit ? `${m.address} ${m.unit}` : m.address;
}

/** The people found: name, birth year, home, whether already registered; one is chosen. */
export function MatchesTable({ matches, chosenId, onChoose }: Props) {
  return (
    <table class="staff-table" data-testid="office-matches">
      <caption class="visually-hidden">{st("office.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{st("office.col.name")}</th>
          <th scope="col">{st("office.col.birthYear")}</th>
          <th scope="col">{st("office.col.address")}</th>
          <th scope="col">{st("office.col.role")}</th>
          <th scope="col">{st("office.col.registered")}</th>
          <th scope="col">{st("office.col.choose")}</th>
        </tr>
      </thead>
      <tbody>
        {matches.map((m) => (
          <tr key={m.occupantId} data-testid={`office-match-${m.occupantId}`}>
            <th scope="row">{matchName(m)}</th>
            <td>{m.birthYear}</td>
            <td>{matchHome(m)}</td>
            <td>{stOr(`office.role.${m.role}`, m.role)}</td>
            <td>
              {m.registered ? (
                <span class="staff-badge">{st("office.registered")}</span>
              ) : (
                st("office.notRegistered")
              )}
            </td>
            <td>
              <button
                type="button"
                class={m.occupantId === chosenId ? "button button--primary" : "button"}
                aria-pressed={m.occupantId === chosenId}
                onClick={() => onChoose(m)}
                data-testid={`office-choose-${m.occupantId}`}
              >
                {st("office.choose")}
                <span class="visually-hidden"> {matchName(m)}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
