/**
 * A message form kept as a draft while the resident types (the shared `useDraft`), until
 * the sendMessage that carries it is applied by the server (a rejected one keeps it). The
 * draft's id is the id the thread or the message will have on the server, so a rejection
 * can be matched to its draft.
 */
import type { SyncClient } from "../../offline";
import { type Draft, useDraft } from "../../state/useDraft";

export interface MessageDraft<T> extends Omit<Draft<T>, "send"> {
  /** Queue sendMessage with `args(id, value)`, tied to this draft; the form starts anew. */
  send(args: (id: string, value: T) => Record<string, unknown>): Promise<string>;
}

export function useMessageDraft<T>(
  client: SyncClient | null,
  kind: string,
  empty: T,
  accept: (value: unknown) => value is T,
  isEmpty: (value: T) => boolean,
): MessageDraft<T> {
  const draft = useDraft<T>(client, { kind, scope: kind, empty, accept, isEmpty });
  return { ...draft, send: (args) => draft.send("sendMessage", args) };
}
