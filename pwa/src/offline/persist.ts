/** Ask the browser to keep our storage (DESIGN §5: once the person has drafts). */

export type PersistRequester = () => Promise<boolean>;

let requested: Promise<boolean> | null = null;

function browserPersist(): Promise<boolean> {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (!storage?.persist) return Promise.resolve(false);
  return storage.persist().catch(() => false);
}

let requester: PersistRequester = browserPersist;

/** Tests observe (or replace) the request here; null restores the browser's. */
export function setPersistRequester(next: PersistRequester | null): void {
  requester = next ?? browserPersist;
  requested = null;
}

/** Request persistent storage at most once per page load. */
export function requestPersistence(): Promise<boolean> {
  requested ??= requester();
  return requested;
}
