/**
 * Pure decisions of the service worker, kept free of workbox imports so that
 * they can be tested in Node.
 */

/**
 * Navigations to these paths go to the network, never to the app shell: the API,
 * sign-in (OIDC) callbacks, health checks, the OpenAPI schema, and the staff console
 * (/staff: another page, dist/staff/index.html, not precached). Matched against
 * `pathname + search`, as workbox's NavigationRoute does.
 */
export const NAVIGATION_DENYLIST: readonly RegExp[] = [
  "api",
  "auth",
  "health",
  "schema",
  "oidc",
  "staff",
].map((prefix) => new RegExp(`^/${prefix}(?:[/?#]|$)`));

export function isDeniedNavigation(pathAndSearch: string): boolean {
  return NAVIGATION_DENYLIST.some((pattern) => pattern.test(pathAndSearch));
}

/** The message the page sends when the user accepts an update. */
export interface SkipWaitingMessage {
  type: "SKIP_WAITING";
}

export function isSkipWaitingMessage(data: unknown): data is SkipWaitingMessage {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { type?: unknown }).type === "SKIP_WAITING"
  );
}
