/**
 * The audit view's filters ⇄ the console URL's query (a link or a reload keeps them) ⇄ the
 * API's query. Days are local calendar days; the API takes instants, `to` exclusive.
 */
import catalog from "./messages/fi.json";

export const PAGE_SIZE = 50;
export const ACTOR_TYPES = ["resident", "staff", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Every action the catalog names ("occupant_change.approved", …). */
export const KNOWN_ACTIONS: readonly string[] = Object.entries(catalog.action).flatMap(
  ([group, names]) => Object.keys(names).map((name) => `${group}.${name}`),
);
export const KNOWN_ENTITY_TYPES: readonly string[] = Object.keys(catalog.entity);

export interface AuditFilters {
  actorType: ActorType | "";
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  /** YYYY-MM-DD, the first day shown. */
  from: string;
  /** YYYY-MM-DD, the last day shown (inclusive). */
  to: string;
  /** 0-based. */
  page: number;
}

export const NO_FILTERS: AuditFilters = {
  actorType: "",
  actorId: "",
  action: "",
  entityType: "",
  entityId: "",
  from: "",
  to: "",
  page: 0,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z_]+(\.[a-z_]+)*$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function day(value: string | null): string {
  return value && DAY.test(value) && !Number.isNaN(localMidnight(value).getTime()) ? value : "";
}

/** Read the filters from the console URL; anything malformed is dropped, not trusted. */
export function filtersFromQuery(query: URLSearchParams): AuditFilters {
  const actorType = query.get("actorType") ?? "";
  const action = query.get("action") ?? "";
  const entityType = query.get("entityType") ?? "";
  const page = Number.parseInt(query.get("page") ?? "", 10);
  return {
    actorType: (ACTOR_TYPES as readonly string[]).includes(actorType)
      ? (actorType as ActorType)
      : "",
    actorId: isUuid(query.get("actorId") ?? "") ? (query.get("actorId") as string) : "",
    action: CODE.test(action) && action.length <= 80 ? action : "",
    entityType: CODE.test(entityType) && entityType.length <= 40 ? entityType : "",
    entityId: isUuid(query.get("entityId") ?? "") ? (query.get("entityId") as string) : "",
    from: day(query.get("from")),
    to: day(query.get("to")),
    page: Number.isFinite(page) && page > 1 ? page - 1 : 0,
  };
}

/** The console URL's query for `filters`: only what is set; the page 1-based. */
export function filtersToQuery(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ["actorType", "actorId", "action", "entityType", "entityId"] as const) {
    if (filters[key]) query.set(key, filters[key]);
  }
  if (filters.from) query.set("from", filters.from);
  if (filters.to) query.set("to", filters.to);
  if (filters.page > 0) query.set("page", String(filters.page + 1));
  return query;
}

/** The start of a local calendar day. */
function localMidnight(isoDay: string, plusDays = 0): Date {
  const [y, m, d] = isoDay.split("-").map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, (d ?? 1) + plusDays);
}

/** GET /api/staff/audit's query: `from` the first day's start, `to` the start of the day
 * after the last (exclusive), limit/offset paging. */
export function apiQuery(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ["actorType", "actorId", "action", "entityType", "entityId"] as const) {
    if (filters[key]) query.set(key, filters[key]);
  }
  if (filters.from) query.set("from", localMidnight(filters.from).toISOString());
  if (filters.to) query.set("to", localMidnight(filters.to, 1).toISOString());
  query.set("limit", String(PAGE_SIZE));
  query.set("offset", String(filters.page * PAGE_SIZE));
  return query;
}
