/**
 * Messages from our service worker to this window (sw/push.ts): a push arrived, so pull
 * now; a notification was clicked, so show its screen here.
 */
import { safeAppPath } from "../sw/push";
import { navigate } from "./route";
import { syncClient } from "./sync";

export function handlePageMessage(data: unknown): void {
  if (typeof data !== "object" || data === null) return;
  const message = data as { type?: unknown; url?: unknown };
  if (message.type === "SYNC_POKE") {
    syncClient.peek()?.trigger();
  } else if (message.type === "NAVIGATE" && safeAppPath(message.url) === message.url) {
    navigate(message.url);
  }
}

export function listenToServiceWorker(): void {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event) => handlePageMessage(event.data));
}
