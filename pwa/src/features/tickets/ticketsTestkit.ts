/**
 * Test helpers for the ticket screens: the real SyncClient on fake-indexeddb, fed the
 * recorded first pull (offline/fixtures/pull-full-clear.json) with the rows a test needs,
 * through a scriptable fake server.
 */

import type { SyncClient } from "../../offline";
import type { PullResponse, PushRequest, PushResponse, SyncProblem } from "../../offline/protocol";
import { fixtures } from "../../offline/testkit";
import type { CategoriesRow, TicketEvent, TicketRow } from "../../offline/views";
import { closeTestClients, openTestClient } from "../../test/offlineResident";

type Put = { op: "put"; key: string; value: unknown };

const recordedPatch = (fixtures.pullFull.response.body as PullResponse).patch;

/** The recorded ticket: VI-2026-000001, kitchen, in progress, a staff status change. */
export const FIXTURE_TICKET = (
  recordedPatch.find((op) => op.op === "put" && op.key.startsWith("ticket/")) as Put
).value as TicketRow;

export const FIXTURE_CATEGORIES = (
  recordedPatch.find((op) => op.op === "put" && op.key === "ticketCategories") as Put
).value as CategoriesRow;

export const LEASE = FIXTURE_TICKET.leaseId;

/** A ticket like the recorded one, with `changes`. */
export function ticket(changes: Partial<TicketRow> & { id: string }): TicketRow {
  return { ...FIXTURE_TICKET, ...changes };
}

export function event(changes: Partial<TicketEvent> & { id: string }): TicketEvent {
  return {
    kind: "comment",
    actorKind: "staff",
    actorName: "Kaisa Virtanen",
    visibility: "public",
    fromStatus: null,
    toStatus: null,
    text: null,
    createdAt: "2026-03-02T09:00:00Z",
    ...changes,
  };
}

export type PushMode =
  | { kind: "offline" }
  | { kind: "apply" }
  | { kind: "reject"; problem: SyncProblem };

/**
 * A server whose first pull is the recorded one (its tickets replaced by `tickets`, plus
 * `extra` rows), later pulls change nothing. Pushes fail as offline, are applied, or are
 * rejected, as `mode` says at the time.
 */
export function fakeServer(tickets: readonly TicketRow[], extra: Put[] = []) {
  const patch: PullResponse["patch"] = [
    ...recordedPatch.filter((op) => !(op.op === "put" && op.key.startsWith("ticket/"))),
    ...tickets.map((t): Put => ({ op: "put", key: `ticket/${t.id}`, value: t })),
    ...extra,
  ];
  let cookie = 0;
  let seen: Record<string, number> = {};
  const server = {
    mode: { kind: "apply" } as PushMode,
    pushes: [] as PushRequest[],
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
        return {
          cookie,
          lastMutationIdChanges: seen,
          patch: cookie === 1 ? patch : [],
        };
      },
      async putBlob(): Promise<void> {
        if (server.mode.kind === "offline") throw new TypeError("Failed to fetch");
      },
    },
  };
  return server;
}

/** A signed-in resident's client with the server's rows, set as `syncClient`. */
export function openClient(server: ReturnType<typeof fakeServer>): Promise<SyncClient> {
  return openTestClient({ transport: server.transport });
}

export const closeClients = closeTestClients;

/** The queued mutations (not yet applied by the server). */
export async function outbox(client: SyncClient) {
  return (await client.db.getAll("outbox")).map((entry) => entry.mutation);
}
