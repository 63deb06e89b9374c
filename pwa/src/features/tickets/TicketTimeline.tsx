import { formatDateTime } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { CategoriesRow } from "../../offline/views";
import { language } from "../../state/language";
import { type ShownEvent, statusName } from "./ticketModel";

function actorOf(event: ShownEvent, you: string): string {
  if (event.pending) return you;
  const role = event.actorKind === "staff" ? t("tickets.actorStaff") : t("tickets.actorResident");
  return event.actorName ? `${event.actorName} (${role})` : role;
}

function titleOf(event: ShownEvent, categories: CategoriesRow | null | undefined): string {
  switch (event.kind) {
    case "status_change":
      return event.toStatus
        ? tf("tickets.eventStatus", { status: statusName(event.toStatus, categories) })
        : t("tickets.eventOther");
    case "comment":
      return t("tickets.eventComment");
    case "cancel":
      return t("tickets.eventCancel");
    case "reopen":
      return t("tickets.eventReopen");
    case "rating":
      return t("tickets.eventRating");
    default:
      return t("tickets.eventOther");
  }
}

/** The public timeline: status changes and comments both ways, oldest first. */
export function TicketTimeline(props: {
  events: readonly ShownEvent[];
  categories: CategoriesRow | null | undefined;
  you: string;
}) {
  const lang = language.value;
  const events = props.events.filter((event) => event.visibility !== "internal");
  return (
    <section aria-labelledby="ticket-timeline-heading">
      <h2 id="ticket-timeline-heading">{t("tickets.timeline")}</h2>
      {events.length === 0 ? (
        <p>{t("tickets.noEvents")}</p>
      ) : (
        <ol class="ticket-timeline" data-testid="ticket-timeline">
          {events.map((event) => (
            <li
              key={event.id}
              class={
                event.actorKind === "staff"
                  ? "ticket-event ticket-event--staff"
                  : "ticket-event ticket-event--resident"
              }
              data-testid={`ticket-event-${event.id}`}
            >
              <p class="ticket-event__title">{titleOf(event, props.categories)}</p>
              <p class="ticket-event__meta">
                <span data-testid="ticket-event-actor">{actorOf(event, props.you)}</span>
                {event.createdAt && (
                  <>
                    {" · "}
                    <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, lang)}</time>
                  </>
                )}
                {event.pending && (
                  <>
                    {" · "}
                    <span class="ticket-status--pending" data-testid="ticket-event-pending">
                      {t("tickets.waitingToSend")}
                    </span>
                  </>
                )}
              </p>
              {event.text && <p class="ticket-event__text">{event.text}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
