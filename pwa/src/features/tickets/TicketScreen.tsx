import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** One ticket and its timeline (placeholder until it is built). */
export function TicketScreen(_props: { principal: ResidentPrincipal; ticketId: string }) {
  return <Screen title="home.title" heading="…" />;
}
