import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { navigate } from "../../state/route";
import { st } from "../i18n/st";
import { getRegions } from "../messages/api";
import { currentQuery } from "../shell/query";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { getNews, updateNews } from "./api";
import { NewsForm } from "./NewsForm";
import { NewsPreviewPanel } from "./NewsPreviewPanel";
import { formFromNews } from "./newsForm";
import { PublishPanel } from "./PublishPanel";
import "./news.css";

/** /staff/news/<id>: edit the texts and settings, publish or schedule, preview per language. */
export function StaffNewsEditScreen({ params }: StaffScreenProps) {
  const id = params[0] ?? "";
  const load = useLoad(() => getNews(id), [id]);
  const regions = useLoad(getRegions, []);
  const [message, setMessage] = useState(
    currentQuery.peek().get("saved") === "1" ? st("news.editor.created") : "",
  );
  const news = load.data;

  return (
    <StaffScreen
      title="news.editor.editTitle"
      heading={news?.title.fi ?? st("news.editor.editTitle")}
      headingTestid="news-heading"
    >
      <p>
        <Link href="/staff/news">{st("news.editor.back")}</Link>
      </p>
      <p role="status" data-testid="news-message">
        {load.status === "loading" && !news ? st("news.loading") : message}
      </p>
      {load.status === "failed" && (
        <>
          <ErrorAlert problem={load.problem} />
          <button type="button" class="button" onClick={load.reload}>
            {st("news.tryAgain")}
          </button>
        </>
      )}
      {news && (
        <div class="staff-columns">
          <div>
            <h2>{st("news.editor.contents")}</h2>
            <NewsForm
              initial={formFromNews(news)}
              regions={regions.data ?? []}
              submitLabel={st("news.editor.save")}
              save={(body) => updateNews(id, body)}
              onSaved={(saved) => {
                load.set(saved);
                setMessage(st("news.editor.saved"));
              }}
            />
          </div>
          <div class="staff-actions">
            <PublishPanel
              key={`${news.status}-${news.publishAt}`}
              news={news}
              onChanged={(changed, text) => {
                load.set(changed);
                setMessage(text);
              }}
              onDeleted={() => navigate("/staff/news")}
            />
            <NewsPreviewPanel newsId={news.id} version={news.updatedAt} />
          </div>
        </div>
      )}
    </StaffScreen>
  );
}
