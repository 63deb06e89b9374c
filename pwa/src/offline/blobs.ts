/** Photo bytes kept until uploaded (`PUT /api/blobs/{sha256}`); mutations refer to the hash. */
import type { PortalDatabase, StoredBlob } from "./db";
import { classify, type SyncTransport } from "./transport";

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Store bytes for upload; returns their hash. Storing the same bytes twice is harmless. */
export async function storeBlob(
  db: PortalDatabase,
  bytes: ArrayBuffer,
  type: string,
  now: number,
): Promise<string> {
  const sha256 = await sha256Hex(bytes);
  const tx = db.transaction("blobs", "readwrite");
  if (!(await tx.store.get(sha256))) {
    await tx.store.put({ sha256, type, bytes, state: "pending", createdAt: now });
  }
  await tx.done;
  return sha256;
}

/** Whether a mutation's arguments name this photo (`sha256`, or among `photos`). */
function refersTo(args: Record<string, unknown>, sha256: string): boolean {
  return args.sha256 === sha256 || (Array.isArray(args.photos) && args.photos.includes(sha256));
}

/** Delete stored bytes unless a queued mutation refers to them; true if deleted. */
export async function removeBlob(db: PortalDatabase, sha256: string): Promise<boolean> {
  const tx = db.transaction(["outbox", "blobs"], "readwrite");
  const queued = await tx.objectStore("outbox").getAll();
  const used = queued.some((entry) => refersTo(entry.mutation.args, sha256));
  const stored = await tx.objectStore("blobs").get(sha256);
  if (!used && stored) await tx.objectStore("blobs").delete(sha256);
  await tx.done;
  return !used && stored !== undefined;
}

export interface UploadOutcome {
  uploaded: string[];
  /** Set when an upload failed for a reason that also stops the rest (network, 401). */
  failure: ReturnType<typeof classify> | null;
}

/** Mark stored bytes uploaded or rejected; nothing if they were removed meanwhile. */
async function setState(db: PortalDatabase, sha256: string, state: StoredBlob["state"]) {
  const tx = db.transaction("blobs", "readwrite");
  const stored = await tx.store.get(sha256);
  if (stored) await tx.store.put({ ...stored, state });
  await tx.done;
}

/** Upload every pending blob in turn; a permanent refusal marks that blob "rejected". */
export async function uploadPending(
  db: PortalDatabase,
  transport: SyncTransport,
): Promise<UploadOutcome> {
  const pending = await db.getAllFromIndex("blobs", "state", "pending");
  const uploaded: string[] = [];
  for (const blob of pending) {
    if (!(await db.getKey("blobs", blob.sha256))) continue; // removed meanwhile (removeBlob)
    try {
      await transport.putBlob(blob.sha256, blob.bytes, blob.type);
      await setState(db, blob.sha256, "uploaded");
      uploaded.push(blob.sha256);
    } catch (error) {
      const failure = classify(error);
      if (failure.kind !== "permanent") return { uploaded, failure };
      await setState(db, blob.sha256, "rejected");
    }
  }
  return { uploaded, failure: null };
}
