/**
 * A text box of a ticket whose content is kept as a draft while the resident types (the
 * shared `useDraft`): until the mutation that sends it is applied; a rejected one keeps it,
 * and the text comes back into the box.
 */
import type { SyncClient } from "../../offline";
import type { MutatorName } from "../../offline/optimistic";
import { unsentDrafts, useDraft } from "../../state/useDraft";

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
  send(name: MutatorName, args: (text: string) => Record<string, unknown>): Promise<unknown>;
  /** Put `text` back into the box (a rejected mutation), as the current draft. */
  restore(text: string): void;
}

function isValue(value: unknown, ticketId: string): value is TextDraftValue {
  const v = value as Partial<TextDraftValue> | null;
  return typeof v?.text === "string" && v.ticketId === ticketId;
}

/** Find the kept draft with this text (of a rejected mutation), if any. */
export async function findDraftWithText(
  client: SyncClient,
  kind: string,
  ticketId: string,
  text: string,
): Promise<string | null> {
  const drafts = await unsentDrafts(client, kind, (value) => isValue(value, ticketId));
  return drafts.find((draft) => (draft.value as TextDraftValue).text === text)?.id ?? null;
}

export function useTextDraft(client: SyncClient | null, kind: string, ticketId: string): TextDraft {
  const draft = useDraft<string>(client, {
    kind,
    scope: ticketId,
    empty: "",
    accept: (value) => isValue(value, ticketId),
    isEmpty: (text) => text === "",
    toStored: (text): TextDraftValue => ({ ticketId, text }),
    fromStored: (value) => (value as TextDraftValue).text,
  });
  return {
    text: draft.value,
    loaded: draft.loaded,
    setText: draft.update,
    send: (name, args) => draft.send(name, (_id, text) => args(text)),
    restore(text) {
      if (!client) return;
      void findDraftWithText(client, kind, ticketId, text).then((found) =>
        draft.restore(found, text),
      );
    },
  };
}
