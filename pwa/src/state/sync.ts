/**
 * The signed-in resident's offline data: one SyncClient per account, opened when a resident
 * signs in, closed before their database is wiped (sign-out, another account). Screens read
 * `syncClient.value?.state` (rows, pending count, staleness) and queue work with `mutate`.
 */
import { effect, signal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import { isLanguage, type Language } from "../i18n/languages";
import { eventSourcePoke, onBeforeWipe, SyncClient } from "../offline";
import { language, setLanguage } from "./language";

export const syncClient = signal<SyncClient | null>(null);
/** True when this browser cannot keep offline data (no IndexedDB, e.g. some private
 * windows): the screens say so instead of waiting for data that never comes. */
export const syncUnavailable = signal(false);

let accountOfClient: string | null = null;
let opening: Promise<SyncClient | null> | null = null;
let stopFollowingLanguage: (() => void) | null = null;

/**
 * The resident's own language is their profile row's, a queued change applied: a language
 * chosen offline outlives the next online start, where the session still brings the old
 * one until the change has been sent.
 */
function followProfileLanguage(client: SyncClient): () => void {
  const profile = client.state.row<ProfileLanguage>("profile");
  return effect(() => {
    const chosen = languageOf(profile.value);
    if (chosen && chosen !== language.peek()) setLanguage(chosen);
  });
}

type ProfileLanguage = { language?: unknown };

function languageOf(row: ProfileLanguage | undefined): Language | null {
  const chosen = row?.language;
  return typeof chosen === "string" && isLanguage(chosen) ? chosen : null;
}

/** The language of this account's open profile row (a queued change applied), if any. */
export function profileLanguage(accountId: string): Language | null {
  const client = syncClient.peek();
  if (!client || accountOfClient !== accountId) return null;
  return languageOf(client.state.row<ProfileLanguage>("profile").peek());
}

type Open = (accountId: string) => Promise<SyncClient>;
let open: Open = (accountId) => SyncClient.open(accountId, { poke: eventSourcePoke() });

/** Tests: how clients are opened (fake transport, no poke stream). */
export function setSyncClientOpener(opener: Open): void {
  open = opener;
}

/** A resident signed in: their client (already open after a re-sign-in: it resumes). */
export function openSyncFor(accountId: string): Promise<SyncClient | null> {
  const current = syncClient.peek();
  if (current && accountOfClient === accountId) {
    void current.resume(); // queued work waits for a new sign-in after a 401
    return Promise.resolve(current);
  }
  if (opening && accountOfClient === accountId) return opening;
  closeSync();
  accountOfClient = accountId;
  const started = open(accountId)
    .then((client) => {
      if (accountOfClient !== accountId) {
        client.close(); // signed out (or switched) while it opened
        return null;
      }
      syncClient.value = client;
      syncUnavailable.value = false;
      stopFollowingLanguage = followProfileLanguage(client);
      void client.start();
      return client;
    })
    .catch(() => {
      if (accountOfClient === accountId) syncUnavailable.value = true;
      return null;
    })
    .finally(() => {
      if (opening === started) opening = null;
    });
  opening = started;
  return started;
}

export function closeSync(): void {
  stopFollowingLanguage?.();
  stopFollowingLanguage = null;
  syncClient.peek()?.close();
  syncClient.value = null;
  accountOfClient = null;
  opening = null;
}

onBeforeWipe(() => closeSync());

/** Rows whose key starts with `prefix`, kept current; null until the offline data opened. */
export function useRows<T>(prefix: string): ReadonlyArray<{ key: string; value: T }> | null {
  const client = syncClient.value;
  const rows = useMemo(() => client?.state.rows<T>(prefix) ?? null, [client, prefix]);
  return rows ? rows.value : null;
}

/** One row by key (undefined: not there); null until the offline data opened. */
export function useRow<T>(key: string): T | undefined | null {
  const client = syncClient.value;
  const row = useMemo(() => client?.state.row<T>(key) ?? null, [client, key]);
  return row ? row.value : null;
}
