import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** Messages and service requests (placeholder until it is built). */
export function MessagesScreen(_props: { principal: ResidentPrincipal }) {
  return <Screen title="home.title" heading="…" />;
}
