/** Drafts the person is typing (e.g. a defect notification), kept across reloads. */
import type { Draft, PortalDatabase } from "./db";
import { requestPersistence } from "./persist";

/** Save (or replace) a draft; the first draft asks the browser to persist our storage. */
export async function saveDraft(
  db: PortalDatabase,
  id: string,
  kind: string,
  value: unknown,
  now: number,
): Promise<Draft> {
  const draft: Draft = { id, kind, value, updatedAt: now };
  await db.put("drafts", draft);
  void requestPersistence();
  return draft;
}

export function getDraft(db: PortalDatabase, id: string): Promise<Draft | undefined> {
  return db.get("drafts", id);
}

export async function listDrafts(db: PortalDatabase, kind?: string): Promise<Draft[]> {
  const all = await db.getAll("drafts");
  return kind === undefined ? all : all.filter((draft) => draft.kind === kind);
}

export function deleteDraft(db: PortalDatabase, id: string): Promise<void> {
  return db.delete("drafts", id);
}
