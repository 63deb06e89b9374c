/** The sync client's reads and writes of its own database, each one IndexedDB transaction. */
import type { OutboxEntry, PortalDatabase, RejectedMutation, SyncMeta } from "./db";
import type { MutatorName } from "./optimistic";
import type { MutationResult, PullResponse, SyncProblem } from "./protocol";

/** Append a mutation with the next id (atomic across tabs: meta and outbox in one tx). */
export async function appendMutation(
  db: PortalDatabase,
  name: MutatorName,
  args: Record<string, unknown>,
  now: number,
  draftId?: string,
): Promise<OutboxEntry> {
  const tx = db.transaction(["meta", "outbox"], "readwrite");
  const meta = await tx.objectStore("meta").get("sync");
  if (!meta) throw new Error("sync meta missing");
  const id = meta.lastMutationId + 1;
  const entry: OutboxEntry = {
    id,
    mutation: { clientId: meta.clientId, id, name, args },
    createdAt: now,
    ...(draftId === undefined ? {} : { draftId }),
  };
  await tx.objectStore("outbox").put(entry);
  await tx.objectStore("meta").put({ ...meta, lastMutationId: id }, "sync");
  await tx.done;
  return entry;
}

export function outbox(db: PortalDatabase): Promise<OutboxEntry[]> {
  return db.getAll("outbox");
}

export function rejectedMutations(db: PortalDatabase): Promise<RejectedMutation[]> {
  return db.getAll("rejected");
}

export async function meta(db: PortalDatabase): Promise<SyncMeta> {
  const value = await db.get("meta", "sync");
  if (!value) throw new Error("sync meta missing");
  return value;
}

export async function readRows(db: PortalDatabase): Promise<Map<string, unknown>> {
  const tx = db.transaction("rows");
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  return new Map(keys.map((key, index) => [key, values[index]]));
}

/** Mark our rejected mutations (kept for the UI; no longer applied optimistically). */
export async function recordRejections(
  db: PortalDatabase,
  clientId: string,
  results: readonly MutationResult[],
  now: number,
): Promise<void> {
  const rejected = results.filter((r) => r.clientId === clientId && r.status === "rejected");
  if (rejected.length === 0) return;
  const tx = db.transaction(["outbox", "rejected"], "readwrite");
  for (const result of rejected) {
    const entry = await tx.objectStore("outbox").get(result.id);
    if (!entry || entry.rejected) continue;
    const problem = result.problem ?? { code: "rejected", title: "", detail: "" };
    await tx.objectStore("outbox").put({ ...entry, rejected: problem });
    await tx
      .objectStore("rejected")
      .put({ id: entry.id, mutation: entry.mutation, problem, rejectedAt: now });
  }
  await tx.done;
}

export async function dismissRejected(db: PortalDatabase, id: number): Promise<void> {
  await db.delete("rejected", id);
}

/** The server's `rejected/<clientId>/<id>` row of one of our mutations, if it has one. */
function pulledRejection(
  rows: ReadonlyMap<string, unknown>,
  clientId: string,
  id: number,
): SyncProblem | null {
  const row = rows.get(`rejected/${clientId}/${id}`) as
    | { problem?: Partial<SyncProblem> }
    | undefined;
  const problem = row?.problem;
  if (typeof problem?.code !== "string") return null;
  return { code: problem.code, title: problem.title ?? "", detail: problem.detail ?? "" };
}

/**
 * Apply a pull in one transaction: the patch to `rows`, the cookie, and dropping the outbox
 * entries the server has seen (`id <= lastMutationId` for our client); those it rejected
 * are recorded for the UI and keep their drafts. Returns the new in-memory copy of `rows`
 * (`server` with the patch applied) once the transaction committed.
 */
export async function applyPull(
  db: PortalDatabase,
  response: PullResponse,
  server: ReadonlyMap<string, unknown>,
  now: number,
): Promise<Map<string, unknown>> {
  const next = new Map(server);
  const tx = db.transaction(["rows", "meta", "outbox", "drafts", "rejected"], "readwrite");
  const rows = tx.objectStore("rows");
  const current = await tx.objectStore("meta").get("sync");
  if (!current) throw new Error("sync meta missing");
  for (const op of response.patch) {
    if (op.op === "clear") {
      await rows.clear();
      next.clear();
    } else if (op.op === "put") {
      await rows.put(op.value, op.key);
      next.set(op.key, op.value);
    } else {
      await rows.delete(op.key);
      next.delete(op.key);
    }
  }
  const seen = response.lastMutationIdChanges[current.clientId];
  if (seen !== undefined) {
    const done = IDBKeyRange.upperBound(seen);
    for (const entry of await tx.objectStore("outbox").getAll(done)) {
      // A push whose answer was lost learns of a rejection only from the pull's row.
      const problem = entry.rejected ?? pulledRejection(next, current.clientId, entry.id);
      if (problem && !entry.rejected) {
        await tx
          .objectStore("rejected")
          .put({ id: entry.id, mutation: entry.mutation, problem, rejectedAt: now });
      }
      if (entry.draftId && !problem) await tx.objectStore("drafts").delete(entry.draftId);
    }
    await tx.objectStore("outbox").delete(done);
  }
  await tx
    .objectStore("meta")
    .put({ ...current, cookie: response.cookie, lastSyncedAt: now }, "sync");
  await tx.done;
  return next;
}
