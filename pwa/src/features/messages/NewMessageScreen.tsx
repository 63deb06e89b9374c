import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** A new message or service request (placeholder until it is built). */
export function NewMessageScreen(_props: { principal: ResidentPrincipal }) {
  return <Screen title="home.title" heading="…" />;
}
