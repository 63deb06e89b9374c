/** Test helpers for the offline library: golden fixtures, seeded ids, a manual timer. */
import { openPortalDb } from "./db";
import pullFull from "./fixtures/pull-full-clear.json";
import pullIncremental from "./fixtures/pull-incremental.json";
import pushAppliedRejected from "./fixtures/push-applied-and-rejected.json";
import pushReplay from "./fixtures/push-replay-skipped.json";
import pushSchema from "./fixtures/push-schema-version.json";
import type { SyncClientOptions } from "./sync";

export interface Fixture {
  description: string;
  request: { method: string; path: string; body: unknown };
  response: { status: number; body: unknown };
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

/** Give the account's database the fixtures' client group and client ids. */
export async function seedIds(accountId: string): Promise<void> {
  const db = await openPortalDb(accountId);
  await db.put(
    "meta",
    { clientGroupId: GROUP, clientId: CLIENT, cookie: null, lastMutationId: 0, lastSyncedAt: null },
    "sync",
  );
  db.close();
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

/** A reply for `fakeApi` from a fixture's recorded response. */
export function recorded(fixture: Fixture) {
  const { status, body } = fixture.response;
  return status >= 400
    ? { status, json: body, headers: { "Content-Type": "application/problem+json" } }
    : { status, json: body };
}
