import { formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf, stOr } from "../i18n/st";
import { photoUrl, type StaffTicket, type TicketEvent } from "./api";

/** Thumbnails, each a link to the original. */
export function TicketPhotos({ ticket }: { ticket: StaffTicket }) {
  return (
    <section aria-labelledby="ticket-photos">
      <h2 id="ticket-photos">{st("tickets.ticket.photos")}</h2>
      {ticket.photos.length === 0 ? (
        <p>{st("tickets.ticket.noPhotos")}</p>
      ) : (
        <ul class="staff-photos" data-testid="ticket-photos">
          {ticket.photos.map((photo, i) => (
            <li key={photo.id}>
              <a href={photoUrl(ticket.id, photo.id, false)} target="_blank" rel="noopener">
                <img
                  src={photoUrl(ticket.id, photo.id, true)}
                  alt={stf("tickets.ticket.openPhoto", { n: String(i + 1) })}
                  width={128}
                  height={128}
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const statusName = (code: string | null) => (code ? stOr(`tickets.status.${code}`, code) : "");

function eventTitle(event: TicketEvent): string {
  switch (event.kind) {
    case "status_change":
      return event.fromStatus
        ? stf("tickets.ticket.statusChange", {
            from: statusName(event.fromStatus),
            to: statusName(event.toStatus),
          })
        : stf("tickets.ticket.statusSet", { to: statusName(event.toStatus) });
    case "assignment":
      return event.text
        ? stf("tickets.ticket.assignedTo", { name: event.text })
        : st("tickets.ticket.assignmentCleared");
    case "rating":
      return st("tickets.ticket.eventRating");
    default:
      return "";
  }
}

/** Every event, oldest first; internal notes are marked (the resident never sees them). */
export function TicketTimeline({ ticket }: { ticket: StaffTicket }) {
  const lang = language.value;
  return (
    <section aria-labelledby="ticket-timeline">
      <h2 id="ticket-timeline">{st("tickets.ticket.timeline")}</h2>
      {ticket.timeline.length === 0 ? (
        <p>{st("tickets.ticket.noEvents")}</p>
      ) : (
        <ol class="staff-timeline" data-testid="ticket-timeline">
          {ticket.timeline.map((event) => {
            const internal = event.visibility === "internal";
            const title = eventTitle(event);
            const showText = event.text && event.kind !== "assignment";
            return (
              <li
                key={event.id}
                class={internal ? "staff-timeline__internal" : undefined}
                data-testid={`event-${event.id}`}
              >
                <p class="staff-small">
                  {formatDateTime(event.createdAt, lang)} · {event.actorName} (
                  {st(
                    event.actorKind === "resident"
                      ? "tickets.ticket.actorResident"
                      : "tickets.ticket.actorStaff",
                  )}
                  ){" "}
                  <span class={internal ? "staff-badge staff-badge--internal" : "staff-badge"}>
                    {st(internal ? "tickets.ticket.internal" : "tickets.ticket.public")}
                  </span>
                </p>
                {title && <p>{title}</p>}
                {showText && <p class="staff-pre">{event.text}</p>}
              </li>
            );
          })}
        </ol>
      )}
      {ticket.rating && (
        <p data-testid="ticket-rating">
          <strong>{st("tickets.ticket.rating")}:</strong>{" "}
          {stf("tickets.ticket.stars", { stars: String(ticket.rating.stars) })}
          {ticket.rating.comment ? ` – ${ticket.rating.comment}` : ""}
        </p>
      )}
    </section>
  );
}
