/**
 * Test helpers for the news and property screens: the real SyncClient on fake-indexeddb,
 * fed the recorded first pull (offline/fixtures/pull-full-clear.json) plus the rows a test
 * needs, through a fake server that is offline for pushes or applies them.
 */
import type { SyncClient } from "../../offline";
import type { PullResponse, PushRequest, PushResponse } from "../../offline/protocol";
import { fixtures } from "../../offline/testkit";
import type { SyncTransport } from "../../offline/transport";
import type { NewsRow, PropertyRow } from "../../offline/views";
import { FIXTURE_LEASE, openTestClient } from "../../test/offlineResident";

type Patch = PullResponse["patch"];

const recorded = fixtures.pullFull.response.body as unknown as PullResponse;

function recordedRow<T>(prefix: string): T {
  const op = recorded.patch.find((o) => o.op === "put" && o.key.startsWith(prefix));
  if (op?.op !== "put") throw new Error(`no ${prefix} in the fixture`);
  return structuredClone(op.value) as T;
}

/** The recorded news item: "Vesikatko 2.12.", unread, for the fixture's home. */
export const FIXTURE_NEWS = recordedRow<NewsRow>("news/");
/** The recorded building of the fixture's home (24/7 number +358 40 000 0000). */
export const FIXTURE_PROPERTY = recordedRow<PropertyRow>(`property/${FIXTURE_LEASE}`);

export const put = (key: string, value: unknown): Patch[number] => ({ op: "put", key, value });

export function newsRow(changes: Partial<NewsRow> & { id: string }): NewsRow {
  return { ...FIXTURE_NEWS, ...changes };
}

/**
 * A server whose first pull is the recorded one with its news replaced by `news` (when
 * given) and `extra` rows added. Pushes fail as offline until `online` is set; then they
 * are applied, and a news item marked read comes back read in the next pull.
 */
export function fakeServer(options: { news?: NewsRow[]; extra?: Patch } = {}) {
  const news = options.news;
  const patch: Patch = [
    ...structuredClone(recorded.patch).filter(
      (op) => news === undefined || !(op.op === "put" && op.key.startsWith("news/")),
    ),
    ...(news ?? []).map((item) => put(`news/${item.id}`, item)),
    ...(options.extra ?? []),
  ];
  let cookie = 0;
  let seen: Record<string, number> = {};
  let changes: Patch = [];
  const server = {
    online: false,
    pushes: [] as PushRequest[],
    transport: {
      async push(request: PushRequest): Promise<PushResponse> {
        if (!server.online) throw new TypeError("Failed to fetch");
        server.pushes.push(request);
        const results = request.mutations.map((m) => {
          seen = { ...seen, [m.clientId]: Math.max(seen[m.clientId] ?? 0, m.id) };
          const newsId = (m.args as { newsId?: string }).newsId;
          const row = patch.find((op) => op.op === "put" && op.key === `news/${newsId}`);
          if (m.name === "markNewsRead" && row?.op === "put") {
            changes = [...changes, put(row.key, { ...(row.value as NewsRow), read: true })];
          }
          return { clientId: m.clientId, id: m.id, status: "applied" as const };
        });
        return { results, lastMutationIds: seen };
      },
      async pull(): Promise<PullResponse> {
        cookie += 1;
        const sent = cookie === 1 ? patch : changes;
        changes = [];
        return { cookie, lastMutationIdChanges: seen, patch: sent };
      },
      async putBlob(): Promise<void> {},
    } satisfies SyncTransport,
    /** Every mutation the server received, by name. */
    received(name: string) {
      return server.pushes.flatMap((p) => p.mutations).filter((m) => m.name === name);
    },
  };
  return server;
}

/** A signed-in resident's client after its first pull, set as `syncClient`. */
export function openClient(server: ReturnType<typeof fakeServer>): Promise<SyncClient> {
  return openTestClient({ transport: server.transport });
}

/** The queued mutations (not yet applied by the server). */
export async function outbox(client: SyncClient) {
  return (await client.db.getAll("outbox")).map((entry) => entry.mutation);
}
