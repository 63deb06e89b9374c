import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, json, type Reply } from "../test/fakeApi";
import { storeBlob } from "./blobs";
import { saveDraft } from "./drafts";
import { SCHEMA_VERSION } from "./protocol";
import { SyncClient, type SyncClientOptions } from "./sync";
import { fixtures, freshAccount, manualTimer, patchKeys, recorded, seedIds } from "./testkit";

const session = json(200, { authenticated: false });
const [created, commented] = fixtures.pushAppliedRejected.request.body.mutations;
const [rejection] = fixtures.pushAppliedRejected.response.body.results.flatMap((r) =>
  r.problem ? [r.problem] : [],
);
const [takenDown] = patchKeys(fixtures.pullIncremental).del;
if (!created || !commented || !rejection || !takenDown) {
  throw new Error("fixtures changed: see src/offline/fixtures/README.md");
}
const ticketArgs = created.args;
const commentArgs = commented.args;
const newTicketKey = `ticket/${ticketArgs.id}`;

const clients: SyncClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  vi.unstubAllGlobals();
});

async function openClient(account: string, extra: SyncClientOptions = {}) {
  const timer = manualTimer();
  const client = await SyncClient.open(account, {
    browserEvents: false,
    schedule: timer.schedule,
    random: () => 1,
    backoff: { baseMs: 1000, maxMs: 8000 },
    backgroundSync: async () => false,
    ...extra,
  });
  clients.push(client);
  return { client, timer };
}

const offline: Reply = () => {
  throw new TypeError("Failed to fetch");
};

describe("SyncClient against the recorded server", () => {
  it("first pull sends a null cookie and applies clear + the full view", async () => {
    const account = freshAccount();
    await seedIds(account);
    const api = fakeApi({
      "GET /api/session": session,
      "POST /api/sync/pull": recorded(fixtures.pullFull),
    });
    const { client } = await openClient(account);
    await client.start();
    const pulls = api.calls.filter((c) => c.path === "/api/sync/pull");
    expect(pulls.map((c) => c.body)).toEqual([fixtures.pullFull.request.body]);
    expect(api.calls.some((c) => c.path === "/api/sync/push")).toBe(false);
    expect([...client.state.view.value.keys()].sort()).toEqual(
      patchKeys(fixtures.pullFull).put.sort(),
    );
    expect(client.state.status.value).toEqual({ kind: "idle" });
    expect(client.state.lastSyncedAt.value).not.toBeNull();
  });

  it("queues offline, pushes the batch in order, records the rejection, drops on pull", async () => {
    const account = freshAccount();
    await seedIds(account);
    let up = true;
    const api = fakeApi({
      "GET /api/session": session,
      "POST /api/sync/pull": [recorded(fixtures.pullFull), recorded(fixtures.pullIncremental)],
      "POST /api/sync/push": (call) =>
        up ? recorded(fixtures.pushAppliedRejected) : offline(call),
    });
    const { client, timer } = await openClient(account);
    await client.start();
    up = false;
    await saveDraft(client.db, "draft-ticket", "ticket", ticketArgs, 1);
    await saveDraft(client.db, "draft-comment", "comment", commentArgs, 2);
    expect(await client.mutate("createTicket", ticketArgs, "draft-ticket")).toBe(1);
    expect(await client.mutate("addTicketComment", commentArgs, "draft-comment")).toBe(2);
    await client.sync();
    expect(client.state.status.value.kind).toBe("offline");
    expect(client.state.pendingCount.value).toBe(2);
    expect(client.state.view.value.get(newTicketKey)).toMatchObject({
      status: "pending",
      pending: true,
    });
    expect(client.state.staleSince.value).toBe(client.state.lastSyncedAt.value);

    up = true;
    expect(timer.fire()).toBe(true);
    await client.sync();
    const pushes = api.calls.filter((c) => c.path === "/api/sync/push");
    expect(pushes.at(-1)?.body).toEqual(fixtures.pushAppliedRejected.request.body);
    const lastPush = api.calls.lastIndexOf(pushes.at(-1) as (typeof api.calls)[number]);
    const pullAfter = api.calls.slice(lastPush).find((c) => c.path === "/api/sync/pull");
    expect(pullAfter?.body).toEqual(fixtures.pullIncremental.request.body);
    expect(client.state.status.value).toEqual({ kind: "idle" });
    expect(client.state.pendingCount.value).toBe(0);
    expect(client.state.view.value.get(newTicketKey)).toMatchObject({ status: "received" });
    expect(client.state.view.value.has(takenDown)).toBe(false);
    expect(client.state.rejected.value.map((r) => [r.id, r.problem])).toEqual([[2, rejection]]);
    expect(await client.db.count("outbox")).toBe(0);
    // The applied ticket's draft is gone; the rejected comment's draft stays for the person.
    expect((await client.db.getAllKeys("drafts")).sort()).toEqual(["draft-comment"]);
    await client.dismissRejected(2);
    expect(client.state.rejected.value).toEqual([]);
  });

  it("exactly once: a lost push response is retried with the same ids, pull clears them", async () => {
    const account = freshAccount();
    await seedIds(account);
    let mode: "offline" | "drop" | "replay" = "offline";
    const api = fakeApi({
      "GET /api/session": session,
      "POST /api/sync/pull": [recorded(fixtures.pullFull), recorded(fixtures.pullIncremental)],
      "POST /api/sync/push": (call) => {
        if (mode === "replay") return recorded(fixtures.pushReplay);
        return offline(call); // "drop": the server applied it, the answer never arrived
      },
    });
    const { client, timer } = await openClient(account);
    await client.start();
    await saveDraft(client.db, "draft-ticket", "ticket", ticketArgs, 1);
    await saveDraft(client.db, "draft-comment", "comment", commentArgs, 2);
    await client.mutate("createTicket", ticketArgs, "draft-ticket");
    await client.mutate("addTicketComment", commentArgs, "draft-comment");
    await client.sync();
    mode = "drop";
    timer.fire();
    await client.sync();
    mode = "replay";
    timer.fire();
    await client.sync();
    const bodies = api.calls.filter((c) => c.path === "/api/sync/push").map((c) => c.body);
    expect(bodies.at(-1)).toEqual(fixtures.pushReplay.request.body);
    expect(bodies.at(-2)).toEqual(bodies.at(-1));
    const pulls = api.calls.filter((c) => c.path === "/api/sync/pull").map((c) => c.body);
    expect(pulls.slice(0, 2)).toEqual([
      fixtures.pullFull.request.body,
      fixtures.pullIncremental.request.body,
    ]);
    expect(client.state.pendingCount.value).toBe(0);
    // Both were skipped; the pull's rejected/ row tells the comment was refused.
    expect(client.state.rejected.value.map((r) => [r.id, r.problem])).toEqual([[2, rejection]]);
    expect(await client.db.getAllKeys("drafts")).toEqual(["draft-comment"]);
    await client.sync();
    expect(api.calls.filter((c) => c.path === "/api/sync/push")).toHaveLength(bodies.length);
  });

  it("surfaces an unsupported schema version as updateRequired and stops", async () => {
    const account = freshAccount();
    await seedIds(account, fixtures.pushSchema.given);
    const api = fakeApi({
      "GET /api/session": session,
      "POST /api/sync/push": recorded(fixtures.pushSchema),
    });
    const { client, timer } = await openClient(account);
    const [read] = fixtures.pushSchema.request.body.mutations;
    await client.mutate("markNewsRead", read?.args ?? {});
    await client.sync();
    // The recorded request, from an app of another schema version.
    const pushes = api.calls.filter((c) => c.path === "/api/sync/push");
    expect(pushes.map((c) => c.body)).toEqual([
      { ...fixtures.pushSchema.request.body, schemaVersion: SCHEMA_VERSION },
    ]);
    expect(client.state.status.value.kind).toBe("updateRequired");
    expect(client.state.pendingCount.value).toBe(1);
    expect(timer.delays).toEqual([]);
  });

  it("pulls again after an upload, so a photo attached by the server shows at once", async () => {
    const account = freshAccount();
    await seedIds(account);
    const order: string[] = [];
    const { client } = await openClient(account, {
      transport: {
        push: async () => {
          order.push("push");
          return { results: [], lastMutationIds: {}, stopped: null };
        },
        pull: async () => {
          order.push("pull");
          return { cookie: order.length, lastMutationIdChanges: {}, patch: [] };
        },
        putBlob: async () => {
          order.push("upload");
        },
      },
    });
    // Stored without the trigger addPhoto pulls: one sync, counted alone.
    await storeBlob(
      client.db,
      new TextEncoder().encode("photo").buffer as ArrayBuffer,
      "image/jpeg",
      0,
    );
    await client.sync();
    // The upload runs beside the first pull; a pull after it shows what the server attached.
    expect(order.lastIndexOf("pull")).toBeGreaterThan(order.indexOf("upload"));
    expect(order.filter((step) => step === "pull")).toHaveLength(2);
    order.length = 0;
    await client.sync(); // nothing uploaded this time: one pull
    expect(order.filter((step) => step !== "push")).toEqual(["pull"]);
  });

  it("removePhoto forgets bytes no queued mutation needs, so they are never uploaded", async () => {
    const account = freshAccount();
    const uploads: string[] = [];
    const { client } = await openClient(account, {
      transport: {
        push: () => Promise.reject(new TypeError("Failed to fetch")),
        pull: () => Promise.reject(new TypeError("Failed to fetch")),
        putBlob: async (sha256) => {
          uploads.push(sha256);
          throw new TypeError("Failed to fetch");
        },
      },
    });
    const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
    const kept = await client.addPhoto(bytes("in a queued ticket"), "image/jpeg");
    const sent = await client.addPhoto(bytes("queued for a ticket"), "image/jpeg");
    const dropped = await client.addPhoto(bytes("taken back"), "image/jpeg");
    await client.mutate("createTicket", { ...ticketArgs, photos: [kept] });
    await client.mutate("addTicketPhoto", { ticketId: ticketArgs.id, sha256: sent });
    expect(await client.removePhoto(kept)).toBe(false);
    expect(await client.removePhoto(sent)).toBe(false);
    expect(await client.removePhoto(dropped)).toBe(true);
    expect(await client.removePhoto(dropped)).toBe(false); // already gone
    expect((await client.db.getAllKeys("blobs")).sort()).toEqual([kept, sent].sort());
    uploads.length = 0;
    await client.sync();
    expect(uploads).not.toContain(dropped);
    expect(uploads.length).toBeGreaterThan(0);
  });
});
