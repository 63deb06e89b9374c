import { useRef, useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextAreaField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { formatDate } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf } from "../i18n/st";
import { approveChange, detail, rejectChange, reportedName, type StaffOccupantChange } from "./api";

/** What the server did, in words: the register changed (and access with it), or not. */
export function resultText(change: StaffOccupantChange): string {
  if (change.status === "rejected") return st("occupants.result.rejected");
  const date = (field: string) => formatDate(detail(change, field), language.value);
  switch (change.kind) {
    case "move_in":
      return stf("occupants.result.move_in", {
        name: reportedName(change),
        date: date("movesInOn"),
      });
    case "birth":
      return stf("occupants.result.birth", { name: reportedName(change) });
    case "move_out":
      return stf("occupants.result.move_out", { date: date("movesOutOn") });
    default:
      return stf("occupants.result.name_change", { name: reportedName(change) });
  }
}

interface Props {
  change: StaffOccupantChange;
  /** The change as the server has it after the decision. */
  onDecided(change: StaffOccupantChange): void;
}

/** Approve, or reject with a reason (required); the server's problem is shown and the reason
 * typed stays. */
export function DecisionPanel({ change, onDecided }: Props) {
  const action = useAction();
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function approve() {
    const done = await action.run(() => approveChange(change.id));
    if (done) onDecided(done);
  }

  async function reject(event: Event) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissingReason(true);
      form.current?.querySelector<HTMLElement>("textarea")?.focus();
      return;
    }
    setMissingReason(false);
    const done = await action.run(() => rejectChange(change.id, reason.trim()));
    if (done) onDecided(done);
  }

  const serverReason = action.problem?.fieldError("reason");
  return (
    <div class="staff-actions" data-testid="decision-panel">
      <h2 id="decide-heading" class="visually-hidden">
        {st("occupants.decide.heading")}
      </h2>
      <ErrorAlert problem={action.problem} />
      <section aria-labelledby="approve-heading">
        <h3 id="approve-heading">{st("occupants.decide.approveHeading")}</h3>
        <p>{st("occupants.decide.approveIntro")}</p>
        <button
          type="button"
          class="button button--primary"
          disabled={action.disabled}
          onClick={approve}
          data-testid="change-approve"
        >
          {st("occupants.decide.approve")}
        </button>
      </section>
      <section aria-labelledby="reject-heading">
        <h3 id="reject-heading">{st("occupants.decide.rejectHeading")}</h3>
        <form class="form" noValidate onSubmit={reject} ref={form}>
          <TextAreaField
            label={st("occupants.decide.reason")}
            hint={st("occupants.decide.reasonHint")}
            value={reason}
            onInput={setReason}
            required
            maxLength={1000}
            rows={3}
            error={missingReason || serverReason ? st("occupants.decide.needReason") : undefined}
            testid="change-reason"
          />
          <div class="form__actions">
            <button
              type="submit"
              class="button button--danger"
              disabled={action.disabled}
              data-testid="change-reject"
            >
              {st("occupants.decide.reject")}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
