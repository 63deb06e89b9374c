import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** One news item (placeholder until it is built). */
export function NewsItemScreen(_props: { principal: ResidentPrincipal; newsId: string }) {
  return <Screen title="home.title" heading="…" />;
}
