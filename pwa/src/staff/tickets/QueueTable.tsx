import { Link } from "../../components/Link";
import { formatDate, formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf } from "../i18n/st";
import type { StaffTicketSummary } from "./api";

interface Props {
  items: StaffTicketSummary[];
  from: number;
  to: number;
  total: number;
}

/** One row per ticket; the number links to the ticket. */
export function QueueTable({ items, from, to, total }: Props) {
  const lang = language.value;
  if (items.length === 0) {
    return (
      <p class="notice" data-testid="queue-empty">
        {st("tickets.queue.empty")}
      </p>
    );
  }
  const range = { from: String(from), to: String(to), total: String(total) };
  return (
    <table class="staff-table" data-testid="queue-table">
      <caption class="visually-hidden">{stf("tickets.queue.caption", range)}</caption>
      <thead>
        <tr>
          <th scope="col">{st("tickets.col.number")}</th>
          <th scope="col">{st("tickets.col.status")}</th>
          <th scope="col">{st("tickets.col.category")}</th>
          <th scope="col">{st("tickets.col.property")}</th>
          <th scope="col">{st("tickets.col.created")}</th>
          <th scope="col">{st("tickets.col.expectedBy")}</th>
          <th scope="col">{st("tickets.col.assignee")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((t) => (
          <tr key={t.id} data-testid={`queue-row-${t.number}`}>
            <th scope="row">
              <Link href={`/staff/tickets/${t.id}`}>{t.number}</Link>
            </th>
            <td>{t.statusName}</td>
            <td>{t.categoryName}</td>
            <td>
              {t.propertyName}
              {t.unit ? `, ${t.unit}` : ""}
            </td>
            <td>{formatDateTime(t.createdAt, lang)}</td>
            <td>
              {formatDate(t.expectedBy, lang)}
              {t.overdue && (
                <>
                  {" "}
                  <span class="staff-badge staff-badge--alert">{st("tickets.overdue")}</span>
                </>
              )}
            </td>
            <td>{t.assigneeName ?? st("tickets.nobody")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
