import { ErrorAlert } from "../../components/ErrorAlert";
import { st, stf } from "../i18n/st";
import { currentQuery, setQuery } from "../shell/query";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { getCategories, getProperties, getQueue, getStaffUsers, type StaffProperty } from "./api";
import { QueueFilterBar } from "./QueueFilterBar";
import { QueueTable } from "./QueueTable";
import {
  apiQuery,
  filtersFromQuery,
  filtersToQuery,
  PAGE_SIZE,
  type QueueFilters,
} from "./queueFilters";

/** Properties for the filter: those of the user's regions, and any seen in the queue, so
 * that the chosen one always stays in the list. */
function propertyChoices(listed: StaffProperty[] | null, seen: StaffProperty[]): StaffProperty[] {
  const all = new Map<string, StaffProperty>();
  for (const p of [...(listed ?? []), ...seen]) if (!all.has(p.id)) all.set(p.id, p);
  return [...all.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** /staff/tickets: the ticket queue of the user's regions; the filters live in the URL. */
export function StaffTicketQueueScreen({ principal }: StaffScreenProps) {
  const filters = filtersFromQuery(currentQuery.value);
  const query = apiQuery(filters).toString();
  const page = useLoad(() => getQueue(new URLSearchParams(query)), [query]);
  const categories = useLoad(getCategories, []);
  const properties = useLoad(getProperties, []);
  const staff = useLoad(getStaffUsers, []);

  const apply = (next: QueueFilters) => setQuery(filtersToQuery(next), { replace: true });
  const goTo = (n: number) => setQuery(filtersToQuery({ ...filters, page: n }));

  const items = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  const from = total === 0 ? 0 : filters.page * PAGE_SIZE + 1;
  const to = filters.page * PAGE_SIZE + items.length;
  const seen = items.map((t) => ({ id: t.propertyId, name: t.propertyName }));
  const range = { from: String(from), to: String(to), total: String(total) };

  return (
    <StaffScreen title="tickets.title" heading={st("tickets.title")} class="staff-queue">
      <QueueFilterBar
        filters={filters}
        onChange={apply}
        user={principal}
        categories={categories.data}
        properties={propertyChoices(properties.data, seen)}
        staff={staff.data ?? []}
      />
      {page.status === "failed" && (
        <>
          <ErrorAlert problem={page.problem} />
          <button type="button" class="button" onClick={page.reload}>
            {st("tickets.tryAgain")}
          </button>
        </>
      )}
      <p role="status" class="staff-small" data-testid="queue-status">
        {page.status === "loading" ? st("tickets.loading") : ""}
        {page.status === "ready" ? stf("tickets.queue.count", range) : ""}
      </p>
      {page.data && <QueueTable items={items} from={from} to={to} total={total} />}
      {total > PAGE_SIZE && (
        <nav class="staff-pager" aria-label={st("tickets.queue.pager")}>
          <button
            type="button"
            class="button"
            disabled={filters.page === 0}
            onClick={() => goTo(filters.page - 1)}
            data-testid="queue-previous"
          >
            {st("tickets.queue.previous")}
          </button>
          <p>{stf("tickets.queue.count", range)}</p>
          <button
            type="button"
            class="button"
            disabled={to >= total}
            onClick={() => goTo(filters.page + 1)}
            data-testid="queue-next"
          >
            {st("tickets.queue.next")}
          </button>
        </nav>
      )}
    </StaffScreen>
  );
}
