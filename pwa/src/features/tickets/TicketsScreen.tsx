import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** My tickets (placeholder until the list is built). */
export function TicketsScreen(_props: { principal: ResidentPrincipal }) {
  return <Screen title="home.title" heading="…" />;
}
