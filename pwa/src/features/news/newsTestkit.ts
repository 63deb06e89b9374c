/**
 * Test helpers for the news and property screens: the real SyncClient on fake-indexeddb,
 * fed the recorded first pull (offline/fixtures/pull-full-clear.json) plus the rows a test
 * needs, through a fake server that is offline for pushes or applies them.
 */
import type { SyncClient } from "../../offline";
import type { NewsRow, PropertyRow } from "../../offline/views";
import {
  type FakeSyncServer,
  FIXTURE_LEASE,
  fakeSyncServer,
  openTestClient,
  type Patch,
  put,
  recordedPatch,
  recordedRow,
} from "../../test/offlineResident";

export { outbox, put } from "../../test/offlineResident";

/** The recorded news item: "Vesikatko 2.12.", unread, for the fixture's home. */
export const FIXTURE_NEWS = recordedRow<NewsRow>("news/");
/** The recorded building of the fixture's home (24/7 number +358 40 000 0000). */
export const FIXTURE_PROPERTY = recordedRow<PropertyRow>(`property/${FIXTURE_LEASE}`);

export function newsRow(changes: Partial<NewsRow> & { id: string }): NewsRow {
  return { ...FIXTURE_NEWS, ...changes };
}

/**
 * A server whose first pull is the recorded one with its news replaced by `news` (when
 * given) and `extra` rows added. Pushes fail as offline until `mode` is `apply`; then they
 * are applied, and a news item marked read comes back read in the next pull.
 */
export function fakeServer(options: { news?: NewsRow[]; extra?: Patch } = {}): FakeSyncServer {
  const news = options.news;
  return fakeSyncServer({
    patch: [
      ...recordedPatch().filter(
        (op) => news === undefined || !(op.op === "put" && op.key.startsWith("news/")),
      ),
      ...(news ?? []).map((item) => put(`news/${item.id}`, item)),
      ...(options.extra ?? []),
    ],
    mode: { kind: "pushFails" },
    onApplied(mutation, patch) {
      const newsId = (mutation.args as { newsId?: string }).newsId;
      const row = patch.find((op) => op.op === "put" && op.key === `news/${newsId}`);
      return mutation.name === "markNewsRead" && row?.op === "put"
        ? [put(row.key, { ...(row.value as NewsRow), read: true })]
        : [];
    },
  });
}

/** A signed-in resident's client after its first pull, set as `syncClient`. */
export function openClient(server: FakeSyncServer): Promise<SyncClient> {
  return openTestClient({ transport: server.transport });
}
