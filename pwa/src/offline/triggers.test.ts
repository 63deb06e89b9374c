// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProblemError } from "../api/client";
import { endSession } from "../state/session";
import { fakeApi, json } from "../test/fakeApi";
import { resetApp } from "../test/reset";
import { ACCOUNT_KEY, offlineAccountSignedIn } from "./account";
import { retryDelay } from "./retry";
import { SyncClient } from "./sync";
import { freshAccount, manualTimer } from "./testkit";
import { SyncFailure, type SyncTransport } from "./transport";
import { browserTriggers, type PokeSource } from "./triggers";

afterEach(resetApp);

function countingTransport(fail: ProblemError | null = null) {
  const counts = { push: 0, pull: 0 };
  const transport: SyncTransport = {
    push: async () => {
      counts.push += 1;
      if (fail) throw fail;
      return { results: [], lastMutationIds: {} };
    },
    pull: async () => {
      counts.pull += 1;
      return { cookie: counts.pull, lastMutationIdChanges: {}, patch: [] };
    },
    putBlob: async () => undefined,
  };
  return { counts, transport };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("sync triggers", () => {
  it("syncs on start, on a poke, on `online` and when the page becomes visible", async () => {
    let poke = () => {};
    const source: PokeSource = {
      subscribe: (listener) => {
        poke = listener;
        return () => {
          poke = () => {};
        };
      },
    };
    const { counts, transport } = countingTransport();
    const client = await SyncClient.open(freshAccount(), { transport, poke: source });
    await client.start();
    expect(counts.pull).toBe(1);
    poke();
    await client.sync();
    expect(counts.pull).toBeGreaterThanOrEqual(2);
    const before = counts.pull;
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(counts.pull).toBe(before + 1);
    expect(client.state.online.value).toBe(true);
    window.dispatchEvent(new Event("offline"));
    expect(client.state.online.value).toBe(false);
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("visible");
    document.dispatchEvent(new Event("visibilitychange"));
    await settle();
    expect(counts.pull).toBe(before + 2);
    client.close();
    poke();
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(counts.pull).toBe(before + 2);
  });

  it("asks for Background Sync when work is queued and the network fails", async () => {
    const backgroundSync = vi.fn(async () => true);
    const timer = manualTimer();
    const fail = new ProblemError({ type: "about:blank", title: "t", detail: "d", status: 0 });
    const { transport } = countingTransport(fail);
    const client = await SyncClient.open(freshAccount(), {
      transport,
      backgroundSync,
      schedule: timer.schedule,
      browserEvents: false,
    });
    await client.mutate("markNewsRead", { newsId: "n" });
    await client.sync();
    expect(backgroundSync).toHaveBeenCalled();
    client.close();
  });

  it("browserTriggers ignores hiding the page", () => {
    const onTrigger = vi.fn();
    const stop = browserTriggers(onTrigger, () => undefined);
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(onTrigger).not.toHaveBeenCalled();
    stop();
  });

  it("retry delays grow, cap, jitter, and follow Retry-After", () => {
    const failure = new SyncFailure("temporary", null);
    const backoff = { baseMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 5].map((n) => retryDelay(n, failure, backoff, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(retryDelay(3, failure, backoff, () => 0)).toBe(400);
    expect(retryDelay(0, new SyncFailure("temporary", null, 30))).toBe(30_000);
  });
});

describe("session wiring", () => {
  async function exists(account: string): Promise<boolean> {
    return (await indexedDB.databases()).some((d) => d.name === `portal-${account}`);
  }

  it("signing out wipes the offline database; an expired session keeps it", async () => {
    fakeApi({ "GET /api/session": json(200, { authenticated: false, principal: null }) });
    const account = freshAccount();
    await offlineAccountSignedIn(account);
    (await SyncClient.open(account, { browserEvents: false })).close();
    endSession("expired");
    await settle();
    expect(await exists(account)).toBe(true);
    endSession("signedOut");
    await settle();
    expect(await exists(account)).toBe(false);
    expect(localStorage.getItem(ACCOUNT_KEY)).toBeNull();
  });
});
