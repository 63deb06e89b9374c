/// <reference lib="webworker" />
import { cleanupOutdatedCaches, type PrecacheEntry, precacheAndRoute } from "workbox-precaching";
import { registerNavigationRoute } from "./navigation";
import { isSkipWaitingMessage } from "./policy";

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
