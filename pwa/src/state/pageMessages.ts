/**
 * Messages from our service worker to this window (sw/push.ts): a push arrived, so pull
 * now; a notification was clicked, so show its screen here. (The types are repeated here:
 * the worker is compiled apart from the app.)
 */
import { navigate } from "./route";
import { syncClient } from "./sync";

export function handlePageMessage(data: unknown): void {
  if (typeof data !== "object" || data === null) return;
  const message = data as { type?: unknown; url?: unknown };
  if (message.type === "SYNC_POKE") {
    syncClient.peek()?.trigger();
  } else if (message.type === "NAVIGATE" && typeof message.url === "string") {
    const url = message.url;
    if (url.startsWith("/") && !url.startsWith("//")) navigate(url);
  }
}

export function listenToServiceWorker(): void {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event) => handlePageMessage(event.data));
}
