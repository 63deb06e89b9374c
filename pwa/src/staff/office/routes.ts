/** The office area's screens; src/staff/routes.ts adds them to the console. */
import type { StaffRoute } from "../shell/routeTypes";
import { StaffOfficeScreen } from "./StaffOfficeScreen";

export const routes: StaffRoute[] = [
  {
    path: "/staff/office",
    screen: StaffOfficeScreen,
    roles: ["customer_service", "lease_control"],
    nav: { label: "office.title", order: 60 },
  },
];
