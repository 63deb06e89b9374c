/** What makes the client sync: coming online, becoming visible, a poke, Background Sync. */
import { POKE_PATH } from "./transport";

export type TriggerReason = "online" | "visible" | "poke";

/** A source of "pull now" signals (the server's SSE stream, or a test). */
export interface PokeSource {
  subscribe(listener: () => void): () => void;
}

/** The server-sent `poke` events on `/api/sync/poke`; reconnects by itself (EventSource). */
export function eventSourcePoke(url = POKE_PATH): PokeSource {
  return {
    subscribe(listener) {
      if (typeof EventSource === "undefined") return () => undefined;
      const source = new EventSource(url, { withCredentials: true });
      source.addEventListener("poke", listener);
      return () => source.close();
    },
  };
}

/** Window/document events; `online`/`offline` are also reported so the UI can say so. */
export function browserTriggers(
  onTrigger: (reason: TriggerReason) => void,
  onOnlineChange: (online: boolean) => void,
): () => void {
  if (typeof window === "undefined" || typeof document === "undefined") return () => undefined;
  const online = () => {
    onOnlineChange(true);
    onTrigger("online");
  };
  const offline = () => onOnlineChange(false);
  const visible = () => {
    if (document.visibilityState === "visible") onTrigger("visible");
  };
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  document.addEventListener("visibilitychange", visible);
  return () => {
    window.removeEventListener("online", online);
    window.removeEventListener("offline", offline);
    document.removeEventListener("visibilitychange", visible);
  };
}

/** The Background Sync tag; the service worker (PWA issue) syncs on it where supported. */
export const BACKGROUND_SYNC_TAG = "portal-sync";

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Ask for a Background Sync; false where the browser has none (e.g. iOS). */
export async function registerBackgroundSync(tag = BACKGROUND_SYNC_TAG): Promise<boolean> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return false;
  try {
    const registration = await navigator.serviceWorker.ready;
    const sync = (registration as unknown as { sync?: SyncManagerLike }).sync;
    if (!sync) return false;
    await sync.register(tag);
    return true;
  } catch {
    return false;
  }
}
