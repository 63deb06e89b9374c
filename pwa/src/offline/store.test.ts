import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sha256Hex } from "./blobs";
import { DB_VERSION, databaseName, openPortalDb } from "./db";
import { getDraft, listDrafts, saveDraft } from "./drafts";
import { setPersistRequester } from "./persist";
import { SyncClient } from "./sync";
import { freshAccount } from "./testkit";
import type { SyncTransport } from "./transport";

afterEach(() => setPersistRequester(null));

const quietTransport = (putBlob: SyncTransport["putBlob"]): SyncTransport => ({
  push: async () => ({ results: [], lastMutationIds: {} }),
  pull: async () => ({ cookie: 1, lastMutationIdChanges: {}, patch: [] }),
  putBlob,
});

describe("offline database", () => {
  it("has the versioned schema with named stores, one database per account", async () => {
    const account = freshAccount();
    const db = await openPortalDb(account);
    expect(db.name).toBe(`portal-${account}`);
    expect(databaseName("x")).toBe("portal-x");
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(
      ["blobs", "drafts", "meta", "outbox", "rejected", "rows"].sort(),
    );
    db.close();
  });

  it("keeps drafts across a reload and asks for persistent storage once", async () => {
    const persist = vi.fn(async () => true);
    setPersistRequester(persist);
    const account = freshAccount();
    const first = await SyncClient.open(account, { browserEvents: false });
    await saveDraft(first.db, "d1", "ticket", { description: "Hana tippu" }, 1);
    await saveDraft(first.db, "d1", "ticket", { description: "Hana tippuu" }, 2);
    await saveDraft(first.db, "d2", "message", { text: "Hei" }, 3);
    first.close();
    const reloaded = await SyncClient.open(account, { browserEvents: false });
    expect((await getDraft(reloaded.db, "d1"))?.value).toEqual({ description: "Hana tippuu" });
    expect((await listDrafts(reloaded.db, "ticket")).map((d) => d.id)).toEqual(["d1"]);
    expect(persist).toHaveBeenCalledTimes(1);
    reloaded.close();
  });

  it("uploads photos by hash, independently of pushes, once", async () => {
    const bytes = new TextEncoder().encode("jpeg bytes").buffer as ArrayBuffer;
    const put = vi.fn(async () => undefined);
    const client = await SyncClient.open(freshAccount(), {
      browserEvents: false,
      transport: quietTransport(put),
    });
    const sha = await client.addPhoto(bytes, "image/jpeg");
    expect(sha).toBe(await sha256Hex(bytes));
    await client.sync();
    expect(put).toHaveBeenCalledWith(sha, bytes, "image/jpeg");
    expect((await client.db.get("blobs", sha))?.state).toBe("uploaded");
    await client.sync();
    expect(put).toHaveBeenCalledTimes(1);
    client.close();
  });
});
