import { describe, expect, it } from "vitest";
import { isDeniedNavigation, isSkipWaitingMessage } from "./policy";

describe("navigation denylist", () => {
  it.each([
    "/api",
    "/api/sync/pull",
    "/auth/callback?code=x&state=y",
    "/health",
    "/health?probe=1",
    "/schema/openapi.json",
    "/oidc/authorize",
    "/staff",
    "/staff/tickets?status=received",
    "/staff/enrol/tK9-x_0aBc",
  ])("sends %s to the network", (path) => {
    expect(isDeniedNavigation(path)).toBe(true);
  });

  it.each(["/", "/tickets/123", "/?lang=sv", "/apiary", "/authors", "/staffing", "/news/api"])(
    "serves the app shell for %s",
    (path) => {
      expect(isDeniedNavigation(path)).toBe(false);
    },
  );
});

describe("isSkipWaitingMessage", () => {
  it("accepts only {type: 'SKIP_WAITING'}", () => {
    expect(isSkipWaitingMessage({ type: "SKIP_WAITING" })).toBe(true);
    expect(isSkipWaitingMessage({ type: "skip_waiting" })).toBe(false);
    expect(isSkipWaitingMessage("SKIP_WAITING")).toBe(false);
    expect(isSkipWaitingMessage(null)).toBe(false);
  });
});
