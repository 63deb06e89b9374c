/**
 * The offline database: one IndexedDB database per account (`portal-<accountId>`), with a
 * version constant and named, typed stores (like workbox's `QueueDb`).
 */
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import type { Mutation, SyncProblem } from "./protocol";

/** Bump with an upgrade step in `upgrade()` whenever a store or index changes. */
export const DB_VERSION = 1;
export const DB_PREFIX = "portal-";

export interface SyncMeta {
  clientGroupId: string;
  clientId: string;
  /** The server's cookie from the last applied pull; null before the first. */
  cookie: number | null;
  /** The id of the last mutation this client made (ids go 1, 2, 3, …). */
  lastMutationId: number;
  /** When the last pull was applied (ms since epoch), or null. */
  lastSyncedAt: number | null;
}

export interface OutboxEntry {
  /** The mutation id: the store key, so the outbox is always in order. */
  id: number;
  mutation: Mutation;
  createdAt: number;
  /** The draft this mutation sends: deleted when applied, kept when rejected. */
  draftId?: string;
  /** Set when the server rejected it: no longer applied optimistically, dropped on pull. */
  rejected?: SyncProblem;
}

export interface RejectedMutation {
  id: number;
  mutation: Mutation;
  problem: SyncProblem;
  rejectedAt: number;
}

export interface Draft {
  /** The client UUID of the thing being written (e.g. the ticket it will become). */
  id: string;
  kind: string;
  value: unknown;
  updatedAt: number;
}

/** "rejected": the server refused the bytes for good (too big, wrong type). */
export type BlobState = "pending" | "uploaded" | "rejected";

export interface StoredBlob {
  sha256: string;
  type: string;
  bytes: ArrayBuffer;
  state: BlobState;
  createdAt: number;
}

export interface PortalDB extends DBSchema {
  /** Synced rows exactly as the server sent them: key → value. */
  rows: { key: string; value: unknown };
  /** One record, under the key "sync". */
  meta: { key: "sync"; value: SyncMeta };
  outbox: { key: number; value: OutboxEntry };
  rejected: { key: number; value: RejectedMutation };
  drafts: { key: string; value: Draft };
  blobs: { key: string; value: StoredBlob; indexes: { state: BlobState } };
}

export type PortalDatabase = IDBPDatabase<PortalDB>;

export function databaseName(accountId: string): string {
  return `${DB_PREFIX}${accountId}`;
}

export async function openPortalDb(accountId: string): Promise<PortalDatabase> {
  const db = await openDB<PortalDB>(databaseName(accountId), DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore("rows");
        database.createObjectStore("meta");
        database.createObjectStore("outbox", { keyPath: "id" });
        database.createObjectStore("rejected", { keyPath: "id" });
        database.createObjectStore("drafts", { keyPath: "id" });
        const blobs = database.createObjectStore("blobs", { keyPath: "sha256" });
        blobs.createIndex("state", "state");
      }
    },
    // A wipe (or a newer tab's upgrade) waits for us: let go at once.
    blocking() {
      db.close();
    },
  });
  return db;
}

function randomId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/** The sync record, created on first use with fresh client group and client ids. */
export async function loadMeta(db: PortalDatabase): Promise<SyncMeta> {
  const tx = db.transaction("meta", "readwrite");
  let meta = await tx.store.get("sync");
  if (!meta) {
    meta = {
      clientGroupId: randomId(),
      clientId: randomId(),
      cookie: null,
      lastMutationId: 0,
      lastSyncedAt: null,
    };
    await tx.store.put(meta, "sync");
  }
  await tx.done;
  return meta;
}

/** Delete an account's database (logout, account switch). Open connections close first. */
export async function wipe(accountId: string): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  await deleteDB(databaseName(accountId));
}
