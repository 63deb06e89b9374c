import { useState } from "preact/hooks";
import type { Home, ResidentPrincipal } from "../../api/types";
import { ALL_HOMES, HomeChoice } from "../../components/HomeChoice";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { formatDate, formatDay } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { CategoriesRow } from "../../offline/views";
import { activeHome } from "../../state/activeHome";
import { language } from "../../state/language";
import { useRow, useRows } from "../../state/sync";
import { isPending, orderTickets, type ShownTicket, statusName, ticketLabel } from "./ticketModel";
import "./tickets.css";

/** My tickets: open first, then closed, newest first; filtered by home for two leases. */
export function TicketsScreen({ principal }: { principal: ResidentPrincipal }) {
  const rows = useRows<ShownTicket>("ticket/");
  const categories = useRow<CategoriesRow>("ticketCategories");
  const homes = principal.homes;
  const [filter, setFilter] = useState<string>(() => activeHome(homes)?.leaseId ?? ALL_HOMES);
  const several = homes.length > 1;
  const leaseId = several ? filter : ALL_HOMES;

  return (
    <Screen title="tickets.title" heading={t("tickets.title")} headingTestid="tickets-heading">
      <p>
        <Link href="/report" class="button button--link" testid="tickets-report">
          {t("tickets.report")}
        </Link>
      </p>
      <HomeChoice
        homes={homes}
        id="tickets-home-filter"
        allHomes
        value={filter}
        onChange={setFilter}
      />
      {rows === null ? (
        <SyncWaiting loading="tickets.loading" unavailable="tickets.unavailable" testid="tickets" />
      ) : (
        <TicketSections
          tickets={rows
            .map((row) => row.value)
            .filter((ticket) => leaseId === ALL_HOMES || ticket.leaseId === leaseId)}
          categories={categories}
          homes={several && leaseId === ALL_HOMES ? homes : null}
          filtered={leaseId !== ALL_HOMES && rows.length > 0}
        />
      )}
    </Screen>
  );
}

function TicketSections(props: {
  tickets: ShownTicket[];
  categories: CategoriesRow | null | undefined;
  /** Name the home on each item (all homes shown). */
  homes: readonly Home[] | null;
  filtered: boolean;
}) {
  if (props.tickets.length === 0) {
    return (
      <p class="notice" data-testid="tickets-empty">
        {props.filtered ? t("tickets.emptyForHome") : t("tickets.empty")}
      </p>
    );
  }
  const { open, closed } = orderTickets(props.tickets);
  return (
    <>
      <section aria-labelledby="tickets-open-heading">
        <h2 id="tickets-open-heading">{t("tickets.openHeading")}</h2>
        {open.length === 0 ? (
          <p>{t("tickets.noOpen")}</p>
        ) : (
          <TicketList
            tickets={open}
            categories={props.categories}
            homes={props.homes}
            testid="tickets-open"
          />
        )}
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="tickets-closed-heading">
          <h2 id="tickets-closed-heading">{t("tickets.closedHeading")}</h2>
          <TicketList
            tickets={closed}
            categories={props.categories}
            homes={props.homes}
            testid="tickets-closed"
          />
        </section>
      )}
    </>
  );
}

function TicketList(props: {
  tickets: ShownTicket[];
  categories: CategoriesRow | null | undefined;
  homes: readonly Home[] | null;
  testid: string;
}) {
  const lang = language.value;
  return (
    <ul class="ticket-list" data-testid={props.testid}>
      {props.tickets.map((ticket) => {
        const pending = isPending(ticket);
        const home = props.homes?.find((h) => h.leaseId === ticket.leaseId);
        return (
          <li class="ticket-card" key={ticket.id} data-testid={`ticket-item-${ticket.id}`}>
            <p class="ticket-card__title">
              <Link href={`/tickets/${ticket.id}`} testid={`ticket-link-${ticket.id}`}>
                {ticketLabel(ticket, props.categories)}
              </Link>
            </p>
            {home && (
              <p class="ticket-card__meta">
                {t("tickets.home")}: {home.address}, {home.unit}
              </p>
            )}
            {ticket.location && (
              <p class="ticket-card__meta">
                {t("tickets.location")}: {ticket.location}
              </p>
            )}
            <p class="ticket-card__meta">
              {t("tickets.statusLabel")}:{" "}
              <span
                class={pending ? "ticket-status ticket-status--pending" : "ticket-status"}
                data-testid={`ticket-status-${ticket.id}`}
              >
                {pending ? t("tickets.waitingToSend") : statusName(ticket.status, props.categories)}
              </span>
            </p>
            {ticket.createdAt && (
              <p class="ticket-card__meta">
                {tf("tickets.created", { date: formatDay(ticket.createdAt, lang) })}
              </p>
            )}
            {ticket.expectedBy && (
              <p class="ticket-card__meta">
                {tf("tickets.expectedBy", { date: formatDate(ticket.expectedBy, lang) })}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
