import { useEffect, useId, useRef, useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useAction } from "../../components/useAction";
import { st } from "../i18n/st";
import { type IssuedCode, issueOfficeCode, type OccupantMatch } from "./api";
import { matchHome, matchName } from "./MatchesTable";

interface Props {
  match: OccupantMatch;
  onIssued(issued: IssuedCode): void;
  onCancel(): void;
}

/** The chosen person, the ID-check confirmation (required) and the issue button. */
export function IssueCodeForm({ match, onIssued, onCancel }: Props) {
  const action = useAction();
  const [checked, setChecked] = useState(false);
  const [missing, setMissing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  // A new person chosen: the panel is where the work goes on.
  useEffect(() => heading.current?.focus(), [match.occupantId]);

  const serverSaysUnchecked = Boolean(action.problem?.fieldError("idChecked"));
  const showError = missing || serverSaysUnchecked;

  async function submit(event: Event) {
    event.preventDefault();
    if (!checked) {
      setMissing(true);
      box.current?.focus();
      return;
    }
    setMissing(false);
    const issued = await action.run(() => issueOfficeCode(match.occupantId));
    if (issued) onIssued(issued);
  }

  return (
    <section aria-labelledby={`${id}-heading`} data-testid="office-issue">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {st("office.issue.heading")}
      </h2>
      <dl class="facts">
        <dt>{st("office.issue.person")}</dt>
        <dd data-testid="office-issue-person">{matchName(match)}</dd>
        <dt>{st("office.issue.birthYear")}</dt>
        <dd>{match.birthYear}</dd>
        <dt>{st("office.issue.home")}</dt>
        <dd>{matchHome(match)}</dd>
      </dl>
      {match.registered && <p class="notice">{st("office.issue.alreadyRegistered")}</p>}
      {match.canRegister ? null : (
        <>
          <p class="notice" data-testid="office-cannot-register">
            {st("office.issue.cannotRegister")}
          </p>
          <button type="button" class="button" onClick={onCancel} data-testid="office-issue-cancel">
            {st("office.issue.cancel")}
          </button>
        </>
      )}
      {match.canRegister && (
        <form class="form" noValidate onSubmit={submit}>
          <ErrorAlert problem={action.problem} />
          <fieldset class={showError ? "field field--invalid" : "field"}>
            <legend>{st("office.issue.legend")}</legend>
            <p class="field__hint" id={hintId}>
              {st("office.issue.idCheckedHint")}
            </p>
            {showError && (
              <p class="field__error" id={errorId}>
                {st("office.issue.needIdCheck")}
              </p>
            )}
            <label class="staff-check">
              <input
                type="checkbox"
                ref={box}
                checked={checked}
                required
                aria-invalid={showError ? "true" : undefined}
                aria-describedby={showError ? `${hintId} ${errorId}` : hintId}
                onChange={(e) => {
                  setChecked(e.currentTarget.checked);
                  if (e.currentTarget.checked) setMissing(false);
                }}
                data-testid="office-id-checked"
              />
              {st("office.issue.idChecked")}
            </label>
          </fieldset>
          <div class="form__actions">
            <button
              type="submit"
              class="button button--primary"
              disabled={action.disabled}
              data-testid="office-issue-submit"
            >
              {st("office.issue.submit")}
            </button>
            <button
              type="button"
              class="button"
              onClick={onCancel}
              data-testid="office-issue-cancel"
            >
              {st("office.issue.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
