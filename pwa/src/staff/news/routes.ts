/** The news area's screens; src/staff/routes.ts adds them to the console. */
import type { StaffRoute } from "../shell/routeTypes";
import { StaffNewsEditScreen } from "./StaffNewsEditScreen";
import { StaffNewsNewScreen } from "./StaffNewsNewScreen";
import { StaffNewsScreen } from "./StaffNewsScreen";

export const routes: StaffRoute[] = [
  {
    path: "/staff/news",
    screen: StaffNewsScreen,
    roles: ["editor"],
    nav: { label: "news.title", order: 30 },
  },
  { path: "/staff/news/new", screen: StaffNewsNewScreen, roles: ["editor"] },
  { path: /^\/staff\/news\/([0-9a-f-]{36})$/, screen: StaffNewsEditScreen, roles: ["editor"] },
];
