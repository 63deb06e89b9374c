/**
 * The queue's filters ⇄ the console URL's query (a link or a reload keeps them) ⇄ the API's
 * query. Pure functions, tested without a DOM.
 */
import { type QueueSort, SORTS, STATUSES, type TicketStatus } from "./api";

export const PAGE_SIZE = 50;
/** "Older than" choices, in days. */
export const AGES = [1, 3, 7, 14, 30] as const;

export interface QueueFilters {
  statuses: TicketStatus[];
  category: string;
  propertyId: string;
  /** Only tickets created more than this many days ago (0: any age). */
  olderThan: number;
  /** "" anyone, "unassigned", or a staff user's id. */
  assignee: string;
  overdue: boolean;
  /** Ticket number or address. */
  q: string;
  sort: QueueSort;
  /** 0-based. */
  page: number;
}

export const NO_FILTERS: QueueFilters = {
  statuses: [],
  category: "",
  propertyId: "",
  olderThan: 0,
  assignee: "",
  overdue: false,
  q: "",
  sort: "created",
  page: 0,
};

const UUID = /^[0-9a-f-]{36}$/i;

function whole(value: string | null, allowed: readonly number[]): number {
  const n = Number.parseInt(value ?? "", 10);
  return allowed.includes(n) ? n : 0;
}

/** Read the filters from the console URL; anything unknown is dropped, not trusted. */
export function filtersFromQuery(query: URLSearchParams): QueueFilters {
  const statuses = query
    .getAll("status")
    .filter((s): s is TicketStatus => (STATUSES as readonly string[]).includes(s));
  const sort = query.get("sort") ?? "";
  const assigneeId = query.get("assigneeId") ?? "";
  const page = Number.parseInt(query.get("page") ?? "", 10);
  return {
    statuses: [...new Set(statuses)],
    category: query.get("category") ?? "",
    propertyId: UUID.test(query.get("propertyId") ?? "") ? (query.get("propertyId") as string) : "",
    olderThan: whole(query.get("olderThan"), AGES),
    assignee:
      query.get("unassigned") === "true" ? "unassigned" : UUID.test(assigneeId) ? assigneeId : "",
    overdue: query.get("overdue") === "true",
    q: (query.get("q") ?? "").trim(),
    sort: SORTS.includes(sort) ? sort : NO_FILTERS.sort,
    page: Number.isFinite(page) && page > 1 ? page - 1 : 0,
  };
}

/** The console URL's query for `filters`: only what differs from no filters. */
export function filtersToQuery(filters: QueueFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const status of filters.statuses) query.append("status", status);
  if (filters.category) query.set("category", filters.category);
  if (filters.propertyId) query.set("propertyId", filters.propertyId);
  if (filters.olderThan) query.set("olderThan", String(filters.olderThan));
  if (filters.assignee === "unassigned") query.set("unassigned", "true");
  else if (filters.assignee) query.set("assigneeId", filters.assignee);
  if (filters.overdue) query.set("overdue", "true");
  if (filters.q) query.set("q", filters.q);
  if (filters.sort !== NO_FILTERS.sort) query.set("sort", filters.sort);
  if (filters.page > 0) query.set("page", String(filters.page + 1)); // 1-based for people
  return query;
}

/** YYYY-MM-DD of the local day `days` before `today`. */
export function daysBefore(today: Date, days: number): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** GET /api/staff/tickets's query for `filters` (limit/offset paging). */
export function apiQuery(filters: QueueFilters, today = new Date()): URLSearchParams {
  const query = new URLSearchParams();
  for (const status of filters.statuses) query.append("status", status);
  if (filters.category) query.set("category", filters.category);
  if (filters.propertyId) query.set("propertyId", filters.propertyId);
  if (filters.olderThan) query.set("createdBefore", daysBefore(today, filters.olderThan));
  if (filters.assignee === "unassigned") query.set("unassigned", "true");
  else if (filters.assignee) query.set("assigneeId", filters.assignee);
  if (filters.overdue) query.set("overdue", "true");
  if (filters.q) query.set("q", filters.q);
  query.set("sort", filters.sort);
  query.set("limit", String(PAGE_SIZE));
  query.set("offset", String(filters.page * PAGE_SIZE));
  return query;
}
