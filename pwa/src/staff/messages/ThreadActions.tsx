import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextAreaField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { st } from "../i18n/st";
import type { StaffUser } from "../shell/session";
import { assignThread, type Colleague, closeThread, replyToThread, type StaffThread } from "./api";

interface Props {
  thread: StaffThread;
  user: StaffUser;
  colleagues: Colleague[];
  /** The thread as the server answered it, and what to announce. */
  onDone: (thread: StaffThread, message: string) => void;
}

function ReplyForm({ thread, onDone }: Pick<Props, "thread" | "onDone">) {
  const [body, setBody] = useState("");
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const updated = await action.run(() => replyToThread(thread.id, body));
    if (updated) {
      setBody("");
      onDone(updated, st("messages.thread.replied"));
    }
  };
  return (
    <section aria-labelledby="thread-reply">
      <h2 id="thread-reply">{st("messages.thread.reply")}</h2>
      <form class="form" onSubmit={submit}>
        <ErrorAlert problem={action.problem} />
        <TextAreaField
          label={st("messages.thread.replyLabel")}
          hint={st("messages.thread.replyHint")}
          value={body}
          onInput={setBody}
          required
          maxLength={4000}
          rows={6}
          error={action.problem?.fieldError("body")}
          testid="reply-body"
        />
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={action.disabled}>
            {st("messages.thread.send")}
          </button>
        </div>
      </form>
    </section>
  );
}

function AssignForm({ thread, user, colleagues, onDone }: Props) {
  const [chosen, setChosen] = useState(thread.assignedTo ?? "");
  const action = useAction();
  const choices = colleagues.some((c) => c.id === user.id)
    ? colleagues
    : [{ id: user.id, name: user.name, roles: user.roles }, ...colleagues];
  const submit = async (event: Event) => {
    event.preventDefault();
    const updated = await action.run(() => assignThread(thread.id, chosen || null));
    if (updated) onDone(updated, st("messages.thread.assigned"));
  };
  return (
    <section aria-labelledby="thread-assign">
      <h2 id="thread-assign">{st("messages.thread.assign")}</h2>
      <form class="form" onSubmit={submit}>
        <ErrorAlert problem={action.problem} />
        <div class="field">
          <label class="field__label" for="thread-assignee">
            {st("messages.thread.assignee")}
          </label>
          <select
            id="thread-assignee"
            class="field__input"
            value={chosen}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data-testid="assignee"
          >
            <option value="">{st("messages.nobody")}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form__actions">
          <button type="submit" class="button" disabled={action.disabled}>
            {st("messages.thread.assignSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function CloseForm({ thread, onDone }: Pick<Props, "thread" | "onDone">) {
  const action = useAction();
  if (thread.status === "closed") return null;
  const close = async () => {
    const updated = await action.run(() => closeThread(thread.id));
    if (updated) onDone(updated, st("messages.thread.closed"));
  };
  return (
    <section aria-labelledby="thread-close">
      <h2 id="thread-close">{st("messages.thread.close")}</h2>
      <ErrorAlert problem={action.problem} />
      <p class="staff-small">{st("messages.thread.closeHint")}</p>
      <button type="button" class="button" disabled={action.disabled} onClick={close}>
        {st("messages.thread.closeSubmit")}
      </button>
    </section>
  );
}

/** The side panel: reply, assign, close. */
export function ThreadActions(props: Props) {
  return (
    <div class="staff-actions">
      {props.thread.status === "closed" ? (
        <p class="notice" data-testid="thread-closed">
          {st("messages.thread.closedNote")}
        </p>
      ) : (
        <ReplyForm {...props} />
      )}
      <AssignForm {...props} />
      <CloseForm {...props} />
    </div>
  );
}
