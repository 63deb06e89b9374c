/** The occupants area's screens; src/staff/routes.ts adds them to the console. */
import type { StaffRoute } from "../shell/routeTypes";
import { StaffOccupantChangeScreen } from "./StaffOccupantChangeScreen";
import { StaffOccupantChangesScreen } from "./StaffOccupantChangesScreen";

// The server's gate: backend/occupancy/change_access.py CHANGE_HANDLERS (and admins).
const HANDLERS = ["lease_control", "customer_service"] as const;

export const routes: StaffRoute[] = [
  {
    path: "/staff/occupants",
    screen: StaffOccupantChangesScreen,
    roles: HANDLERS,
    nav: { label: "occupants.title", order: 50 },
  },
  {
    path: /^\/staff\/occupants\/([0-9a-f-]{36})$/,
    screen: StaffOccupantChangeScreen,
    roles: HANDLERS,
  },
];
