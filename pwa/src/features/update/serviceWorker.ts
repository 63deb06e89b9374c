import { signal } from "@preact/signals";
import { Workbox } from "workbox-window";

/** A new service worker is installed and waits for the user's consent. */
export interface PendingUpdate {
  /** Activate the waiting worker, then reload once it controls the page. */
  apply(): void;
}

export const pendingUpdate = signal<PendingUpdate | null>(null);

/**
 * Register the service worker (from our own module: the CSP forbids inline scripts).
 * A new version never activates by itself: it waits until the user accepts the prompt.
 */
export function registerServiceWorker(url: string): void {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  const wb = new Workbox(url, { scope: "/" });

  wb.addEventListener("waiting", () => {
    pendingUpdate.value = {
      apply() {
        container.addEventListener("controllerchange", () => window.location.reload(), {
          once: true,
        });
        // Posts {type: "SKIP_WAITING"} to the waiting worker.
        wb.messageSkipWaiting();
      },
    };
  });

  // An installed app may stay open for days: look for a new version when it comes back.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void wb.update();
  });

  wb.register().catch((error: unknown) => {
    console.error("Service worker registration failed", error);
  });
}
