import { ErrorAlert } from "../../components/ErrorAlert";
import { st, stf } from "../i18n/st";
import { currentQuery, setQuery } from "../shell/query";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { AuditFilterBar } from "./AuditFilterBar";
import { AuditTable } from "./AuditTable";
import { getAuditPage } from "./api";
import {
  type AuditFilters,
  apiQuery,
  filtersFromQuery,
  filtersToQuery,
  PAGE_SIZE,
} from "./auditFilters";
import "./audit.css";

/** /staff/audit (admins): who read or changed what; the filters live in the URL. */
export function StaffAuditScreen(_props: StaffScreenProps) {
  const filters = filtersFromQuery(currentQuery.value);
  const query = apiQuery(filters).toString();
  const page = useLoad(() => getAuditPage(new URLSearchParams(query)), [query]);

  const apply = (next: AuditFilters) => setQuery(filtersToQuery(next));
  const goTo = (n: number) => setQuery(filtersToQuery({ ...filters, page: n }));

  const items = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  const from = items.length === 0 ? 0 : filters.page * PAGE_SIZE + 1;
  const to = filters.page * PAGE_SIZE + items.length;
  const range = { from: String(from), to: String(to), total: String(total) };

  return (
    <StaffScreen title="audit.title" heading={st("audit.title")}>
      <p class="staff-small">{st("audit.intro")}</p>
      <AuditFilterBar filters={filters} onApply={apply} />
      {page.status === "failed" && (
        <>
          <ErrorAlert problem={page.problem} />
          <button type="button" class="button" onClick={page.reload}>
            {st("audit.tryAgain")}
          </button>
        </>
      )}
      <p role="status" class="staff-small" data-testid="audit-status">
        {page.status === "loading" ? st("audit.loading") : ""}
        {page.status === "ready" ? stf("audit.count", range) : ""}
      </p>
      {page.data && items.length > 0 && <p class="staff-small">{st("audit.linkHint")}</p>}
      {page.data && <AuditTable items={items} filters={filters} range={range} />}
      {(filters.page > 0 || total > PAGE_SIZE) && (
        <nav class="staff-pager" aria-label={st("audit.pager")}>
          <button
            type="button"
            class="button"
            disabled={filters.page === 0}
            onClick={() => goTo(filters.page - 1)}
            data-testid="audit-previous"
          >
            {st("audit.previous")}
          </button>
          <p>{stf("audit.count", range)}</p>
          <button
            type="button"
            class="button"
            disabled={to >= total}
            onClick={() => goTo(filters.page + 1)}
            data-testid="audit-next"
          >
            {st("audit.next")}
          </button>
        </nav>
      )}
    </StaffScreen>
  );
}
