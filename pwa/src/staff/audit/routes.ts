/** The audit area's screens; src/staff/routes.ts adds them to the console. */
import type { StaffRoute } from "../shell/routeTypes";
import { StaffAuditScreen } from "./StaffAuditScreen";

export const routes: StaffRoute[] = [
  {
    path: "/staff/audit",
    screen: StaffAuditScreen,
    roles: ["admin"],
    nav: { label: "audit.title", order: 90 },
  },
];
