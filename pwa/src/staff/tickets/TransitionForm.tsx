import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FieldFrame, TextAreaField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { st, stOr } from "../i18n/st";
import { STAFF_MOVES, type StaffTicket, type TicketStatus, type TransitionBody } from "./api";
import { type Visibility, VisibilityFieldset } from "./VisibilityFieldset";

interface Props {
  ticket: StaffTicket;
  send(body: TransitionBody): Promise<unknown>;
  onDone(statusName: string): void;
}

type Problems = Partial<Record<"to" | "start" | "end" | "reason", string>>;

/** "2026-12-02T09:00" (local, from datetime-local) → an ISO instant; "" stays "". */
function instant(local: string): string {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : "";
}

/** Check what the browser can before sending; the server checks it all again. */
function check(to: string, start: string, end: string, reason: string): Problems {
  if (!to) return { to: st("tickets.transition.needStatus") };
  const problems: Problems = {};
  if (to === "scheduled") {
    if (!instant(start)) problems.start = st("tickets.transition.needWindow");
    if (!instant(end)) problems.end = st("tickets.transition.needWindow");
    else if (instant(start) && instant(end) <= instant(start)) {
      problems.end = st("tickets.transition.windowOrder");
    }
  }
  if (to === "rejected" && !reason.trim()) problems.reason = st("tickets.transition.needReason");
  return problems;
}

/** Move the ticket on: a visit window for "scheduled", a reason for "rejected", an optional
 * message (public or internal). The resident is notified by the server. */
export function TransitionForm({ ticket, send, onDone }: Props) {
  const action = useAction();
  const moves = STAFF_MOVES[ticket.status];
  const [to, setTo] = useState<TicketStatus | "">("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("public");
  const [problems, setProblems] = useState<Problems>({});
  const form = useRef<HTMLFormElement>(null);
  // A field the browser found wrong takes the focus (its message is tied to it).
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  if (moves.length === 0) return <p>{st("tickets.transition.closed")}</p>;
  const server = action.problem;

  async function submit(event: Event) {
    event.preventDefault();
    const found = check(to, start, end, reason);
    setProblems(found);
    if (Object.keys(found).length > 0 || !to) return;
    const body: TransitionBody = { to };
    if (to === "scheduled") {
      body.scheduledStart = instant(start);
      body.scheduledEnd = instant(end);
    }
    if (to === "rejected") body.reason = reason.trim();
    if (note.trim()) {
      body.note = note.trim();
      body.visibility = visibility;
    }
    const done = await action.run(() => send(body));
    if (done === undefined) return; // what was typed stays
    setTo("");
    setStart("");
    setEnd("");
    setReason("");
    setNote("");
    onDone(stOr(`tickets.status.${to}`, to));
  }

  const dateField = (
    label: string,
    value: string,
    set: (v: string) => void,
    error?: string,
    testid?: string,
  ) => (
    <FieldFrame label={label} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="datetime-local"
          class="field__input"
          value={value}
          required
          onInput={(e) => set(e.currentTarget.value)}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
          data-testid={testid}
        />
      )}
    </FieldFrame>
  );

  return (
    <form class="form" noValidate onSubmit={submit} ref={form}>
      <ErrorAlert problem={server} />
      <FieldFrame
        label={st("tickets.transition.to")}
        error={problems.to ?? server?.fieldError("to")}
      >
        {({ id, describedBy }) => (
          <select
            id={id}
            class="field__input"
            value={to}
            required
            onChange={(e) => setTo(e.currentTarget.value as TicketStatus | "")}
            aria-invalid={problems.to ? "true" : undefined}
            aria-describedby={describedBy}
            data-testid="transition-to"
          >
            <option value="">{st("tickets.transition.choose")}</option>
            {moves.map((status) => (
              <option key={status} value={status}>
                {stOr(`tickets.status.${status}`, status)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {to === "scheduled" && (
        <fieldset>
          <legend>{st("tickets.transition.visit")}</legend>
          {dateField(
            st("tickets.transition.visitStart"),
            start,
            setStart,
            problems.start ?? server?.fieldError("scheduledStart"),
            "transition-start",
          )}
          {dateField(
            st("tickets.transition.visitEnd"),
            end,
            setEnd,
            problems.end ?? server?.fieldError("scheduledEnd"),
            "transition-end",
          )}
        </fieldset>
      )}
      {to === "rejected" && (
        <TextAreaField
          label={st("tickets.transition.reason")}
          value={reason}
          onInput={setReason}
          required
          maxLength={1000}
          rows={3}
          error={problems.reason ?? server?.fieldError("reason")}
          testid="transition-reason"
        />
      )}
      <TextAreaField
        label={st("tickets.transition.note")}
        value={note}
        onInput={setNote}
        maxLength={4000}
        rows={3}
        error={server?.fieldError("note")}
        testid="transition-note"
      />
      {note.trim() !== "" && (
        <VisibilityFieldset
          value={visibility}
          onChange={setVisibility}
          name="transition-visibility"
        />
      )}
      <p class="staff-small">{st("tickets.transition.notify")}</p>
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={action.disabled}
          data-testid="transition-submit"
        >
          {st("tickets.transition.submit")}
        </button>
      </div>
    </form>
  );
}
