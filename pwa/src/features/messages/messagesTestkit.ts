/**
 * Test helpers for the message screens: the real SyncClient on fake-indexeddb, fed the
 * recorded first pull (offline/fixtures/pull-full-clear.json) plus the `thread/<id>` rows a
 * test needs (shaped as sync/view.py `_threads` makes them), through a scriptable server.
 */
import type { SyncClient } from "../../offline";
import type { PullResponse, PushRequest, PushResponse, SyncProblem } from "../../offline/protocol";
import { fixtures } from "../../offline/testkit";
import { FIXTURE_LEASE, openTestClient } from "../../test/offlineResident";
import type { ThreadMessage, ThreadRow } from "./messageModel";

type Put = { op: "put"; key: string; value: unknown };

const recordedPatch = (fixtures.pullFull.response.body as PullResponse).patch;

export const LEASE = FIXTURE_LEASE;

export function message(changes: Partial<ThreadMessage> & { id: string; seq: number }) {
  return {
    authorKind: "resident" as const,
    authorName: "Aino Asukas",
    mine: true,
    body: "Viesti",
    createdAt: "2026-03-02T09:00:00Z",
    attachments: [],
    ...changes,
  };
}

/** A thread as the server sends it, with `changes`. */
export function thread(changes: Partial<ThreadRow> & { id: string }): ThreadRow {
  const messages = changes.messages ?? [
    message({ id: `${changes.id.slice(0, -3)}901`, seq: 1, body: "Hei" }),
  ];
  const last = messages[messages.length - 1]?.createdAt ?? "2026-03-02T09:00:00Z";
  return {
    leaseId: LEASE,
    category: "keys",
    categoryName: "Avaimet",
    subject: "Avain",
    status: "open",
    statusName: "Avoin",
    startedByMe: true,
    messageCount: messages.length,
    unread: 0,
    createdAt: messages[0]?.createdAt ?? last,
    lastMessageAt: last,
    closedAt: null,
    ...changes,
    messages,
  };
}

export type PushMode =
  | { kind: "offline" }
  | { kind: "apply" }
  | { kind: "reject"; problem: SyncProblem };

/** First pull: the recorded one plus `threads`; pushes go offline, apply or reject (`mode`). */
export function fakeServer(threads: readonly ThreadRow[]) {
  const patch: PullResponse["patch"] = [
    ...recordedPatch,
    ...threads.map((t): Put => ({ op: "put", key: `thread/${t.id}`, value: t })),
  ];
  let cookie = 0;
  let seen: Record<string, number> = {};
  const server = {
    mode: { kind: "apply" } as PushMode,
    pushes: [] as PushRequest[],
    pulls: 0,
    transport: {
      async push(request: PushRequest): Promise<PushResponse> {
        if (server.mode.kind === "offline") throw new TypeError("Failed to fetch");
        server.pushes.push(request);
        const mode = server.mode;
        const results = request.mutations.map((m) => {
          seen = { ...seen, [m.clientId]: Math.max(seen[m.clientId] ?? 0, m.id) };
          return mode.kind === "reject"
            ? { clientId: m.clientId, id: m.id, status: "rejected" as const, problem: mode.problem }
            : { clientId: m.clientId, id: m.id, status: "applied" as const };
        });
        return { results, lastMutationIds: seen };
      },
      async pull(): Promise<PullResponse> {
        if (server.mode.kind === "offline") throw new TypeError("Failed to fetch");
        cookie += 1;
        server.pulls = cookie;
        return { cookie, lastMutationIdChanges: seen, patch: cookie === 1 ? patch : [] };
      },
      async putBlob(): Promise<void> {
        if (server.mode.kind === "offline") throw new TypeError("Failed to fetch");
      },
    },
  };
  return server;
}

export function openClient(server: ReturnType<typeof fakeServer>): Promise<SyncClient> {
  return openTestClient({ transport: server.transport });
}

/** The queued mutations (not yet applied by the server). */
export async function outbox(client: SyncClient) {
  return (await client.db.getAll("outbox")).map((entry) => entry.mutation);
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
