/** Photo bytes kept until uploaded (`PUT /api/blobs/{sha256}`); mutations refer to the hash. */
import type { PortalDatabase } from "./db";
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

export interface UploadOutcome {
  uploaded: string[];
  /** Set when an upload failed for a reason that also stops the rest (network, 401). */
  failure: ReturnType<typeof classify> | null;
}

/** Upload every pending blob in turn; a permanent refusal marks that blob "rejected". */
export async function uploadPending(
  db: PortalDatabase,
  transport: SyncTransport,
): Promise<UploadOutcome> {
  const pending = await db.getAllFromIndex("blobs", "state", "pending");
  const uploaded: string[] = [];
  for (const blob of pending) {
    try {
      await transport.putBlob(blob.sha256, blob.bytes, blob.type);
      await db.put("blobs", { ...blob, state: "uploaded" });
      uploaded.push(blob.sha256);
    } catch (error) {
      const failure = classify(error);
      if (failure.kind !== "permanent") return { uploaded, failure };
      await db.put("blobs", { ...blob, state: "rejected" });
    }
  }
  return { uploaded, failure: null };
}
