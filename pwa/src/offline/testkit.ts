/**
 * Test helpers for the offline library: the golden fixtures (recorded from the server by
 * tests/sync/test_client_fixtures.py), seeded ids, a manual timer.
 */
import { openPortalDb } from "./db";
import pullFull from "./fixtures/pull-full-clear.json";
import pullIncremental from "./fixtures/pull-incremental.json";
import pushAppliedRejected from "./fixtures/push-applied-and-rejected.json";
import pushReplay from "./fixtures/push-replay-skipped.json";
import pushSchema from "./fixtures/push-schema-version.json";
import type { PullResponse } from "./protocol";
import type { SyncClientOptions } from "./sync";

export interface Fixture {
  description: string;
  given: { clientGroupId: string; clientIds: string[]; lastMutationIds?: Record<string, number> };
  request: { method: string; path: string; body: unknown };
  response: { status: number; headers: { "content-type": string }; body: unknown };
}

export const fixtures = {
  pullFull,
  pullIncremental,
  pushAppliedRejected,
  pushReplay,
  pushSchema,
} satisfies Record<string, Fixture>;

export const GROUP = pullFull.given.clientGroupId;
export const CLIENT = pullFull.given.clientIds[0] as string;

let counter = 0;
/** A fresh account id per test (fake-indexeddb is shared within a file). */
export function freshAccount(): string {
  counter += 1;
  return `acct-${Date.now()}-${counter}`;
}

/**
 * Give the account's database the fixtures' client group and client ids (and the
 * fixture's `given.lastMutationIds`, so that the next mutation gets the recorded id).
 */
export async function seedIds(accountId: string, given: Fixture["given"] = pullFull.given) {
  const db = await openPortalDb(accountId);
  const lastMutationId = given.lastMutationIds?.[CLIENT] ?? 0;
  await db.put(
    "meta",
    { clientGroupId: GROUP, clientId: CLIENT, cookie: null, lastMutationId, lastSyncedAt: null },
    "sync",
  );
  db.close();
}

/** The keys a recorded pull puts, and those it deletes. */
export function patchKeys(fixture: { response: { body: unknown } }) {
  const { patch } = fixture.response.body as PullResponse;
  return {
    put: patch.flatMap((op) => (op.op === "put" ? [op.key] : [])),
    del: patch.flatMap((op) => (op.op === "del" ? [op.key] : [])),
  };
}

/** Retries wait for `fire()`; `delays` records every requested wait. */
export function manualTimer() {
  const delays: number[] = [];
  let next: (() => void) | null = null;
  const schedule: NonNullable<SyncClientOptions["schedule"]> = (run, ms) => {
    delays.push(ms);
    next = run;
    return () => {
      if (next === run) next = null;
    };
  };
  return {
    schedule,
    delays,
    fire(): boolean {
      const run = next;
      next = null;
      run?.();
      return run !== null;
    },
  };
}

/** A reply for `fakeApi`: the fixture's recorded response. */
export function recorded(fixture: Fixture) {
  const { status, headers, body } = fixture.response;
  return { status, json: body, headers: { "Content-Type": headers["content-type"] } };
}
