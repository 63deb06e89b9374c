import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf, stOr } from "../i18n/st";
import { FilterSelect } from "../shell/FilterSelect";
import { currentQuery, setQuery } from "../shell/query";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import {
  type ChangeKind,
  type ChangeStatus,
  KINDS,
  listChanges,
  pendingFirst,
  STATUSES,
  type StaffOccupantChange,
} from "./api";

interface ListFilters {
  /** "pending" (the default) or another status, or "all". */
  status: ChangeStatus | "all";
  kind: ChangeKind | "";
}

/** The list's filters from the console URL; anything unknown falls back to the default. */
export function listFilters(query: URLSearchParams): ListFilters {
  const status = query.get("status") ?? "";
  const kind = query.get("kind") ?? "";
  return {
    status:
      status === "all" || (STATUSES as readonly string[]).includes(status)
        ? (status as ChangeStatus | "all")
        : "pending",
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as ChangeKind) : "",
  };
}

function toQuery(filters: ListFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status !== "pending") query.set("status", filters.status);
  if (filters.kind) query.set("kind", filters.kind);
  return query;
}

function ChangesTable({ items }: { items: StaffOccupantChange[] }) {
  const lang = language.value;
  return (
    <table class="staff-table" data-testid="changes-table">
      <caption class="visually-hidden">
        {stf("occupants.list.caption", { count: String(items.length) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{st("occupants.col.kind")}</th>
          <th scope="col">{st("occupants.col.home")}</th>
          <th scope="col">{st("occupants.col.reportedBy")}</th>
          <th scope="col">{st("occupants.col.reportedAt")}</th>
          <th scope="col">{st("occupants.col.status")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-testid={`change-row-${c.id}`}>
            <th scope="row">
              <Link href={`/staff/occupants/${c.id}`}>
                {stOr(`occupants.kind.${c.kind}`, c.kind)}
              </Link>
            </th>
            <td>
              {stf("occupants.home", { property: c.propertyName, unit: c.unit })}
              <br />
              <span class="staff-small">
                {stf("occupants.leaseNumber", { number: c.leaseNumber })}
              </span>
            </td>
            <td>{c.reportedByName || st("occupants.tenant")}</td>
            <td>{formatDateTime(c.reportedAt, lang)}</td>
            <td>
              <span
                class={c.status === "pending" ? "staff-badge staff-badge--alert" : "staff-badge"}
              >
                {stOr(`occupants.status.${c.status}`, c.status)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /staff/occupants: occupant changes of the user's regions, pending first; the filters
 * live in the URL (status is asked from the server, the kind is narrowed here). */
export function StaffOccupantChangesScreen(_props: StaffScreenProps) {
  const filters = listFilters(currentQuery.value);
  const load = useLoad(() => listChanges(filters.status), [filters.status]);
  const apply = (patch: Partial<ListFilters>) =>
    setQuery(toQuery({ ...filters, ...patch }), { replace: true });
  const items = pendingFirst(
    (load.data ?? []).filter((c) => !filters.kind || c.kind === filters.kind),
  );

  return (
    <StaffScreen title="occupants.title" heading={st("occupants.title")}>
      <p class="staff-small">{st("occupants.list.scope")}</p>
      <section class="staff-filters" aria-label={st("occupants.list.filters")}>
        <FilterSelect
          label={st("occupants.list.status")}
          value={filters.status}
          onChange={(status) => apply({ status: status as ListFilters["status"] })}
          testid="changes-status"
          options={[
            ...STATUSES.map((s) => ({ value: s, label: st(`occupants.status.${s}`) })),
            { value: "all", label: st("occupants.list.anyStatus") },
          ]}
        />
        <FilterSelect
          label={st("occupants.list.kind")}
          value={filters.kind}
          onChange={(kind) => apply({ kind: kind as ChangeKind | "" })}
          testid="changes-kind"
          options={[
            { value: "", label: st("occupants.list.anyKind") },
            ...KINDS.map((k) => ({ value: k, label: st(`occupants.kind.${k}`) })),
          ]}
        />
      </section>
      {load.status === "failed" && (
        <>
          <ErrorAlert problem={load.problem} />
          <button type="button" class="button" onClick={load.reload}>
            {st("occupants.tryAgain")}
          </button>
        </>
      )}
      <p role="status" class="staff-small" data-testid="changes-status-line">
        {load.status === "loading" ? st("occupants.loading") : ""}
        {load.status === "ready"
          ? items.length === 1
            ? st("occupants.list.countOne")
            : stf("occupants.list.count", { count: String(items.length) })
          : ""}
      </p>
      {load.data &&
        (items.length === 0 ? (
          <p class="notice" data-testid="changes-empty">
            {st("occupants.list.empty")}
          </p>
        ) : (
          <ChangesTable items={items} />
        ))}
    </StaffScreen>
  );
}
