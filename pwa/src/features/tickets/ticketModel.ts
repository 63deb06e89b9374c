/**
 * The resident's tickets as the screens read them: the synced `ticket/<id>` rows (with
 * the optimistic overlay: a ticket not sent yet has `status: "pending"`, `pending: true`),
 * their order, and the status names.
 */
import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";
import { PENDING_STATUS } from "../../offline";
import type { CategoriesRow, TicketEvent, TicketRow, TicketStatus } from "../../offline/views";

/** A pending row (optimistic) may lack most server fields: read every field defensively. */
export type ShownTicket = Partial<Omit<TicketRow, "status">> & {
  id: string;
  status: TicketStatus | typeof PENDING_STATUS;
  pending?: boolean;
};

/** A timeline event; one the resident just queued has `pending: true` and no actor or time. */
export type ShownEvent = Partial<TicketEvent> & { id: string; kind: string; pending?: boolean };

export const CLOSED_STATUSES: ReadonlySet<string> = new Set(["done", "rejected", "cancelled"]);

/** The server's limits (backend/tickets/schemas.py, sync/mutator_args.py). */
export const LIMITS = {
  comment: 4000,
  reason: 1000,
  ratingComment: 2000,
  photos: 5,
} as const;

export function isPending(ticket: ShownTicket): boolean {
  return ticket.pending === true && ticket.status === PENDING_STATUS;
}

export function isClosed(ticket: ShownTicket): boolean {
  return CLOSED_STATUSES.has(ticket.status);
}

/** Not yet sent: the newest of all (it has no server time); then by filing time. */
function newestFirst(a: ShownTicket, b: ShownTicket): number {
  const at = isPending(a) ? "\uffff" : (a.createdAt ?? "");
  const bt = isPending(b) ? "\uffff" : (b.createdAt ?? "");
  if (at !== bt) return at < bt ? 1 : -1;
  return (b.number ?? "").localeCompare(a.number ?? "");
}

/** Open (and not yet sent) tickets first, then closed ones; newest first in each. */
export function orderTickets(tickets: readonly ShownTicket[]): {
  open: ShownTicket[];
  closed: ShownTicket[];
} {
  const sorted = [...tickets].sort(newestFirst);
  return {
    open: sorted.filter((ticket) => !isClosed(ticket)),
    closed: sorted.filter((ticket) => isClosed(ticket)),
  };
}

const STATUS_KEYS: Record<TicketStatus, MessageKey> = {
  received: "tickets.status.received",
  in_progress: "tickets.status.in_progress",
  scheduled: "tickets.status.scheduled",
  waiting_for_parts: "tickets.status.waiting_for_parts",
  done: "tickets.status.done",
  rejected: "tickets.status.rejected",
  cancelled: "tickets.status.cancelled",
};

/**
 * The name of a status: the server's (`ticketCategories.statuses`, localized) when it has
 * one, else this app's catalog; "waiting to send" for a ticket not sent yet.
 */
export function statusName(status: string, categories: CategoriesRow | null | undefined): string {
  if (status === PENDING_STATUS) return t("tickets.waitingToSend");
  const named = categories?.statuses?.find((entry) => entry.code === status)?.name;
  if (named) return named;
  const key = STATUS_KEYS[status as TicketStatus];
  return key ? t(key) : status;
}

/** The category's name: the row's, else from `ticketCategories` (a ticket not sent yet). */
export function categoryName(
  ticket: ShownTicket,
  categories: CategoriesRow | null | undefined,
): string {
  if (ticket.categoryName) return ticket.categoryName;
  for (const group of categories?.groups ?? []) {
    const found = group.categories.find((category) => category.code === ticket.category);
    if (found) return found.name;
  }
  return ticket.category ?? "";
}

/** "VI-2026-000001 Keittiö", or "New defect notification: Keittiö" before it is sent. */
export function ticketLabel(
  ticket: ShownTicket,
  categories: CategoriesRow | null | undefined,
): string {
  const name = categoryName(ticket, categories);
  const number = ticket.number ?? t("tickets.newTicket");
  return name ? `${number} · ${name}` : number;
}
