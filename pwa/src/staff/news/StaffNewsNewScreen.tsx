import { Link } from "../../components/Link";
import { navigate } from "../../state/route";
import { st } from "../i18n/st";
import { getRegions } from "../messages/api";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { createNews } from "./api";
import { NewsForm } from "./NewsForm";
import { emptyForm } from "./newsForm";
import "./news.css";

/** /staff/news/new: a new draft; saving opens it in the editor (to preview and publish). */
export function StaffNewsNewScreen(_props: StaffScreenProps) {
  const regions = useLoad(getRegions, []);
  return (
    <StaffScreen title="news.editor.newTitle" heading={st("news.editor.newTitle")}>
      <p>
        <Link href="/staff/news">{st("news.editor.back")}</Link>
      </p>
      <p class="staff-small">{st("news.editor.draftNote")}</p>
      <NewsForm
        initial={emptyForm()}
        regions={regions.data ?? []}
        submitLabel={st("news.editor.createDraft")}
        save={createNews}
        onSaved={(news) => navigate(`/staff/news/${news.id}?saved=1`)}
      />
    </StaffScreen>
  );
}
