/** The property area's screens; src/staff/routes.ts adds them to the console. */
import type { StaffRoute } from "../shell/routeTypes";
import { StaffPropertyEditScreen } from "./StaffPropertyEditScreen";
import { StaffPropertyScreen } from "./StaffPropertyScreen";

export const routes: StaffRoute[] = [
  {
    path: "/staff/property",
    screen: StaffPropertyScreen,
    roles: ["editor"],
    nav: { label: "property.title", order: 40 },
  },
  {
    path: /^\/staff\/property\/([0-9a-f-]{36})$/,
    screen: StaffPropertyEditScreen,
    roles: ["editor"],
  },
];
