import { createHandlerBoundToURL } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NAVIGATION_DENYLIST } from "./policy";

/**
 * Serve the precached app shell for in-app navigations (offline too), except for
 * the server's own routes and the staff console (its own page) in the denylist.
 */
export function registerNavigationRoute(shellUrl = "index.html"): void {
  const handler = createHandlerBoundToURL(shellUrl);
  registerRoute(new NavigationRoute(handler, { denylist: [...NAVIGATION_DENYLIST] }));
}
