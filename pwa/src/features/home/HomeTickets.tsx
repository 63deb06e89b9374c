import { Link } from "../../components/Link";
import { formatDate } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import { PENDING_STATUS } from "../../offline/optimistic";
import type { CategoriesRow, TicketRow } from "../../offline/views";
import { language } from "../../state/language";

/**
 * A `ticket/<id>` row as the view holds it: the server's ticket, or a pending createTicket
 * (its arguments with `status: "pending"`, no number, status name or dates yet).
 */
export type HomeTicketRow = Pick<TicketRow, "id" | "leaseId" | "category"> &
  Partial<Omit<TicketRow, "id" | "leaseId" | "category" | "status">> & {
    status: string;
    pending?: boolean;
  };

const CLOSED = new Set(["done", "rejected", "cancelled"]);

/** The open tickets of one home: waiting to send first, then the newest. */
export function openTicketsOf(
  rows: ReadonlyArray<{ value: HomeTicketRow }>,
  leaseId: string,
): HomeTicketRow[] {
  const waiting = (ticket: HomeTicketRow) => (ticket.status === PENDING_STATUS ? 0 : 1);
  return rows
    .map((row) => row.value)
    .filter((ticket) => ticket.leaseId === leaseId && !CLOSED.has(ticket.status))
    .sort(
      (a, b) => waiting(a) - waiting(b) || (b.createdAt ?? "").localeCompare(a.createdAt ?? ""),
    );
}

function categoryName(categories: CategoriesRow | undefined, code: string): string {
  for (const group of categories?.groups ?? []) {
    const found = group.categories.find((category) => category.code === code);
    if (found) return found.name;
  }
  return code;
}

interface HomeTicketsProps {
  tickets: readonly HomeTicketRow[];
  categories: CategoriesRow | undefined;
}

/** My open defect notifications of the active home, each a link to its page. */
export function HomeTickets({ tickets, categories }: HomeTicketsProps) {
  const lang = language.value;
  return (
    <section class="home-section" aria-labelledby="home-tickets-heading">
      <h2 id="home-tickets-heading">{t("homeScreen.ticketsHeading")}</h2>
      {tickets.length === 0 ? (
        <p data-testid="home-tickets-empty">{t("homeScreen.ticketsEmpty")}</p>
      ) : (
        <ul class="home-items" data-testid="home-ticket-list">
          {tickets.map((ticket) => {
            const waiting = ticket.status === PENDING_STATUS;
            return (
              <li key={ticket.id} class="home-item" data-testid={`home-ticket-${ticket.id}`}>
                <Link href={`/tickets/${ticket.id}`} class="home-item__title">
                  {waiting || !ticket.number ? t("homeScreen.ticketNew") : ticket.number}
                  {": "}
                  {ticket.categoryName ?? categoryName(categories, ticket.category)}
                </Link>
                {waiting ? (
                  <span class="home-tag home-tag--waiting" data-testid="home-ticket-waiting">
                    {t("homeScreen.ticketWaiting")}
                  </span>
                ) : (
                  <span class="home-item__line">
                    {tf("homeScreen.ticketStatus", {
                      status: ticket.statusName ?? ticket.status,
                    })}
                  </span>
                )}
                {!waiting && ticket.expectedBy && (
                  <span class="home-item__line">
                    {tf("homeScreen.ticketExpected", {
                      date: formatDate(ticket.expectedBy, lang),
                    })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
