import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** Property information of the active home (placeholder until it is built). */
export function PropertyScreen(_props: { principal: ResidentPrincipal }) {
  return <Screen title="home.title" heading="…" />;
}
