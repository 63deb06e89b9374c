/**
 * A form whose content is kept as a draft (`client.db` drafts) while the resident types,
 * until the sendMessage that carries it is applied by the server (the sync client then
 * deletes the draft; a rejected one keeps it). The draft's id is the id the thread or the
 * message will have on the server, so a rejection can be matched to its draft.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { deleteDraft, listDrafts, type SyncClient, saveDraft } from "../../offline";
import { newId } from "./messageModel";

export interface MessageDraft<T> {
  value: T;
  /** The id the thread or message will get (the draft's id). */
  id: string;
  /** The draft was read from storage (the form can be used). */
  loaded: boolean;
  update(value: T): void;
  /** Queue sendMessage with `args(id, value)`, tied to this draft; the form starts anew. */
  send(args: (id: string, value: T) => Record<string, unknown>): Promise<string>;
  /** Put `value` back (a rejected mutation's), continuing its kept draft `id` if there. */
  restore(id: string, value: T): void;
}

/** Drafts of `kind` that `accept` and that no queued (not rejected) mutation is sending. */
async function unsentDrafts(client: SyncClient, kind: string, accept: (value: unknown) => boolean) {
  const [drafts, outbox] = await Promise.all([
    listDrafts(client.db, kind),
    client.db.getAll("outbox"),
  ]);
  const sending = new Set(outbox.filter((e) => !e.rejected).map((e) => e.draftId));
  return drafts
    .filter((draft) => accept(draft.value) && !sending.has(draft.id))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export function useMessageDraft<T>(
  client: SyncClient | null,
  kind: string,
  empty: T,
  accept: (value: unknown) => value is T,
  isEmpty: (value: T) => boolean,
): MessageDraft<T> {
  const [value, setValue] = useState<T>(empty);
  const [id, setId] = useState<string>(() => newId());
  const [loaded, setLoaded] = useState(false);
  const typed = useRef(false);
  const current = useRef({ id, value });
  current.current = { id, value };

  useEffect(() => {
    if (!client) return;
    let live = true;
    void unsentDrafts(client, kind, accept)
      .then((drafts) => {
        const latest = drafts[0];
        if (!live) return;
        if (latest && !typed.current) {
          setId(latest.id);
          setValue(latest.value as T);
        }
        setLoaded(true);
      })
      .catch(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [client, kind]);

  function store(draftId: string, next: T): void {
    if (!client) return;
    const write = isEmpty(next)
      ? deleteDraft(client.db, draftId)
      : saveDraft(client.db, draftId, kind, next, Date.now());
    void write.catch(() => undefined);
  }

  return {
    value,
    id,
    loaded: loaded || client === null,
    update(next) {
      typed.current = true;
      setValue(next);
      store(current.current.id, next);
    },
    async send(args) {
      if (!client) return current.current.id;
      const { id: draftId, value: sent } = current.current;
      await saveDraft(client.db, draftId, kind, sent, Date.now());
      typed.current = true;
      setId(newId());
      setValue(empty);
      await client.mutate("sendMessage", args(draftId, sent), draftId);
      return draftId;
    },
    restore(draftId, next) {
      typed.current = true;
      setId(draftId);
      setValue(next);
      store(draftId, next);
    },
  };
}
