import { Link } from "../../components/Link";
import { formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf, stOr } from "../i18n/st";
import type { StaffNews } from "./api";

interface Props {
  items: StaffNews[];
  /** "Everyone" / the region's / the property's name. */
  audienceOf: (news: StaffNews) => string;
}

/** One row per item, newest first; the Finnish title links to the editor. */
export function NewsTable({ items, audienceOf }: Props) {
  const lang = language.value;
  if (items.length === 0) {
    return (
      <p class="notice" data-testid="news-empty">
        {st("news.list.empty")}
      </p>
    );
  }
  return (
    <table class="staff-table" data-testid="news-table">
      <caption class="visually-hidden">
        {stf("news.list.caption", { n: String(items.length) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{st("news.col.title")}</th>
          <th scope="col">{st("news.col.status")}</th>
          <th scope="col">{st("news.col.audience")}</th>
          <th scope="col">{st("news.col.missing")}</th>
          <th scope="col">{st("news.col.publishAt")}</th>
          <th scope="col">{st("news.col.expiresAt")}</th>
          <th scope="col">{st("news.col.readCount")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((n) => (
          <tr key={n.id} data-testid={`news-row-${n.id}`}>
            <th scope="row">
              <Link href={`/staff/news/${n.id}`}>{n.title.fi ?? ""}</Link>
              {(n.urgent || n.pinned) && <br />}
              {n.urgent && (
                <span class="staff-badge staff-badge--alert">{st("news.editor.urgentShort")}</span>
              )}{" "}
              {n.pinned && <span class="staff-badge">{st("news.editor.pinnedShort")}</span>}
            </th>
            <td>{stOr(`news.status.${n.status}`, n.status)}</td>
            <td>{audienceOf(n)}</td>
            <td>
              {n.missingLanguages.length === 0 ? (
                <span class="staff-small">{st("news.list.allLanguages")}</span>
              ) : (
                <span class="staff-news-missing">
                  {n.missingLanguages.map((code) => (
                    <span key={code} class="staff-badge staff-badge--alert">
                      {stOr(`news.editor.language.${code}`, code)}
                    </span>
                  ))}
                </span>
              )}
            </td>
            <td>{n.publishAt ? formatDateTime(n.publishAt, lang) : "–"}</td>
            <td>{n.expiresAt ? formatDateTime(n.expiresAt, lang) : "–"}</td>
            <td>{n.readCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
