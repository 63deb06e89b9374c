/** The messages area's screens; src/staff/routes.ts adds them to the console. */
import type { StaffRoute } from "../shell/routeTypes";
import { StaffMessagesScreen } from "./StaffMessagesScreen";
import { StaffThreadScreen } from "./StaffThreadScreen";

const MESSAGE_ROLES = ["customer_service", "lease_control"] as const;

export const routes: StaffRoute[] = [
  {
    path: "/staff/messages",
    screen: StaffMessagesScreen,
    roles: MESSAGE_ROLES,
    nav: { label: "messages.title", order: 20 },
  },
  {
    path: /^\/staff\/messages\/([0-9a-f-]{36})$/,
    screen: StaffThreadScreen,
    roles: MESSAGE_ROLES,
  },
];
