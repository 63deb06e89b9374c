import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** Report an occupant change (main tenant) (placeholder until it is built). */
export function OccupantsScreen(_props: { principal: ResidentPrincipal }) {
  return <Screen title="home.title" heading="…" />;
}
