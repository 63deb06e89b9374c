import { useEffect, useRef, useState } from "preact/hooks";
import { TextAreaField } from "../../components/FormField";
import { t, tf } from "../../i18n/t";
import type { SyncClient } from "../../offline";
import { rejectedText, rejectionsFor, TicketRejections } from "./TicketRejections";
import { LIMITS } from "./ticketModel";
import { useTextDraft } from "./useTextDraft";

export const COMMENT_DRAFT = "ticketComment";

/** Write to staff: kept as a draft while typed, queued with addTicketComment. */
export function TicketCommentForm({ client, ticketId }: { client: SyncClient; ticketId: string }) {
  const draft = useTextDraft(client, COMMENT_DRAFT, ticketId);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState("");
  const rejections = rejectionsFor(client.state.rejected.value, ticketId, ["addTicketComment"]);
  const restored = useRef(new Set<number>());

  // A comment the server refused comes back into an empty box (its draft was kept).
  useEffect(() => {
    if (!draft.loaded) return;
    for (const rejection of rejections) {
      if (restored.current.has(rejection.id)) continue;
      restored.current.add(rejection.id);
      const text = rejectedText(rejection);
      if (text && draft.text.trim() === "") {
        draft.restore(text);
        setStatus("");
        break;
      }
    }
  });

  async function submit(event: Event) {
    event.preventDefault();
    const text = draft.text.trim();
    if (text === "") {
      setError(t("tickets.commentRequired"));
      return;
    }
    setError(undefined);
    await draft.send("addTicketComment", () => ({ ticketId, text }));
    setStatus(t("tickets.commentQueued"));
  }

  return (
    <section aria-labelledby="ticket-comment-heading">
      <h2 id="ticket-comment-heading">{t("tickets.commentHeading")}</h2>
      <TicketRejections
        client={client}
        rejections={rejections}
        testid="ticket-comment-rejections"
      />
      <form class="form" noValidate onSubmit={submit} data-testid="ticket-comment-form">
        <TextAreaField
          inputClass="ticket-textarea"
          label={t("tickets.commentLabel")}
          hint={tf("tickets.commentHint", { max: String(LIMITS.comment) })}
          error={error}
          value={draft.text}
          onInput={(value) => {
            draft.setText(value);
            if (error && value.trim() !== "") setError(undefined);
            setStatus("");
          }}
          required
          maxLength={LIMITS.comment}
          testid="ticket-comment-text"
        />
        <div class="form__actions">
          <button
            type="submit"
            class="button button--primary"
            disabled={!draft.loaded}
            data-testid="ticket-comment-send"
          >
            {t("tickets.commentSend")}
          </button>
        </div>
        <p class="form__status" role="status" data-testid="ticket-comment-status">
          {status}
        </p>
      </form>
    </section>
  );
}
