import { formatDate, formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st } from "../i18n/st";
import type { StaffTicket } from "./api";

/** What maintenance must know before going: master key permission and pets, boxed. */
export function TicketMustKnow({ ticket }: { ticket: StaffTicket }) {
  return (
    <section
      class="staff-highlight"
      aria-labelledby="ticket-must-know"
      data-testid="ticket-must-know"
    >
      <h2 id="ticket-must-know" class="visually-hidden">
        {st("tickets.ticket.mustKnow")}
      </h2>
      <ul>
        <li data-testid="ticket-master-key">
          {st(
            ticket.masterKeyPermission
              ? "tickets.ticket.masterKeyYes"
              : "tickets.ticket.masterKeyNo",
          )}
        </li>
        <li data-testid="ticket-pets">
          {st(ticket.pets ? "tickets.ticket.petsYes" : "tickets.ticket.petsNo")}
        </li>
      </ul>
    </section>
  );
}

/** Status, category, where, when, who. */
export function TicketFacts({ ticket }: { ticket: StaffTicket }) {
  const lang = language.value;
  const rows: [string, string][] = [
    [st("tickets.ticket.status"), ticket.statusName],
    [st("tickets.ticket.category"), ticket.categoryName],
    [st("tickets.ticket.property"), ticket.propertyName],
  ];
  if (ticket.unit) rows.push([st("tickets.ticket.unit"), ticket.unit]);
  if (ticket.location) rows.push([st("tickets.ticket.location"), ticket.location]);
  rows.push([st("tickets.ticket.created"), formatDateTime(ticket.createdAt, lang)]);
  rows.push([st("tickets.ticket.expectedBy"), formatDate(ticket.expectedBy, lang)]);
  if (ticket.scheduledStart && ticket.scheduledEnd) {
    rows.push([
      st("tickets.ticket.scheduled"),
      `${formatDateTime(ticket.scheduledStart, lang)} – ${formatDateTime(ticket.scheduledEnd, lang)}`,
    ]);
  }
  rows.push([st("tickets.ticket.assignee"), ticket.assigneeName ?? st("tickets.nobody")]);
  if (ticket.closedAt)
    rows.push([st("tickets.ticket.closed"), formatDateTime(ticket.closedAt, lang)]);
  if (ticket.rejectReason) rows.push([st("tickets.ticket.rejectReason"), ticket.rejectReason]);
  return (
    <dl class="facts facts--rows" data-testid="ticket-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>
            {value}
            {term === st("tickets.ticket.expectedBy") && ticket.overdue && (
              <>
                {" "}
                <span class="staff-badge staff-badge--alert">{st("tickets.overdue")}</span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The reporter's contact details; reading them (this very GET) is audit-logged. */
export function TicketContact({ ticket }: { ticket: StaffTicket }) {
  return (
    <section aria-labelledby="ticket-contact" data-testid="ticket-contact">
      <h2 id="ticket-contact">{st("tickets.ticket.contact")}</h2>
      <dl class="facts facts--rows">
        <div>
          <dt>{st("tickets.ticket.reporter")}</dt>
          <dd>{ticket.reporterName}</dd>
        </div>
        <div>
          <dt>{st("tickets.ticket.phone")}</dt>
          <dd>
            <a href={`tel:${ticket.contactPhone.replace(/\s+/g, "")}`}>{ticket.contactPhone}</a>
          </dd>
        </div>
        {ticket.contactWindow && (
          <div>
            <dt>{st("tickets.ticket.contactWindow")}</dt>
            <dd>{ticket.contactWindow}</dd>
          </div>
        )}
      </dl>
      <p class="staff-small">{st("tickets.ticket.auditNote")}</p>
    </section>
  );
}
