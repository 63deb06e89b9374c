import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { st, stf, stOr } from "../i18n/st";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { getChange } from "./api";
import { ChangeFacts, HomeRegister, WhatChanges } from "./ChangeDetails";
import { DecisionPanel, resultText } from "./DecisionPanel";

/** /staff/occupants/<id>: one report, what it changes, the home's register, the decision. */
export function StaffOccupantChangeScreen({ params }: StaffScreenProps) {
  const id = params[0] ?? "";
  const load = useLoad(() => getChange(id), [id]);
  const [result, setResult] = useState("");
  const resultLine = useRef<HTMLParagraphElement>(null);
  const change = load.data;
  // The decision panel (and the button pressed) is gone: the focus goes to what happened.
  useEffect(() => {
    if (result) resultLine.current?.focus();
  }, [result]);

  return (
    <StaffScreen
      title="occupants.change.title"
      heading={
        change
          ? stf("occupants.change.heading", {
              kind: stOr(`occupants.kind.${change.kind}`, change.kind),
              property: change.propertyName,
              unit: change.unit,
            })
          : st("occupants.change.title")
      }
      headingTestid="change-heading"
    >
      <p>
        <Link href="/staff/occupants">{st("occupants.change.back")}</Link>
      </p>
      <p
        role="status"
        class={result ? "notice" : undefined}
        tabIndex={-1}
        ref={resultLine}
        data-testid="change-result"
      >
        {load.status === "loading" && !change ? st("occupants.loading") : result}
      </p>
      {load.status === "failed" && (
        <>
          <ErrorAlert problem={load.problem} />
          <button type="button" class="button" onClick={load.reload}>
            {st("occupants.tryAgain")}
          </button>
        </>
      )}
      {change && (
        <div class="staff-columns">
          <div>
            <WhatChanges change={change} />
            <ChangeFacts change={change} />
            <HomeRegister change={change} />
          </div>
          {change.status === "pending" ? (
            <DecisionPanel
              change={change}
              onDecided={(decided) => {
                load.set(decided);
                setResult(resultText(decided));
              }}
            />
          ) : (
            <div class="staff-actions">
              <section>
                <p>{st("occupants.decide.decided")}</p>
              </section>
            </div>
          )}
        </div>
      )}
    </StaffScreen>
  );
}
