import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** News of the resident's homes (placeholder until it is built). */
export function NewsScreen(_props: { principal: ResidentPrincipal }) {
  return <Screen title="home.title" heading="…" />;
}
