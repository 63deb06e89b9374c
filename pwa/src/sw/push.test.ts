import { describe, expect, it } from "vitest";
import { clickedUrl, notificationOptions, parsePushPayload, safeAppPath } from "./push";

// What backend/notifications/render.py sends for a ticket update (see its tests).
const ticketUpdate = {
  title: "Felanmälan VI-2026-000123",
  body: "Under arbete: Badrum och toalett",
  url: "/tickets/3f0e6f7e-8a52-4b6c-9f0e-3b1f1f2a9c10",
  ticketId: "3f0e6f7e-8a52-4b6c-9f0e-3b1f1f2a9c10",
  status: "in_progress",
  tag: "b1946ac92492d2347c6235b4d2611184",
  kind: "ticket_update",
};

describe("push payloads", () => {
  it("shows the server's text, replaces by tag and opens the deep link", () => {
    const payload = parsePushPayload(ticketUpdate);
    expect(payload).not.toBeNull();
    if (!payload) return;
    expect(payload.title).toBe("Felanmälan VI-2026-000123");
    const options = notificationOptions(payload);
    expect(options.body).toBe("Under arbete: Badrum och toalett");
    expect(options.tag).toBe(ticketUpdate.tag);
    expect(options.requireInteraction).toBe(false);
    expect(clickedUrl(options.data)).toBe(ticketUpdate.url);
  });

  it("keeps urgent notices on screen until acted on", () => {
    const payload = parsePushPayload({ ...ticketUpdate, kind: "urgent", url: "/news/x" });
    expect(payload && notificationOptions(payload).requireInteraction).toBe(true);
  });

  it("never opens another site", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example/x",
      "javascript:alert(1)",
      "/a b",
    ]) {
      expect(safeAppPath(url)).toBe("/");
    }
    expect(safeAppPath("/news/1?x=2")).toBe("/news/1?x=2");
    expect(clickedUrl(null)).toBe("/");
  });

  it("ignores messages that are not ours", () => {
    expect(parsePushPayload(null)).toBeNull();
    expect(parsePushPayload("text")).toBeNull();
    expect(parsePushPayload({ body: "no title" })).toBeNull();
  });
});
