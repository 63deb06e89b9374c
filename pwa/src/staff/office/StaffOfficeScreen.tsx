import { useState } from "preact/hooks";
import { st } from "../i18n/st";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import type { IssuedCode, OccupantMatch } from "./api";
import { CodeSlip } from "./CodeSlip";
import { IssueCodeForm } from "./IssueCodeForm";
import { MatchesTable } from "./MatchesTable";
import { OccupantSearch } from "./OccupantSearch";
import "./office.css";

/** /staff/office: find the person at the desk, confirm the ID check, issue and print a
 * single-use registration code. */
export function StaffOfficeScreen(_props: StaffScreenProps) {
  const [matches, setMatches] = useState<OccupantMatch[] | null>(null);
  const [chosen, setChosen] = useState<OccupantMatch | null>(null);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  // A new search starts over: the form remounts empty.
  const [round, setRound] = useState(0);

  const startOver = () => {
    setMatches(null);
    setChosen(null);
    setIssued(null);
    setRound((n) => n + 1);
  };

  return (
    <StaffScreen title="office.title" heading={st("office.title")}>
      <p class="lead">{st("office.intro")}</p>
      {issued ? (
        <CodeSlip issued={issued} onDone={startOver} />
      ) : (
        <>
          <OccupantSearch
            key={round}
            onResults={(found) => {
              setMatches(found);
              setChosen(null);
            }}
          />
          {matches && matches.length > 0 && (
            <MatchesTable
              matches={matches}
              chosenId={chosen?.occupantId ?? null}
              onChoose={setChosen}
            />
          )}
          {chosen && (
            <div class="staff-actions staff-office-issue">
              <IssueCodeForm
                key={chosen.occupantId}
                match={chosen}
                onIssued={setIssued}
                onCancel={() => setChosen(null)}
              />
            </div>
          )}
        </>
      )}
    </StaffScreen>
  );
}
