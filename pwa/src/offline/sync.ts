/**
 * The SyncClient: queue mutations (optimistically applied), push them, pull the server's
 * changes, rebase. One sync at a time; requests made meanwhile coalesce into one more run.
 */
import { removeBlob, storeBlob, uploadPending } from "./blobs";
import { loadMeta, type OutboxEntry, openPortalDb, type PortalDatabase, type SyncMeta } from "./db";
import * as local from "./local";
import { type MutatorName, rebase } from "./optimistic";
import { type Backoff, defaultSchedule, retryDelay, type Schedule } from "./retry";
import { pullChanges, pushPending } from "./rounds";
import { SyncState } from "./state";
import { classify, httpTransport, type SyncFailure, type SyncTransport } from "./transport";
import { browserTriggers, type PokeSource, registerBackgroundSync } from "./triggers";

export interface SyncClientOptions {
  transport?: SyncTransport;
  /** The poke stream; null for none. Default: none (pass `eventSourcePoke()` in the app). */
  poke?: PokeSource | null;
  /** Listen to `online` and `visibilitychange` (default true). */
  browserEvents?: boolean;
  /** Timer for retries (tests replace it). Returns a cancel function. */
  schedule?: Schedule;
  backoff?: Backoff;
  now?: () => number;
  random?: () => number;
  backgroundSync?: () => Promise<boolean>;
}

export class SyncClient {
  readonly state = new SyncState();
  private server = new Map<string, unknown>();
  private pending: OutboxEntry[] = [];
  private running: Promise<void> | null = null;
  private rerun = false;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private disconnect: Array<() => void> = [];
  private closed = false;

  private constructor(
    readonly db: PortalDatabase,
    private meta: SyncMeta,
    private readonly options: SyncClientOptions,
  ) {}

  /** Open the account's database and load what is there (no network yet: call `start()`). */
  static async open(accountId: string, options: SyncClientOptions = {}): Promise<SyncClient> {
    const db = await openPortalDb(accountId);
    const client = new SyncClient(db, await loadMeta(db), options);
    client.server = await local.readRows(db);
    await client.reload();
    return client;
  }

  private get transport(): SyncTransport {
    return this.options.transport ?? httpTransport;
  }

  private readonly now = (): number => (this.options.now ?? Date.now)();

  /** Listen to the triggers and sync now. */
  start(): Promise<void> {
    const trigger = () => this.trigger();
    if (this.options.browserEvents !== false) {
      this.disconnect.push(browserTriggers(trigger, (up) => (this.state.online.value = up)));
    }
    if (this.options.poke) this.disconnect.push(this.options.poke.subscribe(trigger));
    return this.sync();
  }

  /** Stop listening and retrying, and close the database. */
  close(): void {
    this.closed = true;
    for (const stop of this.disconnect.splice(0)) stop();
    this.cancelRetry?.();
    this.db.close();
  }

  /**
   * Queue a mutation: stored, shown at once, sent on the next sync. Returns its id. With a
   * `draftId`, that draft is deleted once the server applied the mutation, kept if rejected.
   */
  async mutate(
    name: MutatorName,
    args: Record<string, unknown>,
    draftId?: string,
  ): Promise<number> {
    const entry = await local.appendMutation(this.db, name, args, this.now(), draftId);
    if (!this.pending.some((e) => e.id === entry.id)) this.pending.push(entry);
    this.refreshView();
    void this.sync().catch(() => undefined);
    return entry.id;
  }

  /** A sync was asked for from outside (event, poke, Background Sync): skip any wait. */
  trigger(): void {
    if (this.closed) return;
    this.cancelRetry?.();
    this.cancelRetry = null;
    void this.sync().catch(() => undefined);
  }

  /** After sign-in again: send what waited. */
  resume(): Promise<void> {
    if (this.state.status.value.kind === "unauthorized") this.state.status.value = { kind: "idle" };
    return this.sync();
  }

  /** Keep photo bytes for upload (starts a sync); mutations refer to the returned sha256. */
  async addPhoto(bytes: ArrayBuffer, type: string): Promise<string> {
    const sha256 = await storeBlob(this.db, bytes, type, this.now());
    this.trigger();
    return sha256;
  }

  /**
   * Forget stored photo bytes the resident took back (removed from a draft, draft discarded),
   * so they are never uploaded. Kept while a queued mutation refers to them. True if deleted.
   */
  removePhoto(sha256: string): Promise<boolean> {
    return removeBlob(this.db, sha256);
  }

  async dismissRejected(id: number): Promise<void> {
    await local.dismissRejected(this.db, id);
    this.state.rejected.value = this.state.rejected.value.filter((r) => r.id !== id);
  }

  /** Push everything pending, then pull. Never two at once; calls meanwhile coalesce. */
  sync(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.cycle();
        } while (this.rerun && this.canSync());
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private canSync(): boolean {
    const kind = this.state.status.value.kind;
    return !this.closed && kind !== "unauthorized" && kind !== "updateRequired";
  }

  private async cycle(): Promise<void> {
    if (!this.canSync()) return;
    this.state.status.value = { kind: "syncing" };
    const uploads = uploadPending(this.db, this.transport);
    try {
      const live = this.pending.filter((e) => !e.rejected);
      const stopped = await pushPending(this.db, this.transport, this.meta, live, this.now);
      this.server = await pullChanges(this.db, this.transport, this.meta, this.server, this.now);
      await this.reload();
      const upload = await uploads;
      if (upload.failure) throw upload.failure;
      if (stopped) throw classify(null);
      // The server attaches an uploaded photo to its ticket; the pull above may have run
      // before the upload finished: pull once more to show it attached.
      if (upload.uploaded.length > 0) this.rerun = true;
      this.attempt = 0;
      this.state.status.value = { kind: "idle" };
    } catch (error) {
      await uploads.catch(() => undefined);
      this.fail(classify(error));
    }
  }

  /** Re-read meta, outbox and rejections; rebuild the view from server rows + pending. */
  private async reload(): Promise<void> {
    this.meta = await local.meta(this.db);
    this.pending = await local.outbox(this.db);
    this.refreshView();
    this.state.rejected.value = await local.rejectedMutations(this.db);
    this.state.lastSyncedAt.value = this.meta.lastSyncedAt;
  }

  private refreshView(): void {
    const live = this.pending.filter((e) => !e.rejected).map((e) => e.mutation);
    this.state.view.value = rebase(this.server, live);
    this.state.pendingCount.value = live.length;
  }

  private fail(failure: SyncFailure): void {
    if (this.closed) return;
    if (failure.kind === "unauthorized") {
      this.state.status.value = { kind: "unauthorized" };
      return;
    }
    if (failure.kind === "updateRequired") {
      this.state.status.value = { kind: "updateRequired", failure };
      return;
    }
    const { backoff, random } = this.options;
    const retryInMs = retryDelay(this.attempt, failure, backoff, random);
    this.attempt += 1;
    this.state.status.value =
      failure.kind === "permanent"
        ? { kind: "failed", failure, retryInMs }
        : { kind: "offline", retryInMs };
    if (this.pending.some((e) => !e.rejected)) {
      void (this.options.backgroundSync ?? registerBackgroundSync)().catch(() => false);
    }
    this.cancelRetry?.();
    this.cancelRetry = (this.options.schedule ?? defaultSchedule)(() => this.trigger(), retryInMs);
  }
}
