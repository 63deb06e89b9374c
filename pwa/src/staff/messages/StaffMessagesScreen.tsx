import { ErrorAlert } from "../../components/ErrorAlert";
import { st, stf } from "../i18n/st";
import { currentQuery, setQuery } from "../shell/query";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { getColleagues, getInbox, getMessageCategories, getRegions, getUnread } from "./api";
import { InboxFilterBar } from "./InboxFilterBar";
import { InboxTable } from "./InboxTable";
import {
  apiQuery,
  filtersFromQuery,
  filtersToQuery,
  type InboxFilters,
  PAGE_SIZE,
} from "./inboxFilters";
import { propertiesOf } from "./regions";

/** /staff/messages: the shared inbox of messages and service requests of the user's regions. */
export function StaffMessagesScreen({ principal }: StaffScreenProps) {
  const filters = filtersFromQuery(currentQuery.value);
  const query = apiQuery(filters, principal.id).toString();
  const page = useLoad(() => getInbox(query), [query]);
  const unread = useLoad(getUnread, [query]);
  const regions = useLoad(getRegions, []);
  const colleagues = useLoad(getColleagues, []);
  const categories = useLoad(getMessageCategories, []);

  const apply = (next: InboxFilters) => setQuery(filtersToQuery(next), { replace: true });
  const goTo = (n: number) => setQuery(filtersToQuery({ ...filters, page: n }));

  const items = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  const from = total === 0 ? 0 : filters.page * PAGE_SIZE + 1;
  const to = filters.page * PAGE_SIZE + items.length;
  const range = { from: String(from), to: String(to), total: String(total) };
  const names = new Map((colleagues.data ?? []).map((c) => [c.id, c.name]));
  const seen = items.map((t) => ({ id: t.propertyId, name: t.propertyName }));
  const properties = [...propertiesOf(regions.data), ...seen].filter(
    (p, i, all) => all.findIndex((q) => q.id === p.id) === i,
  );
  const counts = unread.data;

  return (
    <StaffScreen
      title="messages.title"
      heading={
        <>
          {st("messages.title")}
          {counts && counts.threads > 0 && (
            <>
              {" "}
              <span class="staff-badge staff-badge--alert" data-testid="inbox-unread-count">
                {stf("messages.inbox.unreadHeading", { n: String(counts.threads) })}
              </span>
            </>
          )}
        </>
      }
    >
      <p class="lead" data-testid="inbox-unread-summary">
        {counts
          ? stf("messages.inbox.unreadSummary", {
              threads: String(counts.threads),
              messages: String(counts.messages),
            })
          : ""}
      </p>
      <InboxFilterBar
        filters={filters}
        properties={properties}
        categories={categories.data ?? []}
        onChange={apply}
      />
      {page.status === "failed" && (
        <>
          <ErrorAlert problem={page.problem} />
          <button type="button" class="button" onClick={page.reload}>
            {st("messages.tryAgain")}
          </button>
        </>
      )}
      <p role="status" class="staff-small" data-testid="inbox-count">
        {page.status === "loading" ? st("messages.loading") : ""}
        {page.status === "ready" ? stf("messages.inbox.count", range) : ""}
      </p>
      {page.data && (
        <InboxTable items={items} names={names} caption={stf("messages.inbox.caption", range)} />
      )}
      {total > PAGE_SIZE && (
        <nav class="staff-pager" aria-label={st("messages.inbox.pager")}>
          <button
            type="button"
            class="button"
            disabled={filters.page === 0}
            onClick={() => goTo(filters.page - 1)}
          >
            {st("messages.inbox.previous")}
          </button>
          <p>{stf("messages.inbox.count", range)}</p>
          <button
            type="button"
            class="button"
            disabled={to >= total}
            onClick={() => goTo(filters.page + 1)}
          >
            {st("messages.inbox.next")}
          </button>
        </nav>
      )}
    </StaffScreen>
  );
}
