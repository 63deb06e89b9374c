/**
 * The wizard's drafts in the resident's offline database: the newest unsent one is
 * continued, every change is saved (lightly debounced, flushed on blur, step change and
 * unmount), and a draft goes away only when the server applied it or the resident discards it.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { deleteDraft, listDrafts, saveDraft } from "../../offline";
import type { SyncClient } from "../../offline/sync";
import { DRAFT_KIND, type ReportDraft, readDraft } from "./draft";

export const SAVE_DELAY_MS = 300;

export interface StoredReport {
  id: string;
  draft: ReportDraft;
  updatedAt: number;
}

export interface ReportDrafts {
  loaded: boolean;
  /** The draft being written (null: not started yet, the emergency question comes first). */
  current: StoredReport | null;
  /** Other unsent drafts, newest first. */
  others: StoredReport[];
  /** Whether `current` was continued from an earlier visit. */
  restored: boolean;
  start(draft: ReportDraft): StoredReport;
  update(change: Partial<ReportDraft>): void;
  /** Save now (a pending debounced save, or the given draft) and wait for it. */
  flush(): Promise<void>;
  discard(id: string): Promise<void>;
  /** Delete stored photos the resident took back, unless a draft still holds them. */
  forgetPhotos(hashes: readonly string[]): Promise<void>;
  switchTo(id: string): Promise<void>;
}

/** A sent draft whose ticket exists (pending or on the server) is not offered again. */
function isWaitingToSend(client: SyncClient, id: string, draft: ReportDraft): boolean {
  return draft.sentAt !== null && client.state.view.peek().has(`ticket/${id}`);
}

async function loadDrafts(client: SyncClient): Promise<StoredReport[]> {
  const stored = await listDrafts(client.db, DRAFT_KIND);
  const out: StoredReport[] = [];
  for (const entry of stored) {
    const draft = readDraft(entry.value);
    if (draft && !isWaitingToSend(client, entry.id, draft)) {
      out.push({ id: entry.id, draft, updatedAt: entry.updatedAt });
    }
  }
  return out.sort((a, b) => b.updatedAt - a.updatedAt);
}

export function useReportDrafts(client: SyncClient | null): ReportDrafts {
  const [loaded, setLoaded] = useState(false);
  const [current, setCurrent] = useState<StoredReport | null>(null);
  const [others, setOthers] = useState<StoredReport[]>([]);
  const [restored, setRestored] = useState(false);
  const latest = useRef<StoredReport | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clientRef = useRef(client);
  clientRef.current = client;

  const write = (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const target = latest.current;
    const db = clientRef.current?.db;
    if (!dirty.current || !target || !db) return Promise.resolve();
    dirty.current = false;
    const now = Date.now();
    target.updatedAt = now;
    return saveDraft(db, target.id, DRAFT_KIND, target.draft, now).then(
      () => undefined,
      () => {
        dirty.current = true; // kept in memory; the next change tries again
      },
    );
  };

  useEffect(() => {
    if (!client) return;
    let live = true;
    void loadDrafts(client).then((drafts) => {
      if (!live) return;
      const [newest, ...rest] = drafts;
      latest.current = newest ?? null;
      setCurrent(newest ?? null);
      setOthers(rest);
      setRestored(newest !== undefined);
      setLoaded(true);
    });
    return () => {
      live = false;
      void write();
    };
  }, [client]);

  function start(draft: ReportDraft): StoredReport {
    const entry = { id: crypto.randomUUID(), draft, updatedAt: Date.now() };
    latest.current = entry;
    dirty.current = true;
    setCurrent(entry);
    setRestored(false);
    void write();
    return entry;
  }

  function update(change: Partial<ReportDraft>): void {
    const previous = latest.current;
    if (!previous) return;
    const entry = { ...previous, draft: { ...previous.draft, ...change } };
    latest.current = entry;
    dirty.current = true;
    setCurrent(entry);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void write(), SAVE_DELAY_MS);
  }

  async function forgetPhotos(hashes: readonly string[], except: string | null = null) {
    await write(); // the draft no longer naming them is saved first
    const target = clientRef.current;
    if (!target) return;
    const held = new Set(
      [latest.current, ...others]
        .filter((entry): entry is StoredReport => entry !== null && entry.id !== except)
        .flatMap((entry) => entry.draft.photos),
    );
    for (const sha of hashes) {
      if (!held.has(sha)) await target.removePhoto(sha).catch(() => false);
    }
  }

  async function discard(id: string): Promise<void> {
    if (!client) return;
    const entry = latest.current?.id === id ? latest.current : others.find((o) => o.id === id);
    if (latest.current?.id === id) {
      if (timer.current) clearTimeout(timer.current);
      dirty.current = false;
      latest.current = null;
      setCurrent(null);
      setRestored(false);
    }
    setOthers((list) => list.filter((entry) => entry.id !== id));
    await deleteDraft(client.db, id);
    await forgetPhotos(entry?.draft.photos ?? [], id);
  }

  async function switchTo(id: string): Promise<void> {
    await write();
    const next = others.find((entry) => entry.id === id);
    if (!next) return;
    const previous = latest.current;
    latest.current = next;
    setCurrent(next);
    setRestored(true);
    setOthers((list) => [
      ...(previous ? [previous] : []),
      ...list.filter((entry) => entry.id !== id),
    ]);
  }

  return {
    loaded,
    current,
    others,
    restored,
    start,
    update,
    flush: write,
    discard,
    forgetPhotos,
    switchTo,
  };
}
