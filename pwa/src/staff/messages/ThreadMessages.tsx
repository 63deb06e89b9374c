import { PlainText } from "../../features/news/NewsText";
import { formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf } from "../i18n/st";
import { attachmentUrl, type MessageAttachment, type StaffThread } from "./api";

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

function Attachments({ threadId, items }: { threadId: string; items: MessageAttachment[] }) {
  if (items.length === 0) return null;
  return (
    <ul class="plain-list staff-messages-attachments">
      {items.map((a, i) => {
        const label = stf("messages.thread.attachment", {
          n: String(i + 1),
          type: a.mediaType === "application/pdf" ? "PDF" : st("messages.thread.image"),
          size: sizeText(a.sizeBytes),
        });
        return (
          <li key={a.id}>
            <a
              href={attachmentUrl(threadId, a.id)}
              target="_blank"
              rel="noopener"
              data-testid={`attachment-${a.id}`}
            >
              {a.hasThumbnail && <img src={attachmentUrl(threadId, a.id, true)} alt="" />}
              {label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The conversation, oldest first: who wrote (resident or staff), when, and the text. */
export function ThreadMessages({ thread }: { thread: StaffThread }) {
  const lang = language.value;
  return (
    <section aria-labelledby="thread-messages">
      <h2 id="thread-messages">{st("messages.thread.messages")}</h2>
      <ol class="staff-timeline" data-testid="thread-messages">
        {thread.messages.map((m) => (
          <li
            key={m.id}
            class={m.authorKind === "staff" ? "staff-timeline__internal" : undefined}
            data-testid={`message-${m.seq}`}
          >
            <p>
              <strong>{m.authorName}</strong>{" "}
              <span class="staff-badge">
                {m.authorKind === "staff"
                  ? st("messages.thread.fromStaff")
                  : st("messages.thread.fromResident")}
              </span>{" "}
              <span class="staff-small">{formatDateTime(m.createdAt, lang)}</span>
            </p>
            <PlainText text={m.body} class="staff-messages-body" />
            <Attachments threadId={thread.id} items={m.attachments} />
          </li>
        ))}
      </ol>
    </section>
  );
}
