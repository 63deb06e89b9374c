/**
 * Test helper: the resident of the recorded sync fixtures (offline/fixtures) and their
 * SyncClient on fake-indexeddb (import "fake-indexeddb/auto" in the test file first).
 */
import type { Home, ResidentPrincipal } from "../api/types";
import { SyncClient, type SyncClientOptions } from "../offline/sync";
import { freshAccount, manualTimer, seedIds } from "../offline/testkit";
import { closeSync, syncClient } from "../state/sync";

/** The fixtures' home (pull-full-clear.json: `home/<LEASE>`, its building, ticket and news). */
export const FIXTURE_LEASE = "00000000-0000-4000-8000-000000000001";

export const fixtureHome: Home = {
  leaseId: FIXTURE_LEASE,
  access: "main_tenant",
  propertyName: "Kontulankaari 5",
  address: "Kontulankaari 5",
  unit: "B 12",
  startsOn: "2024-06-01",
  endsOn: null,
};

/** Aino, signed in, living in `homes` (default: the fixtures' home), with `changes`. */
export function fixtureResident(
  homes: Home[] = [fixtureHome],
  changes: Partial<ResidentPrincipal> = {},
): ResidentPrincipal {
  return {
    kind: "resident",
    id: "acct",
    firstName: "Aino",
    lastName: "Asukas",
    email: null,
    phone: null,
    language: "fi",
    passwordEnabled: false,
    homes,
    ...changes,
  };
}

export interface TestClientSetup {
  /** Reopen this account's database (default: a new account). */
  account?: string;
  /** Give a new account the fixtures' client ids (`seedIds`), e.g. to replay a recorded push. */
  seed?: boolean;
  /** Sync once before it is shown (default true). */
  sync?: boolean;
}

const opened: SyncClient[] = [];

/**
 * The resident's SyncClient as the app would set it (`syncClient`), without browser events,
 * retry timer or Background Sync; `options` add e.g. a fake `transport`.
 */
export async function openTestClient(
  options: SyncClientOptions = {},
  { account = freshAccount(), seed = false, sync = true }: TestClientSetup = {},
): Promise<SyncClient> {
  if (seed) await seedIds(account);
  const client = await SyncClient.open(account, {
    browserEvents: false,
    schedule: manualTimer().schedule,
    random: () => 1,
    backgroundSync: async () => false,
    ...options,
  });
  opened.push(client);
  if (sync) await client.sync();
  syncClient.value = client;
  return client;
}

/** Close every client opened here (in afterEach). */
export function closeTestClients(): void {
  closeSync();
  for (const client of opened.splice(0)) client.close();
}
