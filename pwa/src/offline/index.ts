/** The offline sync library's public API (DESIGN §5). */
export { offlineAccountSignedIn, offlineAccountSignedOut, onBeforeWipe } from "./account";
export { sha256Hex } from "./blobs";
export type { Draft, RejectedMutation, StoredBlob } from "./db";
export { DB_VERSION, databaseName, wipe } from "./db";
export { deleteDraft, getDraft, listDrafts, saveDraft } from "./drafts";
export type { MutatorName } from "./optimistic";
export { PENDING_STATUS } from "./optimistic";
export { requestPersistence, setPersistRequester } from "./persist";
export type { SyncProblem } from "./protocol";
export type { SyncStatus } from "./state";
export { SyncState } from "./state";
export { SyncClient, type SyncClientOptions } from "./sync";
export { httpTransport, SyncFailure, type SyncTransport } from "./transport";
export {
  BACKGROUND_SYNC_TAG,
  eventSourcePoke,
  type PokeSource,
  registerBackgroundSync,
} from "./triggers";
