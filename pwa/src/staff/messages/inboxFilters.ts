/** The inbox filters: kept in the URL's query, turned into the API's query. */
import type { ThreadStatus } from "./api";

export const PAGE_SIZE = 50;

export interface InboxFilters {
  status: ThreadStatus | "";
  category: string;
  propertyId: string;
  unread: boolean;
  mine: boolean;
  page: number;
}

export function filtersFromQuery(query: URLSearchParams): InboxFilters {
  const status = query.get("status") ?? "";
  const page = Number.parseInt(query.get("page") ?? "0", 10);
  return {
    status: status === "open" || status === "answered" || status === "closed" ? status : "",
    category: query.get("category") ?? "",
    propertyId: query.get("propertyId") ?? "",
    unread: query.get("unread") === "1",
    mine: query.get("mine") === "1",
    page: Number.isFinite(page) && page > 0 ? page : 0,
  };
}

export function filtersToQuery(filters: InboxFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status) query.set("status", filters.status);
  if (filters.category) query.set("category", filters.category);
  if (filters.propertyId) query.set("propertyId", filters.propertyId);
  if (filters.unread) query.set("unread", "1");
  if (filters.mine) query.set("mine", "1");
  if (filters.page > 0) query.set("page", String(filters.page));
  return query;
}

/** The API's query: "mine" becomes `assignedTo` = the signed-in user. */
export function apiQuery(filters: InboxFilters, me: string): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status) query.set("status", filters.status);
  if (filters.category) query.set("category", filters.category);
  if (filters.propertyId) query.set("propertyId", filters.propertyId);
  if (filters.unread) query.set("unread", "true");
  if (filters.mine) query.set("assignedTo", me);
  query.set("limit", String(PAGE_SIZE));
  query.set("offset", String(filters.page * PAGE_SIZE));
  return query;
}
