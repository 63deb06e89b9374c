/**
 * Test helpers for the ticket screens: the real SyncClient on fake-indexeddb, fed the
 * recorded first pull (offline/fixtures/pull-full-clear.json) with the rows a test needs,
 * through a scriptable fake server.
 */

import type { SyncClient } from "../../offline";
import type { CategoriesRow, TicketEvent, TicketRow } from "../../offline/views";
import {
  closeTestClients,
  type FakeSyncServer,
  fakeSyncServer,
  openTestClient,
  type Patch,
  put,
  recordedPatch,
  recordedRow,
} from "../../test/offlineResident";

export { outbox, type PushMode } from "../../test/offlineResident";

/** The recorded ticket: VI-2026-000001, kitchen, in progress, a staff status change. */
export const FIXTURE_TICKET = recordedRow<TicketRow>("ticket/");

export const FIXTURE_CATEGORIES = recordedRow<CategoriesRow>("ticketCategories");

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

/**
 * A server whose first pull is the recorded one (its tickets replaced by `tickets`, plus
 * `extra` rows), later pulls change nothing. Pushes fail as offline, are applied, or are
 * rejected, as `mode` says at the time.
 */
export function fakeServer(tickets: readonly TicketRow[], extra: Patch = []): FakeSyncServer {
  return fakeSyncServer({
    patch: [
      ...recordedPatch().filter((op) => !(op.op === "put" && op.key.startsWith("ticket/"))),
      ...tickets.map((t) => put(`ticket/${t.id}`, t)),
      ...extra,
    ],
  });
}

/** A signed-in resident's client with the server's rows, set as `syncClient`. */
export function openClient(server: FakeSyncServer): Promise<SyncClient> {
  return openTestClient({ transport: server.transport });
}

export const closeClients = closeTestClients;
