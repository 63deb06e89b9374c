import type { ResidentPrincipal } from "../../api/types";
import { Screen } from "../../components/Screen";

/** The defect notification wizard (placeholder until it is built). */
export function ReportScreen(_props: { principal: ResidentPrincipal }) {
  return <Screen title="home.title" heading="…" />;
}
