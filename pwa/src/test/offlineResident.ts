/**
 * Test helper: the resident of the recorded sync fixtures (offline/fixtures) and their
 * SyncClient on fake-indexeddb (import "fake-indexeddb/auto" in the test file first).
 */
import type { Home, ResidentPrincipal } from "../api/types";
import type {
  Mutation,
  PullResponse,
  PushRequest,
  PushResponse,
  SyncProblem,
} from "../offline/protocol";
import { SyncClient, type SyncClientOptions } from "../offline/sync";
import { fixtures, freshAccount, manualTimer, seedIds } from "../offline/testkit";
import type { SyncTransport } from "../offline/transport";
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

/** A second home (not in the fixtures' pull unless a test adds it), for two-lease tests. */
export const SECOND_LEASE = "00000000-0000-4000-8000-0000000000b2";

export const secondHome: Home = {
  leaseId: SECOND_LEASE,
  access: "resident",
  propertyName: "Vuosaaren Ranta",
  address: "Vuosaarentie 3",
  unit: "C 4",
  startsOn: "2025-01-01",
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

export type Patch = PullResponse["patch"];
type Put = Extract<Patch[number], { op: "put" }>;

/** The recorded first pull's patch (offline/fixtures/pull-full-clear.json), a fresh copy. */
export function recordedPatch(): Patch {
  return structuredClone((fixtures.pullFull.response.body as unknown as PullResponse).patch);
}

/** A row the recorded first pull puts (the first whose key starts with `prefix`), a copy. */
export function recordedRow<T>(prefix: string): T {
  const op = recordedPatch().find((o): o is Put => o.op === "put" && o.key.startsWith(prefix));
  if (!op) throw new Error(`no ${prefix} in the fixture`);
  return op.value as T;
}

export const put = (key: string, value: unknown): Patch[number] => ({ op: "put", key, value });

/**
 * What the fake server does now: `offline` (every request fails as with no network),
 * `pushFails` (pulls work, pushes fail: mutations wait), `apply` or `reject` pushes.
 */
export type PushMode =
  | { kind: "offline" }
  | { kind: "pushFails" }
  | { kind: "apply" }
  | { kind: "reject"; problem: SyncProblem };

export interface FakeSyncServerSetup {
  /** The first pull's rows (default: the recorded first pull's); later pulls change nothing. */
  patch?: Patch;
  mode?: PushMode;
  /** Rows the next pull brings after the server applied `mutation`. */
  onApplied?(mutation: Mutation, patch: Patch): Patch;
}

/** A scriptable sync server for the real SyncClient (`openTestClient({ transport })`). */
export function fakeSyncServer({
  patch = recordedPatch(),
  mode = { kind: "apply" },
  onApplied,
}: FakeSyncServerSetup = {}) {
  let seen: Record<string, number> = {};
  let changes: Patch = [];
  const fail = () => {
    throw new TypeError("Failed to fetch");
  };
  const server = {
    mode,
    pushes: [] as PushRequest[],
    pulls: 0,
    transport: {
      async push(request: PushRequest): Promise<PushResponse> {
        if (server.mode.kind === "offline" || server.mode.kind === "pushFails") fail();
        server.pushes.push(request);
        const now = server.mode;
        const results = request.mutations.map((m) => {
          seen = { ...seen, [m.clientId]: Math.max(seen[m.clientId] ?? 0, m.id) };
          if (now.kind === "reject") {
            return {
              clientId: m.clientId,
              id: m.id,
              status: "rejected" as const,
              problem: now.problem,
            };
          }
          if (onApplied) changes = [...changes, ...onApplied(m, patch)];
          return { clientId: m.clientId, id: m.id, status: "applied" as const };
        });
        return { results, lastMutationIds: seen };
      },
      async pull(): Promise<PullResponse> {
        if (server.mode.kind === "offline") fail();
        server.pulls += 1;
        const sent = server.pulls === 1 ? patch : changes;
        changes = [];
        return { cookie: server.pulls, lastMutationIdChanges: seen, patch: sent };
      },
      async putBlob(): Promise<void> {
        if (server.mode.kind === "offline") fail();
      },
    } satisfies SyncTransport,
    /** Every mutation the server received, by name. */
    received(name: string) {
      return server.pushes.flatMap((p) => p.mutations).filter((m) => m.name === name);
    },
  };
  return server;
}

export type FakeSyncServer = ReturnType<typeof fakeSyncServer>;

/** The queued mutations (not yet applied by the server). */
export async function outbox(client: SyncClient) {
  return (await client.db.getAll("outbox")).map((entry) => entry.mutation);
}
