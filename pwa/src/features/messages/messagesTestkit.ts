/**
 * Test helpers for the message screens: the real SyncClient on fake-indexeddb, fed the
 * recorded first pull (offline/fixtures/pull-full-clear.json) plus the `thread/<id>` rows a
 * test needs (shaped as sync/view.py `_threads` makes them), through a scriptable server.
 */
import type { SyncClient } from "../../offline";
import {
  type FakeSyncServer,
  FIXTURE_LEASE,
  fakeSyncServer,
  openTestClient,
  put,
  recordedPatch,
} from "../../test/offlineResident";
import type { ThreadMessage, ThreadRow } from "./messageModel";

export { outbox, type PushMode } from "../../test/offlineResident";

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

/** First pull: the recorded one plus `threads`; pushes go offline, apply or reject (`mode`). */
export function fakeServer(threads: readonly ThreadRow[]): FakeSyncServer {
  return fakeSyncServer({
    patch: [...recordedPatch(), ...threads.map((t) => put(`thread/${t.id}`, t))],
  });
}

export function openClient(server: FakeSyncServer): Promise<SyncClient> {
  return openTestClient({ transport: server.transport });
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
