import type { SyncClient } from "../../offline";
import type { NewsRow } from "../../offline/views";

/** Still in force: no expiry, or the expiry is still ahead. */
export function inForce(item: NewsRow, now: number = Date.now()): boolean {
  return !item.expiresAt || Date.parse(item.expiresAt) > now;
}

/** Urgent first, then pinned, then the newest (as the server orders them). */
export function compareNews(a: NewsRow, b: NewsRow): number {
  return (
    Number(b.urgent) - Number(a.urgent) ||
    Number(b.pinned) - Number(a.pinned) ||
    Date.parse(b.publishedAt) - Date.parse(a.publishedAt)
  );
}

/** The news in force for `leaseIds` (null: every home), in reading order. */
export function newsFor(
  rows: ReadonlyArray<{ value: NewsRow }>,
  leaseIds: readonly string[] | null,
  now: number = Date.now(),
): NewsRow[] {
  return rows
    .map((row) => row.value)
    .filter(
      (item) =>
        inForce(item, now) &&
        (leaseIds === null || item.leaseIds.some((id) => leaseIds.includes(id))),
    )
    .sort(compareNews);
}

/** The language a field is shown in: Finnish when it fell back, else the row's language. */
export function fieldLanguage(item: { language: string; fellBack: string[] }, field: string) {
  return item.fellBack.includes(field) ? "fi" : item.language;
}

// Items this client has queued as read: a re-render before the optimistic row arrives
// must not queue a second mutation.
const queued = new WeakMap<SyncClient, Set<string>>();

/** Queue `markNewsRead` for an unread item, once per client. */
export function markRead(client: SyncClient, item: NewsRow): void {
  if (item.read) return;
  let ids = queued.get(client);
  if (!ids) {
    ids = new Set();
    queued.set(client, ids);
  }
  if (ids.has(item.id)) return;
  ids.add(item.id);
  void client.mutate("markNewsRead", { newsId: item.id }).catch(() => {
    ids.delete(item.id); // not stored (e.g. the database closed): may be tried again
  });
}
