import { useEffect, useRef, useState } from "preact/hooks";
import type { ResidentPrincipal } from "../../api/types";
import { TextAreaField } from "../../components/FormField";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { formatDateTime } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { SyncClient } from "../../offline";
import { language } from "../../state/language";
import { syncClient, useRow, useRows } from "../../state/sync";
import { MessageRejections } from "./MessageRejections";
import {
  categoryName,
  isNewThread,
  LIMITS,
  type PendingSend,
  rejectionsFor,
  sendArgs,
  statusName,
  type ThreadMessage,
  type ThreadRow,
} from "./messageModel";
import { useMessageDraft } from "./useMessageDraft";
import "./messages.css";

export const REPLY_DRAFT = "messageReply";

/** One thread: the conversation oldest first, replies (kept as drafts), rejections. */
export function ThreadScreen({
  principal: _principal,
  threadId,
}: {
  principal: ResidentPrincipal;
  threadId: string;
}) {
  const client = syncClient.value;
  const thread = useRow<ThreadRow>(`thread/${threadId}`);
  const sends = useRows<PendingSend>("message/");
  const firstSync = client !== null && client.state.lastSyncedAt.value === null;
  const created = sends?.find((row) => row.value.id === threadId && isNewThread(row.value))?.value;
  useMarkRead(client, thread);

  if (client === null || thread === null || sends === null || (!thread && !created && firstSync)) {
    return (
      <Screen title="messages.threadTitle" heading={t("messages.threadTitle")}>
        <SyncWaiting
          loading="messages.loading"
          unavailable="messages.unavailable"
          testid="thread"
        />
      </Screen>
    );
  }
  const rejections = rejectionsFor(client.state.rejected.value, threadId);
  const back = (
    <p>
      <Link href="/messages" testid="thread-back">
        {t("messages.back")}
      </Link>
    </p>
  );
  const createdRejections = (
    <MessageRejections
      client={client}
      rejections={rejections.created}
      title="messages.rejectedNew"
      testid="thread-created-rejections"
      action={
        <p>
          <Link href="/messages/new" testid="thread-edit-resend">
            {t("messages.editAndResend")}
          </Link>
        </p>
      }
    />
  );
  if (!thread && !created) {
    return (
      <Screen title="messages.threadTitle" heading={t("messages.threadTitle")}>
        {back}
        {createdRejections}
        {rejections.created.length === 0 && (
          <p class="notice" data-testid="thread-not-found">
            {t("messages.notFound")}
          </p>
        )}
      </Screen>
    );
  }

  const replies = sends
    .map((row) => row.value)
    .filter((send) => send.threadId === threadId)
    .filter((send) => !thread?.messages.some((message) => message.id === send.id));
  const messages: ShownMessage[] = thread
    ? thread.messages
    : created
      ? [{ id: created.id, body: created.body, mine: true, pending: true }]
      : [];
  const closed = thread?.status === "closed";
  const category = thread
    ? categoryName(thread.category, thread.categoryName)
    : categoryName(created?.category);

  return (
    <Screen
      title="messages.threadTitle"
      heading={thread?.subject ?? created?.subject ?? ""}
      headingTestid="thread-heading"
    >
      {back}
      <dl class="facts facts--rows" data-testid="thread-facts">
        <div>
          <dt>{t("messages.categoryLabel")}</dt>
          <dd>{category}</dd>
        </div>
        <div>
          <dt>{t("messages.statusLabel")}</dt>
          <dd
            class={thread ? "message-status" : "message-status message-status--pending"}
            data-testid="thread-status"
            aria-live="polite"
          >
            {thread ? statusName(thread) : t("messages.waitingToSend")}
          </dd>
        </div>
      </dl>
      {createdRejections}
      <section aria-labelledby="thread-conversation-heading">
        <h2 id="thread-conversation-heading">{t("messages.conversation")}</h2>
        <ol class="message-thread" data-testid="thread-messages">
          {[
            ...messages,
            ...replies.map((send) => ({ id: send.id, body: send.body, mine: true, pending: true })),
          ].map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ol>
      </section>
      {closed ? (
        <p class="notice" data-testid="thread-closed">
          {t("messages.closedNotice")}
        </p>
      ) : (
        <ReplyForm client={client} threadId={threadId} />
      )}
      {closed && rejections.replies.length > 0 && (
        <MessageRejections
          client={client}
          rejections={rejections.replies}
          title="messages.rejectedReply"
          testid="thread-reply-rejections"
        />
      )}
    </Screen>
  );
}

type ShownMessage = Partial<ThreadMessage> & {
  id: string;
  body: string;
  mine?: boolean;
  pending?: boolean;
};

function sender(message: ShownMessage): string {
  if (message.mine) return t("messages.you");
  if (message.authorKind === "staff") {
    return message.authorName
      ? tf("messages.customerServiceNamed", { name: message.authorName })
      : t("messages.customerService");
  }
  return message.authorName ?? "";
}

function MessageItem({ message }: { message: ShownMessage }) {
  const lang = language.value;
  const classes = ["message-item"];
  if (message.mine) classes.push("message-item--mine");
  if (message.pending) classes.push("message-item--pending");
  return (
    <li class={classes.join(" ")} data-testid={`thread-message-${message.id}`}>
      <p class="message-item__meta">
        <span class="message-item__sender" data-testid="thread-message-sender">
          {sender(message)}
        </span>
        {message.createdAt && (
          <>
            {" · "}
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, lang)}</time>
          </>
        )}
        {message.pending && (
          <>
            {" · "}
            <span
              class="message-status message-status--pending"
              data-testid="thread-message-pending"
            >
              {t("messages.waitingToSend")}
            </span>
          </>
        )}
      </p>
      <p class="message-item__body">{message.body}</p>
    </li>
  );
}

/** Opening a thread with unread messages marks it read: queued once (offline too), shown
 * read at once through the optimistic overlay. */
function useMarkRead(client: SyncClient | null, thread: ThreadRow | null | undefined) {
  const done = useRef<string | null>(null);
  const unread = thread?.unread ?? 0;
  const id = thread?.id ?? null;
  useEffect(() => {
    if (!client || !id || unread === 0 || done.current === id) return;
    done.current = id;
    void client.mutate("markThreadRead", { threadId: id });
  }, [client, id, unread]);
}

function ReplyForm({ client, threadId }: { client: SyncClient; threadId: string }) {
  const draft = useMessageDraft(
    client,
    REPLY_DRAFT,
    { threadId, text: "" },
    (value): value is { threadId: string; text: string } => {
      const v = value as { threadId?: unknown; text?: unknown } | null;
      return v?.threadId === threadId && typeof v.text === "string";
    },
    (value) => value.text === "",
  );
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState("");
  const rejections = rejectionsFor(client.state.rejected.value, threadId).replies;
  const restored = useRef(new Set<number>());

  // A reply the server refused comes back into an empty box (its draft was kept).
  useEffect(() => {
    if (!draft.loaded) return;
    for (const rejection of rejections) {
      if (restored.current.has(rejection.id)) continue;
      restored.current.add(rejection.id);
      const { id, body } = sendArgs(rejection);
      if (body && id && draft.value.text.trim() === "") {
        draft.restore(id, { threadId, text: body });
        setStatus("");
        break;
      }
    }
  });

  async function submit(event: Event) {
    event.preventDefault();
    const text = draft.value.text.trim();
    if (text === "") {
      setError(t("messages.replyRequired"));
      return;
    }
    setError(undefined);
    for (const rejection of rejections) {
      if (sendArgs(rejection).id === draft.id) await client.dismissRejected(rejection.id);
    }
    await draft.send((id) => ({ threadId, body: text, id }));
    setStatus(t("messages.replyQueued"));
  }

  return (
    <section aria-labelledby="thread-reply-heading">
      <h2 id="thread-reply-heading">{t("messages.replyHeading")}</h2>
      <MessageRejections
        client={client}
        rejections={rejections}
        title="messages.rejectedReply"
        testid="thread-reply-rejections"
      />
      <form class="form" noValidate onSubmit={submit} data-testid="thread-reply-form">
        <TextAreaField
          inputClass="message-textarea"
          label={t("messages.replyLabel")}
          hint={tf("messages.replyHint", { max: String(LIMITS.body) })}
          error={error}
          value={draft.value.text}
          onInput={(text) => {
            draft.update({ threadId, text });
            if (error && text.trim() !== "") setError(undefined);
            setStatus("");
          }}
          required
          maxLength={LIMITS.body}
          testid="thread-reply-text"
        />
        <div class="form__actions">
          <button
            type="submit"
            class="button button--primary"
            disabled={!draft.loaded}
            data-testid="thread-reply-send"
          >
            {t("messages.replySend")}
          </button>
        </div>
        <p class="form__status" role="status" data-testid="thread-reply-status">
          {status}
        </p>
      </form>
    </section>
  );
}
