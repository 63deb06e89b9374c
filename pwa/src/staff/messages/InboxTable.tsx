import { Link } from "../../components/Link";
import { formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf } from "../i18n/st";
import type { StaffThreadSummary } from "./api";

interface Props {
  items: StaffThreadSummary[];
  caption: string;
  /** Names of colleagues by id (for "assigned to"). */
  names: Map<string, string>;
}

/** One row per thread, newest activity first; the subject links to the thread. */
export function InboxTable({ items, caption, names }: Props) {
  const lang = language.value;
  if (items.length === 0) {
    return (
      <p class="notice" data-testid="inbox-empty">
        {st("messages.inbox.empty")}
      </p>
    );
  }
  return (
    <table class="staff-table" data-testid="inbox-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{st("messages.col.subject")}</th>
          <th scope="col">{st("messages.col.unread")}</th>
          <th scope="col">{st("messages.col.category")}</th>
          <th scope="col">{st("messages.col.home")}</th>
          <th scope="col">{st("messages.col.status")}</th>
          <th scope="col">{st("messages.col.lastMessage")}</th>
          <th scope="col">{st("messages.col.assignee")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((t) => (
          <tr key={t.id} data-testid={`inbox-row-${t.id}`}>
            <th scope="row">
              <Link href={`/staff/messages/${t.id}`}>
                {t.unread > 0 ? <strong>{t.subject}</strong> : t.subject}
              </Link>
            </th>
            <td>
              {t.unread > 0 ? (
                <span class="staff-badge staff-badge--alert">
                  {stf("messages.inbox.unreadBadge", { n: String(t.unread) })}
                </span>
              ) : (
                <span class="staff-small">{st("messages.inbox.allRead")}</span>
              )}
            </td>
            <td>{t.categoryName}</td>
            <td>
              {t.propertyName}
              {t.unit ? `, ${t.unit}` : ""}
              <br />
              <span class="staff-small">{t.leaseNumber}</span>
            </td>
            <td>{t.statusName}</td>
            <td>{formatDateTime(t.lastMessageAt, lang)}</td>
            <td>
              {t.assignedTo
                ? (names.get(t.assignedTo) ?? st("messages.someone"))
                : st("messages.nobody")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
