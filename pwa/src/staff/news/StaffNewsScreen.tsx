import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { language } from "../../state/language";
import { st, stf } from "../i18n/st";
import { getRegions } from "../messages/api";
import { currentQuery, setQuery } from "../shell/query";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { AUDIENCES, listNews, NEWS_STATUSES } from "./api";
import { audienceNamer } from "./audienceName";
import { NewsTable } from "./NewsTable";

/** /staff/news: the items the editor may see, filtered by status and audience (in the URL). */
export function StaffNewsScreen(_props: StaffScreenProps) {
  const params = currentQuery.value;
  const status = params.get("status") ?? "";
  const audience = params.get("audience") ?? "";
  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (audience) query.set("audience", audience);
  const apiQuery = query.toString();
  const list = useLoad(() => listNews(apiQuery), [apiQuery]);
  const regions = useLoad(getRegions, []);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    setQuery(next, { replace: true });
  };
  const items = list.data ?? [];

  return (
    <StaffScreen title="news.title" heading={st("news.title")}>
      <p>
        <Link href="/staff/news/new" class="button button--primary" testid="news-new">
          {st("news.list.new")}
        </Link>
      </p>
      <form
        class="staff-filters"
        aria-label={st("news.list.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <div class="field">
          <label class="field__label" for="news-filter-status">
            {st("news.col.status")}
          </label>
          <select
            id="news-filter-status"
            class="field__input"
            value={status}
            onChange={(e) => set("status", e.currentTarget.value)}
          >
            <option value="">{st("news.list.anyStatus")}</option>
            {NEWS_STATUSES.map((code) => (
              <option key={code} value={code}>
                {st(`news.status.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="news-filter-audience">
            {st("news.col.audience")}
          </label>
          <select
            id="news-filter-audience"
            class="field__input"
            value={audience}
            onChange={(e) => set("audience", e.currentTarget.value)}
          >
            <option value="">{st("news.list.anyAudience")}</option>
            {AUDIENCES.map((code) => (
              <option key={code} value={code}>
                {st(`news.audience.${code}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.status === "failed" && (
        <>
          <ErrorAlert problem={list.problem} />
          <button type="button" class="button" onClick={list.reload}>
            {st("news.tryAgain")}
          </button>
        </>
      )}
      <p role="status" class="staff-small">
        {list.status === "loading" ? st("news.loading") : ""}
        {list.status === "ready" ? stf("news.list.count", { n: String(items.length) }) : ""}
      </p>
      {list.data && (
        <NewsTable items={items} audienceOf={audienceNamer(regions.data, language.value)} />
      )}
    </StaffScreen>
  );
}
