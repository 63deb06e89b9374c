/**
 * Push messages in the service worker (DESIGN §6; the payload contract is in the server's
 * backend/notifications/render.py): `{title, body, url, tag, kind, ...ids}`. Pure parts,
 * free of worker globals, so that they are tested in Node.
 */

export interface PushPayload {
  title: string;
  body: string;
  /** An in-app path ("/tickets/…"), opened when the notification is clicked. */
  url: string;
  /** Replaces an earlier notification with the same tag (and shows a duplicate once). */
  tag: string;
  kind: string;
}

/** Messages from the service worker to open windows of the app. */
export type PageMessage = { type: "SYNC_POKE" } | { type: "NAVIGATE"; url: string };

const ICON = "/icons/icon-192.png";

/** Only a path of this app: a payload never sends the resident to another site. */
export function safeAppPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (/[\s\\]/.test(value)) return "/";
  return value;
}

/** The payload from a push message's JSON; null when it is not one of ours. */
export function parsePushPayload(data: unknown): PushPayload | null {
  if (typeof data !== "object" || data === null) return null;
  const record = data as Record<string, unknown>;
  const { title, body, tag, kind } = record;
  if (typeof title !== "string" || title === "") return null;
  return {
    title,
    body: typeof body === "string" ? body : "",
    url: safeAppPath(record.url),
    tag: typeof tag === "string" && tag !== "" ? tag : "portal",
    kind: typeof kind === "string" ? kind : "",
  };
}

/** What `showNotification` gets: urgent notices stay until the resident acts on them. */
export function notificationOptions(payload: PushPayload): NotificationOptions {
  return {
    body: payload.body,
    tag: payload.tag,
    icon: ICON,
    badge: ICON,
    data: { url: payload.url },
    requireInteraction: payload.kind === "urgent",
  };
}

/** The deep link a clicked notification carries. */
export function clickedUrl(notificationData: unknown): string {
  const data = notificationData as { url?: unknown } | null | undefined;
  return safeAppPath(data?.url);
}
