import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { TextAreaField } from "../../components/FormField";
import type { MessageKey } from "../../i18n/catalog";
import { t, tf } from "../../i18n/t";
import type { SyncClient } from "../../offline";
import { rejectionsFor, TicketRejections } from "./TicketRejections";
import { LIMITS, type ShownEvent, type ShownTicket } from "./ticketModel";
import { useTextDraft } from "./useTextDraft";

export const CANCEL_DRAFT = "ticketCancel";
export const REOPEN_DRAFT = "ticketReopen";
export const RATING_DRAFT = "ticketRating";

function pendingEvent(ticket: ShownTicket, kind: string): boolean {
  const timeline = (ticket.timeline ?? []) as ShownEvent[];
  return timeline.some((event) => event.pending === true && event.kind === kind);
}

/** What the resident may do now (the server's flags, less what is already queued). */
export function allowedActions(ticket: ShownTicket) {
  return {
    cancel:
      ticket.canCancel === true && ticket.status !== "cancelled" && !pendingEvent(ticket, "cancel"),
    rate: ticket.canRate === true && !pendingEvent(ticket, "rating"),
    reopen: ticket.canReopen === true && !pendingEvent(ticket, "reopen"),
  };
}

/** Cancel (optional reason), rate (1–5 stars, a comment), reopen (a reason). */
export function TicketActions({ client, ticket }: { client: SyncClient; ticket: ShownTicket }) {
  const allowed = allowedActions(ticket);
  const [status, setStatus] = useState("");
  const rejections = rejectionsFor(client.state.rejected.value, ticket.id, [
    "cancelTicket",
    "rateTicket",
    "reopenTicket",
  ]);
  const any = allowed.cancel || allowed.rate || allowed.reopen;
  if (!any && rejections.length === 0 && status === "") return null;
  const done = (key: MessageKey) => setStatus(t(key));
  return (
    <section aria-labelledby="ticket-actions-heading" data-testid="ticket-actions">
      <h2 id="ticket-actions-heading">{t("tickets.actionsHeading")}</h2>
      <TicketRejections client={client} rejections={rejections} testid="ticket-action-rejections" />
      {allowed.rate && <RateForm client={client} ticketId={ticket.id} onDone={done} />}
      {allowed.reopen && <ReopenForm client={client} ticketId={ticket.id} onDone={done} />}
      {allowed.cancel && <CancelForm client={client} ticketId={ticket.id} onDone={done} />}
      <p class="form__status" role="status" data-testid="ticket-action-status">
        {status}
      </p>
    </section>
  );
}

interface FormProps {
  client: SyncClient;
  ticketId: string;
  onDone: (key: MessageKey) => void;
}

/** A button that opens a small form (aria-expanded), for the weightier actions. */
function Disclosure(props: {
  label: string;
  testid: string;
  children: (close: () => void) => ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div class="ticket-action">
      <button
        type="button"
        class="button"
        aria-expanded={open ? "true" : "false"}
        onClick={() => setOpen(!open)}
        data-testid={props.testid}
      >
        {props.label}
      </button>
      {open && props.children(() => setOpen(false))}
    </div>
  );
}

function CancelForm({ client, ticketId, onDone }: FormProps) {
  const draft = useTextDraft(client, CANCEL_DRAFT, ticketId);
  return (
    <Disclosure label={t("tickets.cancelOpen")} testid="ticket-cancel">
      {(close) => (
        <form
          class="form"
          data-testid="ticket-cancel-form"
          onSubmit={async (event) => {
            event.preventDefault();
            const reason = draft.text.trim();
            await draft.send("cancelTicket", () => ({ ticketId, reason: reason || null }));
            onDone("tickets.cancelQueued");
          }}
        >
          <TextAreaField
            inputClass="ticket-textarea"
            label={t("tickets.cancelReason")}
            hint={tf("tickets.cancelHint", { max: String(LIMITS.reason) })}
            value={draft.text}
            onInput={draft.setText}
            maxLength={LIMITS.reason}
            testid="ticket-cancel-reason"
          />
          <div class="form__actions">
            <button
              type="submit"
              class="button button--danger"
              disabled={!draft.loaded}
              data-testid="ticket-cancel-confirm"
            >
              {t("tickets.cancelConfirm")}
            </button>
            <button type="button" class="button" onClick={close}>
              {t("tickets.cancelKeep")}
            </button>
          </div>
        </form>
      )}
    </Disclosure>
  );
}

function ReopenForm({ client, ticketId, onDone }: FormProps) {
  const draft = useTextDraft(client, REOPEN_DRAFT, ticketId);
  const [error, setError] = useState<string | undefined>();
  return (
    <Disclosure label={t("tickets.reopenOpen")} testid="ticket-reopen">
      {(close) => (
        <form
          class="form"
          noValidate
          data-testid="ticket-reopen-form"
          onSubmit={async (event) => {
            event.preventDefault();
            const reason = draft.text.trim();
            if (reason === "") {
              setError(t("tickets.reopenRequired"));
              return;
            }
            setError(undefined);
            await draft.send("reopenTicket", () => ({ ticketId, reason }));
            onDone("tickets.reopenQueued");
          }}
        >
          <TextAreaField
            inputClass="ticket-textarea"
            label={t("tickets.reopenReason")}
            hint={tf("tickets.cancelHint", { max: String(LIMITS.reason) })}
            error={error}
            value={draft.text}
            onInput={(value) => {
              draft.setText(value);
              if (error && value.trim() !== "") setError(undefined);
            }}
            required
            maxLength={LIMITS.reason}
            testid="ticket-reopen-reason"
          />
          <div class="form__actions">
            <button
              type="submit"
              class="button button--primary"
              disabled={!draft.loaded}
              data-testid="ticket-reopen-confirm"
            >
              {t("tickets.reopenConfirm")}
            </button>
            <button type="button" class="button" onClick={close}>
              {t("tickets.reopenKeep")}
            </button>
          </div>
        </form>
      )}
    </Disclosure>
  );
}

const STAR_KEYS: readonly MessageKey[] = [
  "tickets.star1",
  "tickets.star2",
  "tickets.star3",
  "tickets.star4",
  "tickets.star5",
];

function RateForm({ client, ticketId, onDone }: FormProps) {
  const draft = useTextDraft(client, RATING_DRAFT, ticketId);
  const [stars, setStars] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();
  const errorId = `ticket-rate-error-${ticketId}`;
  return (
    <form
      class="form ticket-action"
      noValidate
      aria-labelledby="ticket-rate-heading"
      data-testid="ticket-rate-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (stars === null) {
          setError(t("tickets.rateRequired"));
          return;
        }
        setError(undefined);
        const comment = draft.text.trim();
        await draft.send("rateTicket", () => ({ ticketId, stars, comment }));
        onDone("tickets.rateQueued");
      }}
    >
      <h3 id="ticket-rate-heading">{t("tickets.rateHeading")}</h3>
      <fieldset
        class={error ? "field field--invalid ticket-stars" : "field ticket-stars"}
        aria-describedby={error ? errorId : undefined}
      >
        <legend class="field__label">{t("tickets.rateStars")}</legend>
        {error && (
          <p class="field__error" id={errorId}>
            {error}
          </p>
        )}
        {STAR_KEYS.map((key, index) => {
          const value = index + 1;
          return (
            <label class="ticket-stars__option" key={key}>
              <input
                type="radio"
                name={`ticket-stars-${ticketId}`}
                value={String(value)}
                checked={stars === value}
                required
                onChange={() => {
                  setStars(value);
                  setError(undefined);
                }}
                data-testid={`ticket-rate-star-${value}`}
              />{" "}
              <span aria-hidden="true">{"★".repeat(value)}</span> {t(key)}
            </label>
          );
        })}
      </fieldset>
      <TextAreaField
        inputClass="ticket-textarea"
        label={t("tickets.rateComment")}
        hint={tf("tickets.cancelHint", { max: String(LIMITS.ratingComment) })}
        value={draft.text}
        onInput={draft.setText}
        maxLength={LIMITS.ratingComment}
        testid="ticket-rate-comment"
      />
      <div class="form__actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={!draft.loaded}
          data-testid="ticket-rate-send"
        >
          {t("tickets.rateSend")}
        </button>
      </div>
    </form>
  );
}
