/** What the UI reads about offline data: signals, updated by the SyncClient. */
import { computed, type ReadonlySignal, signal } from "@preact/signals";
import type { RejectedMutation } from "./db";
import type { SyncFailure } from "./transport";

export type SyncStatus =
  | { kind: "idle" }
  | { kind: "syncing" }
  /** A temporary failure (no network, 5xx): retrying after `retryInMs`. */
  | { kind: "offline"; retryInMs: number }
  /** The session ended: queued work waits for `resume()` after sign-in. */
  | { kind: "unauthorized" }
  /** The server no longer speaks this app's schema version: the app must update. */
  | { kind: "updateRequired"; failure: SyncFailure }
  /** The server refused the request itself (not one mutation): retried with backoff. */
  | { kind: "failed"; failure: SyncFailure; retryInMs: number };

export class SyncState {
  /** Server rows with every still-pending mutation applied on top. */
  readonly view = signal<ReadonlyMap<string, unknown>>(new Map());
  readonly pendingCount = signal(0);
  readonly rejected = signal<readonly RejectedMutation[]>([]);
  readonly status = signal<SyncStatus>({ kind: "idle" });
  readonly online = signal(typeof navigator === "undefined" ? true : navigator.onLine !== false);
  /** When the last pull was applied (ms since epoch), or null before the first. */
  readonly lastSyncedAt = signal<number | null>(null);

  /** Non-null when the UI should say "offline — showing data from <time>". */
  readonly staleSince: ReadonlySignal<number | null> = computed(() => {
    const status = this.status.value.kind;
    const offline = !this.online.value || status === "offline" || status === "failed";
    return offline ? this.lastSyncedAt.value : null;
  });

  /** Rows whose key starts with `prefix` (e.g. "ticket/"), sorted by key. */
  rows<T = unknown>(prefix: string): ReadonlySignal<ReadonlyArray<{ key: string; value: T }>> {
    return computed(() => {
      const out: Array<{ key: string; value: T }> = [];
      for (const [key, value] of this.view.value) {
        if (key.startsWith(prefix)) out.push({ key, value: value as T });
      }
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    });
  }

  /** One row by key. */
  row<T = unknown>(key: string): ReadonlySignal<T | undefined> {
    return computed(() => this.view.value.get(key) as T | undefined);
  }
}
