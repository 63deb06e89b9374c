/** The ticket queue and one ticket. */
import type { StaffRoute } from "../shell/routeTypes";
import { StaffTicketQueueScreen } from "./StaffTicketQueueScreen";
import { StaffTicketScreen } from "./StaffTicketScreen";

const TICKET_ROLES = ["customer_service", "maintenance"] as const;

export const routes: StaffRoute[] = [
  {
    path: "/staff/tickets",
    screen: StaffTicketQueueScreen,
    roles: TICKET_ROLES,
    nav: { label: "tickets.title", order: 10 },
  },
  {
    path: /^\/staff\/tickets\/([0-9a-f-]{36})$/,
    screen: StaffTicketScreen,
    roles: TICKET_ROLES,
  },
];
