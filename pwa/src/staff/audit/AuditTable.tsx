import { Link } from "../../components/Link";
import type { Language } from "../../i18n/languages";
import { language } from "../../state/language";
import { st, stf, stOr } from "../i18n/st";
import type { AuditEvent } from "./api";
import { type AuditFilters, filtersToQuery } from "./auditFilters";

interface Props {
  items: AuditEvent[];
  filters: AuditFilters;
  range: { from: string; to: string; total: string };
}

const LOCALES: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** Date and time to the second: the log's order matters. */
function formatInstant(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "short", timeStyle: "medium" }).format(
    date,
  );
}

/** A detail's value as text: lists joined, anything nested as JSON. */
function detailValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    return value.map(String).join(", ");
  }
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** The audit view filtered to one actor or one target (a link: it opens in a new tab too). */
function filteredHref(filters: AuditFilters, patch: Partial<AuditFilters>): string {
  const query = filtersToQuery({ ...filters, ...patch, page: 0 }).toString();
  return `/staff/audit${query ? `?${query}` : ""}`;
}

export function AuditTable({ items, filters, range }: Props) {
  const lang = language.value;
  if (items.length === 0) {
    return (
      <p class="notice" data-testid="audit-empty">
        {st("audit.empty")}
      </p>
    );
  }
  return (
    <table class="staff-table staff-audit-table" data-testid="audit-table">
      <caption class="visually-hidden">{stf("audit.caption", range)}</caption>
      <thead>
        <tr>
          <th scope="col">{st("audit.col.at")}</th>
          <th scope="col">{st("audit.col.actor")}</th>
          <th scope="col">{st("audit.col.action")}</th>
          <th scope="col">{st("audit.col.entity")}</th>
          <th scope="col">{st("audit.col.details")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => {
          const actorType = stOr(`audit.actorType.${e.actorType}`, e.actorType);
          const name =
            e.actorName ?? (e.actorType === "system" ? actorType : st("audit.unknownActor"));
          const details = Object.entries(e.details);
          return (
            <tr key={e.id} data-testid={`audit-row-${e.id}`}>
              <th scope="row">
                {formatInstant(e.at, lang)}
                {e.requestId && (
                  <span class="staff-small staff-audit-request">
                    {stf("audit.request", { id: e.requestId })}
                  </span>
                )}
              </th>
              <td>
                {e.actorId ? (
                  <Link
                    href={filteredHref(filters, { actorId: e.actorId, actorType: "" })}
                    testid="audit-actor-link"
                  >
                    {name}
                  </Link>
                ) : (
                  name
                )}
                {e.actorName !== null || e.actorType !== "system" ? (
                  <span class="staff-small staff-audit-request">{actorType}</span>
                ) : null}
              </td>
              <td data-testid="audit-action-name">{stOr(`audit.action.${e.action}`, e.action)}</td>
              <td>
                {e.entityType && stOr(`audit.entity.${e.entityType}`, e.entityType)}
                {e.entityId && (
                  <Link
                    href={filteredHref(filters, {
                      entityType: e.entityType ?? "",
                      entityId: e.entityId,
                    })}
                    class="staff-audit-id"
                    testid="audit-entity-link"
                  >
                    {e.entityId}
                  </Link>
                )}
              </td>
              <td>
                {details.length > 0 && (
                  <dl class="staff-audit-details" data-testid="audit-details">
                    {details.map(([key, value]) => (
                      <div key={key}>
                        <dt>{key}</dt>
                        <dd>{detailValue(value)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
