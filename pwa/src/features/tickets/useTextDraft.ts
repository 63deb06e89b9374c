/**
 * A text box whose content is kept as a draft (`client.db` drafts) while the resident
 * types, until the mutation that sends it is applied by the server (the sync client then
 * deletes the draft; a rejected one keeps it, and the text comes back into the box).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { deleteDraft, listDrafts, type SyncClient, saveDraft } from "../../offline";
import type { MutatorName } from "../../offline/optimistic";

export interface TextDraftValue {
  ticketId: string;
  text: string;
}

export interface TextDraft {
  text: string;
  /** The draft was read from storage (the box can be used). */
  loaded: boolean;
  setText(text: string): void;
  /** Queue `name` with `args(text)`, tied to this draft; the box starts a new draft. */
  send(name: MutatorName, args: (text: string) => Record<string, unknown>): Promise<void>;
  /** Put `text` back into the box (a rejected mutation), as the current draft. */
  restore(text: string): void;
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `draft-${Date.now()}-${Math.random()}`;
}

function isValue(value: unknown, ticketId: string): value is TextDraftValue {
  const v = value as Partial<TextDraftValue> | null;
  return typeof v?.text === "string" && v.ticketId === ticketId;
}

/** Drafts of `kind` for this ticket that no queued (not rejected) mutation is sending. */
async function unsentDrafts(client: SyncClient, kind: string, ticketId: string) {
  const [drafts, outbox] = await Promise.all([
    listDrafts(client.db, kind),
    client.db.getAll("outbox"),
  ]);
  const sending = new Set(outbox.filter((e) => !e.rejected).map((e) => e.draftId));
  return drafts
    .filter((draft) => isValue(draft.value, ticketId) && !sending.has(draft.id))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Find the kept draft with this text (of a rejected mutation), if any. */
export async function findDraftWithText(
  client: SyncClient,
  kind: string,
  ticketId: string,
  text: string,
): Promise<string | null> {
  const drafts = await unsentDrafts(client, kind, ticketId);
  return drafts.find((draft) => (draft.value as TextDraftValue).text === text)?.id ?? null;
}

export function useTextDraft(client: SyncClient | null, kind: string, ticketId: string): TextDraft {
  const [text, setTextState] = useState("");
  const [loaded, setLoaded] = useState(false);
  const draftId = useRef<string>(newId());
  const typed = useRef(false);

  useEffect(() => {
    if (!client) return;
    let live = true;
    void unsentDrafts(client, kind, ticketId)
      .then((drafts) => {
        const latest = drafts[0];
        if (!live) return;
        if (latest && !typed.current) {
          draftId.current = latest.id;
          setTextState((latest.value as TextDraftValue).text);
        }
        setLoaded(true);
      })
      .catch(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [client, kind, ticketId]);

  function store(value: string): void {
    if (!client) return;
    const id = draftId.current;
    const write =
      value === ""
        ? deleteDraft(client.db, id)
        : saveDraft(client.db, id, kind, { ticketId, text: value }, Date.now());
    void write.catch(() => undefined);
  }

  return {
    text,
    loaded: loaded || client === null,
    setText(value) {
      typed.current = true;
      setTextState(value);
      store(value);
    },
    async send(name, args) {
      if (!client) return;
      const id = draftId.current;
      const value = text;
      if (value !== "") await saveDraft(client.db, id, kind, { ticketId, text: value }, Date.now());
      draftId.current = newId();
      typed.current = true;
      setTextState("");
      await client.mutate(name, args(value), value === "" ? undefined : id);
    },
    restore(value) {
      if (!client) return;
      void findDraftWithText(client, kind, ticketId, value).then((found) => {
        draftId.current = found ?? newId();
        typed.current = true;
        setTextState(value);
        if (!found) store(value);
      });
    },
  };
}
