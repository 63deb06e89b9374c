import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** One message thread (placeholder until it is built). */
export function ThreadScreen(_props: { principal: ResidentPrincipal; threadId: string }) {
  return <Screen title="home.title" heading="…" />;
}
