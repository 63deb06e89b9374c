/** One push round and one pull round of the protocol, against the client's database. */
import type { OutboxEntry, PortalDatabase, SyncMeta } from "./db";
import { applyPull, recordRejections } from "./local";
import { SCHEMA_VERSION } from "./protocol";
import type { SyncTransport } from "./transport";

/** The server's limit on mutations per push. */
export const PUSH_BATCH = 100;

/**
 * Push the pending entries in order, in batches; rejections are recorded for the UI.
 * Returns true when the server stopped a batch early (a gap or a temporary error).
 */
export async function pushPending(
  db: PortalDatabase,
  transport: SyncTransport,
  meta: SyncMeta,
  pending: readonly OutboxEntry[],
  now: () => number,
): Promise<boolean> {
  for (let start = 0; start < pending.length; start += PUSH_BATCH) {
    const batch = pending.slice(start, start + PUSH_BATCH);
    const response = await transport.push({
      schemaVersion: SCHEMA_VERSION,
      clientGroupId: meta.clientGroupId,
      mutations: batch.map((entry) => entry.mutation),
    });
    await recordRejections(db, meta.clientId, response.results, now());
    if (response.stopped) return true;
  }
  return false;
}

/** Pull since our cookie and apply it; returns the new in-memory copy of the server rows. */
export async function pullChanges(
  db: PortalDatabase,
  transport: SyncTransport,
  meta: SyncMeta,
  server: ReadonlyMap<string, unknown>,
  now: () => number,
): Promise<Map<string, unknown>> {
  const response = await transport.pull({
    schemaVersion: SCHEMA_VERSION,
    clientGroupId: meta.clientGroupId,
    cookie: meta.cookie,
  });
  return applyPull(db, response, server, now());
}
