import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st } from "../i18n/st";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { getColleagues, getThread, type StaffThread } from "./api";
import { ThreadActions } from "./ThreadActions";
import { ThreadMessages } from "./ThreadMessages";
import "./messages.css";

function ThreadFacts({ thread, assignee }: { thread: StaffThread; assignee: string }) {
  const lang = language.value;
  return (
    <dl class="facts" data-testid="thread-facts">
      <dt>{st("messages.thread.resident")}</dt>
      <dd>{thread.startedByName}</dd>
      <dt>{st("messages.col.home")}</dt>
      <dd>
        {thread.propertyName}
        {thread.unit ? `, ${thread.unit}` : ""} ({thread.leaseNumber})
      </dd>
      <dt>{st("messages.col.category")}</dt>
      <dd>{thread.categoryName}</dd>
      <dt>{st("messages.col.status")}</dt>
      <dd data-testid="thread-status">{thread.statusName}</dd>
      <dt>{st("messages.thread.started")}</dt>
      <dd>{formatDateTime(thread.createdAt, lang)}</dd>
      <dt>{st("messages.col.assignee")}</dt>
      <dd data-testid="thread-assignee">{assignee}</dd>
    </dl>
  );
}

/** /staff/messages/<id>: the conversation (opening it marks it read for the inbox), and
 * replying, assigning and closing. */
export function StaffThreadScreen({ principal, params }: StaffScreenProps) {
  const id = params[0] ?? "";
  const load = useLoad(() => getThread(id), [id]);
  const colleagues = useLoad(getColleagues, []);
  const [message, setMessage] = useState("");
  const thread = load.data;
  const names = new Map((colleagues.data ?? []).map((c) => [c.id, c.name]));
  names.set(principal.id, principal.name);
  const assignee = thread?.assignedTo
    ? (names.get(thread.assignedTo) ?? st("messages.someone"))
    : st("messages.nobody");

  return (
    <StaffScreen
      title="messages.thread.title"
      heading={thread ? thread.subject : st("messages.thread.title")}
      headingTestid="thread-heading"
    >
      <p>
        <Link href="/staff/messages">{st("messages.thread.back")}</Link>
      </p>
      <p role="status" data-testid="thread-message">
        {load.status === "loading" && !thread ? st("messages.loading") : message}
      </p>
      {load.status === "failed" && (
        <>
          <ErrorAlert problem={load.problem} />
          <button type="button" class="button" onClick={load.reload}>
            {st("messages.tryAgain")}
          </button>
        </>
      )}
      {thread && (
        <div class="staff-columns">
          <div>
            <ThreadFacts thread={thread} assignee={assignee} />
            <ThreadMessages thread={thread} />
          </div>
          <ThreadActions
            thread={thread}
            user={principal}
            colleagues={colleagues.data ?? []}
            onDone={(updated, text) => {
              load.set(updated);
              setMessage(text);
            }}
          />
        </div>
      )}
    </StaffScreen>
  );
}
