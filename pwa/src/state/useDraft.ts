/**
 * What the resident types, kept as a draft (`client.db` drafts) while they type, until the
 * mutation that sends it is applied by the server (the sync client then deletes the draft;
 * a rejected one keeps it, and `restore` brings it back). One draft at a time per `kind` and
 * `scope`; on opening, the newest unsent one is continued. Used for the ticket text boxes,
 * the message forms and the occupant-change form.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { deleteDraft, listDrafts, type SyncClient, saveDraft } from "../offline";
import type { MutatorName } from "../offline/optimistic";

export interface DraftOptions<T> {
  kind: string;
  /** What the draft belongs to (e.g. a ticket or a home): a new scope starts anew. */
  scope: string;
  empty: T;
  /** The stored value is a draft of this scope (a value `fromStored` can read). */
  accept(stored: unknown): boolean;
  isEmpty(value: T): boolean;
  /** The stored form of a value (default: the value itself). */
  toStored?(value: T): unknown;
  /** The value of a stored draft (default: the stored value itself). */
  fromStored?(stored: unknown): T;
}

export interface Draft<T> {
  value: T;
  /** The draft's id (also the id the mutation sending it is tied to). */
  id: string;
  /** The draft was read from storage (the form can be used). */
  loaded: boolean;
  update(value: T): void;
  /**
   * Queue `name` with `args(id, value)`, tied to this draft (an empty value: no draft);
   * the form starts a new, empty draft. Returns the sent draft's id.
   */
  send(name: MutatorName, args: (id: string, value: T) => Record<string, unknown>): Promise<string>;
  /**
   * Put `value` back (a rejected mutation's) as the current draft: the kept draft `id`, or
   * with `id` null a new draft, stored.
   */
  restore(id: string | null, value: T): void;
}

export function newDraftId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `draft-${Date.now()}-${Math.random()}`;
}

/** Drafts of `kind` that `accept` and that no queued (not rejected) mutation is sending. */
export async function unsentDrafts(
  client: SyncClient,
  kind: string,
  accept: (stored: unknown) => boolean,
) {
  const [drafts, outbox] = await Promise.all([
    listDrafts(client.db, kind),
    client.db.getAll("outbox"),
  ]);
  const sending = new Set(outbox.filter((e) => !e.rejected).map((e) => e.draftId));
  return drafts
    .filter((draft) => accept(draft.value) && !sending.has(draft.id))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export function useDraft<T>(client: SyncClient | null, options: DraftOptions<T>): Draft<T> {
  const { kind, scope, empty, accept, isEmpty } = options;
  const toStored = options.toStored ?? ((value: T) => value);
  const fromStored = options.fromStored ?? ((stored: unknown) => stored as T);
  const [value, setValue] = useState<T>(empty);
  const [id, setId] = useState<string>(newDraftId);
  const [loaded, setLoaded] = useState(false);
  const typed = useRef(false);
  const current = useRef({ id, value });
  current.current = { id, value };
  const shownScope = useRef(scope);

  useEffect(() => {
    if (!client) return;
    let live = true;
    if (shownScope.current !== scope) {
      // another ticket or home: not the previous one's draft
      shownScope.current = scope;
      typed.current = false;
      current.current = { id: newDraftId(), value: empty };
      setId(current.current.id);
      setValue(empty);
      setLoaded(false);
    }
    void unsentDrafts(client, kind, accept)
      .then((drafts) => {
        const latest = drafts[0];
        if (!live) return;
        if (latest && !typed.current) {
          current.current = { id: latest.id, value: fromStored(latest.value) };
          setId(latest.id);
          setValue(current.current.value);
        }
        setLoaded(true);
      })
      .catch(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [client, kind, scope]);

  function store(draftId: string, next: T): void {
    if (!client) return;
    const write = isEmpty(next)
      ? deleteDraft(client.db, draftId)
      : saveDraft(client.db, draftId, kind, toStored(next), Date.now());
    void write.catch(() => undefined);
  }

  function show(draftId: string, next: T): void {
    typed.current = true;
    current.current = { id: draftId, value: next };
    setId(draftId);
    setValue(next);
  }

  return {
    value,
    id,
    loaded: loaded || client === null,
    update(next) {
      show(current.current.id, next);
      store(current.current.id, next);
    },
    async send(name, args) {
      const { id: draftId, value: sent } = current.current;
      if (!client) return draftId;
      const empty_ = isEmpty(sent);
      if (!empty_) await saveDraft(client.db, draftId, kind, toStored(sent), Date.now());
      show(newDraftId(), empty);
      await client.mutate(name, args(draftId, sent), empty_ ? undefined : draftId);
      return draftId;
    },
    restore(draftId, next) {
      const restoredId = draftId ?? newDraftId();
      show(restoredId, next);
      store(restoredId, next);
    },
  };
}
