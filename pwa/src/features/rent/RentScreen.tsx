import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** Rent: invoices, payment status, debt (main tenant) (placeholder until it is built). */
export function RentScreen(_props: { principal: ResidentPrincipal }) {
  return <Screen title="home.title" heading="…" />;
}
