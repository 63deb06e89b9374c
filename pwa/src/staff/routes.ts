/**
 * The console's routes table: each area exports its own `routes` (src/staff/<area>/routes.ts)
 * and this file only concatenates them, so an area adds screens without touching the shell.
 */
import { routes as audit } from "./audit/routes";
import { routes as messages } from "./messages/routes";
import { routes as news } from "./news/routes";
import { routes as occupants } from "./occupants/routes";
import { routes as office } from "./office/routes";
import { routes as property } from "./property/routes";
import type { StaffRoute } from "./shell/routeTypes";
import { hasAnyRole, type StaffUser } from "./shell/session";
import { routes as tickets } from "./tickets/routes";

export const STAFF_ROUTES: readonly StaffRoute[] = [
  ...tickets,
  ...messages,
  ...news,
  ...property,
  ...occupants,
  ...office,
  ...audit,
];

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The route for `path` (no trailing slash, no query) and its decoded params, or null. */
export function matchStaffRoute(
  path: string,
  routes: readonly StaffRoute[] = STAFF_ROUTES,
): { route: StaffRoute; params: string[] } | null {
  for (const route of routes) {
    if (typeof route.path === "string") {
      if (route.path === path) return { route, params: [] };
      continue;
    }
    const match = route.path.exec(path);
    if (match) return { route, params: match.slice(1).map((p) => decode(p ?? "")) };
  }
  return null;
}

/** The navigation entries `user` may open, in order. */
export function navEntries(
  user: StaffUser,
  routes: readonly StaffRoute[] = STAFF_ROUTES,
): { href: string; label: NonNullable<StaffRoute["nav"]>["label"] }[] {
  return routes
    .filter((r) => r.nav && typeof r.path === "string" && hasAnyRole(user, r.roles))
    .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0))
    .map((r) => ({
      href: r.path as string,
      label: (r.nav as NonNullable<StaffRoute["nav"]>).label,
    }));
}
