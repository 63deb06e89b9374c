import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { ProblemError } from "../api/client";
import type { PullResponse, PushRequest, PushResponse } from "./protocol";
import { SyncClient } from "./sync";
import { freshAccount, manualTimer } from "./testkit";
import type { SyncTransport } from "./transport";

const clients: SyncClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

function problem(status: number): ProblemError {
  return new ProblemError({ type: `/problems/${status}`, title: "t", detail: "d", status });
}

/** A scriptable server: pushes are recorded and applied; pulls answer from `nextPull`. */
function fakeServer() {
  const pushes: PushRequest[] = [];
  let lastMutationId = 0;
  let cookie = 0;
  const server = {
    pushes,
    pulls: 0,
    patch: [] as PullResponse["patch"],
    failPush: null as ProblemError | null,
    stopPush: false,
    lastPut: undefined as unknown,
    failPull: [] as ProblemError[],
    holdPull: null as Promise<void> | null,
    inFlight: 0,
    maxInFlight: 0,
    transport: {
      async push(request): Promise<PushResponse> {
        if (server.failPush) throw server.failPush;
        pushes.push(request);
        if (server.stopPush)
          return { results: [], lastMutationIds: {}, stopped: "temporary-error" };
        const results = request.mutations.map((m) => {
          const status = m.id <= lastMutationId ? ("skipped" as const) : ("applied" as const);
          lastMutationId = Math.max(lastMutationId, m.id);
          return { clientId: m.clientId, id: m.id, status };
        });
        return { results, lastMutationIds: {} };
      },
      async pull(request): Promise<PullResponse> {
        server.inFlight += 1;
        server.maxInFlight = Math.max(server.maxInFlight, server.inFlight);
        try {
          if (server.holdPull) await server.holdPull;
          const failure = server.failPull.shift();
          if (failure) throw failure;
          server.pulls += 1;
          cookie += 1;
          const patch = server.patch;
          for (const op of patch) if (op.op === "put") server.lastPut = op.value;
          server.patch = [];
          const changes = lastMutationId > 0 ? { [clientIdOf(request)]: lastMutationId } : {};
          return { cookie, lastMutationIdChanges: changes, patch };
        } finally {
          server.inFlight -= 1;
        }
      },
      async putBlob() {},
    } satisfies SyncTransport,
  };
  let knownClient = "";
  const clientIdOf = (_: unknown) => knownClient;
  return Object.assign(server, { setClient: (id: string) => (knownClient = id) });
}

async function open(account: string, server: ReturnType<typeof fakeServer>) {
  const timer = manualTimer();
  const client = await SyncClient.open(account, {
    transport: server.transport,
    browserEvents: false,
    schedule: timer.schedule,
    random: () => 1,
    backoff: { baseMs: 1000, maxMs: 8000 },
    backgroundSync: async () => false,
  });
  clients.push(client);
  server.setClient((await client.db.get("meta", "sync"))?.clientId ?? "");
  return { client, timer };
}

describe("SyncClient behaviour", () => {
  it("runs one sync at a time and coalesces requests made meanwhile", async () => {
    const server = fakeServer();
    const { client } = await open(freshAccount(), server);
    let release = () => {};
    server.holdPull = new Promise((resolve) => {
      release = resolve;
    });
    const runs = [client.sync(), client.sync(), client.sync(), client.sync()];
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    server.holdPull = null;
    await Promise.all(runs);
    expect(server.maxInFlight).toBe(1);
    expect(server.pulls).toBe(2);
  });

  it("backs off exponentially on 5xx and resets after a success", async () => {
    const server = fakeServer();
    const { client, timer } = await open(freshAccount(), server);
    server.failPull = [problem(503), problem(502), problem(500), problem(503), problem(503)];
    await client.sync();
    expect(client.state.status.value).toEqual({ kind: "offline", retryInMs: 1000 });
    for (let i = 0; i < 4; i += 1) {
      timer.fire();
      await client.sync();
    }
    expect(timer.delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    timer.fire();
    await client.sync();
    expect(client.state.status.value).toEqual({ kind: "idle" });
    server.failPull = [problem(503)];
    await client.sync();
    expect(timer.delays.at(-1)).toBe(1000);
  });

  it("pauses on 401 with the work queued, and sends it after resume()", async () => {
    const server = fakeServer();
    const { client, timer } = await open(freshAccount(), server);
    server.failPush = problem(401);
    await client.mutate("markNewsRead", { newsId: "n1" });
    await client.sync();
    expect(client.state.status.value).toEqual({ kind: "unauthorized" });
    expect(timer.delays).toEqual([]);
    client.trigger();
    await client.sync();
    expect(server.pushes).toEqual([]);
    server.failPush = null;
    await client.resume();
    expect(server.pushes.map((p) => p.mutations.map((m) => m.id))).toEqual([[1]]);
    expect(client.state.pendingCount.value).toBe(0);
  });

  it("keeps mutation order and ids across a reload of the app", async () => {
    const account = freshAccount();
    const server = fakeServer();
    server.failPush = problem(503);
    const first = await open(account, server);
    await first.client.mutate("markNewsRead", { newsId: "a" });
    await first.client.mutate("markNewsRead", { newsId: "b" });
    await first.client.sync();
    first.client.close();
    const second = await open(account, server);
    expect(second.client.state.pendingCount.value).toBe(2);
    await second.client.mutate("markNewsRead", { newsId: "c" });
    server.failPush = null;
    await second.client.sync();
    const sent = server.pushes.flatMap((p) => p.mutations.map((m) => [m.id, m.args.newsId]));
    expect(sent).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
  });

  it("rebases pending changes on the new server state", async () => {
    const server = fakeServer();
    const { client, timer } = await open(freshAccount(), server);
    server.patch = [
      { op: "clear" },
      { op: "put", key: "ticket/t1", value: { id: "t1", status: "received", timeline: [] } },
    ];
    await client.sync();
    // The server cannot apply the comment yet; meanwhile staff moved the ticket on.
    server.stopPush = true;
    server.patch = [
      { op: "put", key: "ticket/t1", value: { id: "t1", status: "in_progress", timeline: [] } },
    ];
    await client.mutate("addTicketComment", { ticketId: "t1", text: "Hei" });
    await client.sync();
    expect(client.state.status.value.kind).toBe("offline");
    expect(client.state.pendingCount.value).toBe(1);
    expect(client.state.view.value.get("ticket/t1")).toMatchObject({
      status: "in_progress",
      timeline: [{ kind: "comment", text: "Hei", pending: true }],
    });
    // Applied now: the server's row replaces the optimistic one.
    server.stopPush = false;
    server.patch = [
      {
        op: "put",
        key: "ticket/t1",
        value: { id: "t1", status: "in_progress", timeline: [{ kind: "comment", text: "Hei" }] },
      },
    ];
    timer.fire();
    await client.sync();
    expect(client.state.pendingCount.value).toBe(0);
    expect(client.state.view.value.get("ticket/t1")).toEqual(server.lastPut);
  });
});
