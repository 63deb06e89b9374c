/// <reference lib="webworker" />
import { cleanupOutdatedCaches, type PrecacheEntry, precacheAndRoute } from "workbox-precaching";
import { registerNavigationRoute } from "./navigation";
import { isSkipWaitingMessage } from "./policy";
import { clickedUrl, notificationOptions, type PageMessage, parsePushPayload } from "./push";

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<PrecacheEntry | string>;
};

// Build assets only. No route is registered for /api/: API responses are never
// put in Cache Storage (synced data lives in IndexedDB).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerNavigationRoute();

// A new version waits until the user accepts the update prompt.
self.addEventListener("message", (event) => {
  if (isSkipWaitingMessage(event.data)) void self.skipWaiting();
});

// The first install takes control at once, so the app works offline from the
// first visit; updates still wait for consent (above).
self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

async function tellWindows(message: PageMessage): Promise<readonly WindowClient[]> {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const window of windows) window.postMessage(message);
  return windows;
}

/** The app icon's badge: how many of our notifications are showing. */
async function updateBadge(): Promise<void> {
  const badge = self.navigator as WorkerNavigator & {
    setAppBadge?: (count?: number) => Promise<void>;
    clearAppBadge?: () => Promise<void>;
  };
  const count = (await self.registration.getNotifications()).length;
  try {
    if (count > 0) await badge.setAppBadge?.(count);
    else await badge.clearAppBadge?.();
  } catch {
    // badges are a nicety: not every platform has them
  }
}

// A push: show it (the server's text, in the resident's language), count it on the badge
// and tell open windows to pull, so the screen behind it is current too.
self.addEventListener("push", (event) => {
  let data: unknown = null;
  try {
    data = event.data?.json() ?? null;
  } catch {
    data = null;
  }
  const payload = parsePushPayload(data);
  if (!payload) return;
  event.waitUntil(
    (async () => {
      await self.registration.showNotification(payload.title, notificationOptions(payload));
      await updateBadge();
      await tellWindows({ type: "SYNC_POKE" });
    })(),
  );
});

// A click opens its deep link: in a window of the app that is already open, else a new one.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = clickedUrl(event.notification.data);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((window) => new URL(window.url).origin === self.location.origin);
      if (open) {
        open.postMessage({ type: "NAVIGATE", url } satisfies PageMessage);
        await open.focus();
      } else {
        await self.clients.openWindow(url);
      }
      await updateBadge();
    })(),
  );
});
