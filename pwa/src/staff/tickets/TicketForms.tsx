import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FieldFrame, TextAreaField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { st, stf } from "../i18n/st";
import type { StaffUser } from "../shell/session";
import {
  assignTicket,
  commentTicket,
  type StaffDirectoryUser,
  type StaffTicket,
  transitionTicket,
} from "./api";
import { TransitionForm } from "./TransitionForm";
import { type Visibility, VisibilityFieldset } from "./VisibilityFieldset";

interface ActionsProps {
  ticket: StaffTicket;
  user: StaffUser;
  staff: StaffDirectoryUser[];
  /** After a change: reload the ticket and say what happened. */
  onDone(message: string): void;
}

function AssignForm({ ticket, user, staff, onDone }: ActionsProps) {
  const action = useAction();
  const [assignee, setAssignee] = useState(ticket.assigneeId ?? "");
  const choices = new Map<string, string>([[user.id, user.name]]);
  for (const s of staff) choices.set(s.id, s.name);
  if (ticket.assigneeId && !choices.has(ticket.assigneeId)) {
    choices.set(ticket.assigneeId, ticket.assigneeName ?? ticket.assigneeId);
  }
  return (
    <form
      class="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await action.run(() => assignTicket(ticket.id, assignee || null));
        if (done) onDone(st("tickets.assign.done"));
      }}
    >
      <ErrorAlert problem={action.problem} />
      <FieldFrame
        label={st("tickets.assign.label")}
        error={action.problem?.fieldError("assigneeId")}
      >
        {({ id, describedBy }) => (
          <select
            id={id}
            class="field__input"
            value={assignee}
            onChange={(e) => setAssignee(e.currentTarget.value)}
            aria-describedby={describedBy}
            data-testid="assign-select"
          >
            <option value="">{st("tickets.assign.nobody")}</option>
            {[...choices].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <div class="form__actions">
        <button type="submit" class="button" disabled={action.disabled} data-testid="assign-submit">
          {st("tickets.assign.submit")}
        </button>
      </div>
    </form>
  );
}

function CommentForm({ ticket, onDone }: ActionsProps) {
  const action = useAction();
  const [text, setText] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("internal");
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (!text.trim()) {
          setMissing(true);
          return;
        }
        setMissing(false);
        const done = await action.run(() => commentTicket(ticket.id, text.trim(), visibility));
        if (!done) return;
        setText("");
        onDone(st("tickets.comment.done"));
      }}
    >
      <ErrorAlert problem={action.problem} />
      <TextAreaField
        label={st("tickets.comment.label")}
        value={text}
        onInput={setText}
        maxLength={4000}
        required
        error={missing ? st("tickets.comment.required") : action.problem?.fieldError("text")}
        testid="comment-text"
      />
      <VisibilityFieldset value={visibility} onChange={setVisibility} name="comment-visibility" />
      <div class="form__actions">
        <button
          type="submit"
          class="button"
          disabled={action.disabled}
          data-testid="comment-submit"
        >
          {st("tickets.comment.submit")}
        </button>
      </div>
    </form>
  );
}

/** The side panel: assign, change status, comment. */
export function TicketActions(props: ActionsProps) {
  return (
    <div class="staff-actions">
      <section aria-labelledby="assign-heading">
        <h2 id="assign-heading">{st("tickets.assign.heading")}</h2>
        <AssignForm {...props} />
      </section>
      <section aria-labelledby="transition-heading">
        <h2 id="transition-heading">{st("tickets.transition.heading")}</h2>
        <TransitionForm
          ticket={props.ticket}
          onDone={(status) => props.onDone(stf("tickets.transition.done", { status }))}
          send={(body) => transitionTicket(props.ticket.id, body)}
        />
      </section>
      <section aria-labelledby="comment-heading">
        <h2 id="comment-heading">{st("tickets.comment.heading")}</h2>
        <CommentForm {...props} />
      </section>
    </div>
  );
}
