import type { ResidentPrincipal } from "../../api/types";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { formatDate, formatDateTime, formatDay } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { CategoriesRow } from "../../offline/views";
import { language } from "../../state/language";
import { syncClient, useRow } from "../../state/sync";
import { TicketActions } from "./TicketActions";
import { TicketCommentForm } from "./TicketCommentForm";
import { TicketPhotos } from "./TicketPhotos";
import { TicketTimeline } from "./TicketTimeline";
import {
  isPending,
  type ShownEvent,
  type ShownTicket,
  statusName,
  ticketLabel,
} from "./ticketModel";
import "./tickets.css";

/** One ticket and its public timeline; comment, add photos, cancel, rate, reopen. */
export function TicketScreen({
  principal: _principal,
  ticketId,
}: {
  principal: ResidentPrincipal;
  ticketId: string;
}) {
  const client = syncClient.value;
  const ticket = useRow<ShownTicket>(`ticket/${ticketId}`);
  const categories = useRow<CategoriesRow>("ticketCategories");
  const firstSync = client !== null && client.state.lastSyncedAt.value === null;

  if (client === null || ticket === null || (ticket === undefined && firstSync)) {
    return (
      <Screen title="tickets.ticketTitle" heading={t("tickets.ticketTitle")}>
        <SyncWaiting loading="tickets.loading" unavailable="tickets.unavailable" testid="ticket" />
      </Screen>
    );
  }
  if (ticket === undefined) {
    return (
      <Screen title="tickets.ticketTitle" heading={t("tickets.ticketTitle")}>
        <p class="notice" data-testid="ticket-not-found">
          {t("tickets.notFound")}
        </p>
        <p>
          <Link href="/tickets" testid="ticket-back">
            {t("tickets.back")}
          </Link>
        </p>
      </Screen>
    );
  }
  return (
    <Screen
      title="tickets.ticketTitle"
      heading={ticketLabel(ticket, categories)}
      headingTestid="ticket-heading"
    >
      <p>
        <Link href="/tickets" testid="ticket-back">
          {t("tickets.back")}
        </Link>
      </p>
      <TicketDetails ticket={ticket} categories={categories} />
      <TicketPhotos client={client} ticket={ticket} />
      <TicketTimeline
        events={(ticket.timeline ?? []) as ShownEvent[]}
        categories={categories}
        you={t("tickets.you")}
      />
      <TicketRating ticket={ticket} />
      <TicketCommentForm client={client} ticketId={ticket.id} />
      <TicketActions client={client} ticket={ticket} />
    </Screen>
  );
}

function yesNo(value: boolean | undefined): string {
  return value ? t("tickets.yes") : t("tickets.no");
}

function TicketDetails({
  ticket,
  categories,
}: {
  ticket: ShownTicket;
  categories: CategoriesRow | null | undefined;
}) {
  const lang = language.value;
  const pending = isPending(ticket);
  return (
    <section aria-labelledby="ticket-details-heading">
      <h2 id="ticket-details-heading" class="visually-hidden">
        {t("tickets.details")}
      </h2>
      <dl class="facts facts--rows ticket-facts" data-testid="ticket-facts">
        <div>
          <dt>{t("tickets.statusLabel")}</dt>
          <dd
            class={
              pending || ticket.pending ? "ticket-status ticket-status--pending" : "ticket-status"
            }
            data-testid="ticket-status"
            aria-live="polite"
          >
            {statusName(ticket.status, pending ? null : categories)}
            {!pending && ticket.pending && ` (${t("tickets.waitingToSend")})`}
          </dd>
        </div>
        {ticket.expectedBy && (
          <div>
            <dt>{t("tickets.expectedByLabel")}</dt>
            <dd data-testid="ticket-expected-by">{formatDate(ticket.expectedBy, lang)}</dd>
          </div>
        )}
        {ticket.scheduledStart && (
          <div>
            <dt>{t("tickets.scheduled")}</dt>
            <dd data-testid="ticket-scheduled">
              {formatDateTime(ticket.scheduledStart, lang)}
              {ticket.scheduledEnd && ` – ${formatDateTime(ticket.scheduledEnd, lang)}`}
            </dd>
          </div>
        )}
        {ticket.createdAt && (
          <div>
            <dt>{t("tickets.createdLabel")}</dt>
            <dd>{formatDay(ticket.createdAt, lang)}</dd>
          </div>
        )}
        {ticket.location && (
          <div>
            <dt>{t("tickets.location")}</dt>
            <dd>{ticket.location}</dd>
          </div>
        )}
        <div>
          <dt>{t("tickets.description")}</dt>
          <dd class="ticket-facts__text" data-testid="ticket-description">
            {ticket.description}
          </dd>
        </div>
        <div>
          <dt>{t("tickets.masterKey")}</dt>
          <dd>{yesNo(ticket.masterKeyPermission)}</dd>
        </div>
        <div>
          <dt>{t("tickets.pets")}</dt>
          <dd>{yesNo(ticket.pets)}</dd>
        </div>
        {ticket.contactPhone && (
          <div>
            <dt>{t("tickets.contactPhone")}</dt>
            <dd>{ticket.contactPhone}</dd>
          </div>
        )}
        {ticket.contactWindow && (
          <div>
            <dt>{t("tickets.contactWindow")}</dt>
            <dd>{ticket.contactWindow}</dd>
          </div>
        )}
        {ticket.rejectReason && (
          <div>
            <dt>{t("tickets.rejectReason")}</dt>
            <dd>{ticket.rejectReason}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function TicketRating({ ticket }: { ticket: ShownTicket }) {
  const rating = ticket.rating as { stars?: number; comment?: string } | null | undefined;
  if (!rating?.stars) return null;
  return (
    <p class="notice" data-testid="ticket-rating">
      {tf("tickets.yourRating", { stars: String(rating.stars) })}
      {rating.comment ? ` — ${rating.comment}` : ""}
    </p>
  );
}
