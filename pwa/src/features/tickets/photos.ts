/** Photos for a ticket: downscaled in the browser, stored by the sync client, queued. */
import type { SyncClient } from "../../offline";

const MAX_EDGE = 2048;
const JPEG_QUALITY = 0.85;
const ACCEPTED = new Set(["image/jpeg", "image/png", "image/webp", "image/heic"]);

/** The photo as JPEG with its longer edge at most 2048 px; the file itself if it cannot be drawn. */
export async function downscale(file: Blob): Promise<{ bytes: ArrayBuffer; type: string }> {
  const original = async () => {
    if (!ACCEPTED.has(file.type)) throw new Error("unreadable image");
    return { bytes: await file.arrayBuffer(), type: file.type };
  };
  if (typeof createImageBitmap !== "function" || typeof document === "undefined") return original();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return original();
  }
  try {
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.type === "image/jpeg") return await original();
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext("2d");
    if (!context) return await original();
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY),
    );
    if (!blob) return await original();
    return { bytes: await blob.arrayBuffer(), type: "image/jpeg" };
  } finally {
    bitmap.close();
  }
}

/** Store each photo (uploaded on its own) and queue addTicketPhoto for it. */
export async function addPhotos(
  client: SyncClient,
  ticketId: string,
  files: readonly Blob[],
): Promise<{ added: number; unreadable: number }> {
  let added = 0;
  let unreadable = 0;
  for (const file of files) {
    let photo: { bytes: ArrayBuffer; type: string };
    try {
      photo = await downscale(file);
    } catch {
      unreadable += 1;
      continue;
    }
    const sha256 = await client.addPhoto(photo.bytes, photo.type);
    await client.mutate("addTicketPhoto", { ticketId, sha256 });
    added += 1;
  }
  return { added, unreadable };
}

/** An object URL of the stored bytes (a preview while waiting to upload), or null. */
export async function localPreview(client: SyncClient, sha256: string): Promise<string | null> {
  if (typeof URL.createObjectURL !== "function") return null;
  const stored = await client.db.get("blobs", sha256);
  if (!stored) return null;
  return URL.createObjectURL(new Blob([stored.bytes], { type: stored.type }));
}
