import { afterEach, describe, expect, it, vi } from "vitest";
import type { SyncClient } from "../offline/sync";
import { handlePageMessage } from "./pageMessages";
import { currentPath, navigate } from "./route";
import { syncClient } from "./sync";

afterEach(() => {
  syncClient.value = null;
  navigate("/");
});

describe("messages from the service worker", () => {
  it("a push makes the open app pull", () => {
    const trigger = vi.fn();
    syncClient.value = { trigger } as unknown as SyncClient;
    handlePageMessage({ type: "SYNC_POKE" });
    expect(trigger).toHaveBeenCalledTimes(1);
  });

  it("a clicked notification shows its screen in this window", () => {
    handlePageMessage({ type: "NAVIGATE", url: "/tickets/3f0e6f7e-8a52-4b6c-9f0e-3b1f1f2a9c10" });
    expect(currentPath.value).toBe("/tickets/3f0e6f7e-8a52-4b6c-9f0e-3b1f1f2a9c10");
  });

  it("ignores anything else, and links out of the app", () => {
    handlePageMessage({ type: "NAVIGATE", url: "//evil.example/" });
    handlePageMessage("SYNC_POKE");
    handlePageMessage(null);
    expect(currentPath.value).toBe("/");
  });
});
