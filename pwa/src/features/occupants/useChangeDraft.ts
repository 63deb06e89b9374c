/**
 * The occupant-change form kept as a draft (`client.db` drafts) while the resident types,
 * until the mutation that sends it is applied (the sync client then deletes the draft; a
 * rejected one keeps it, and it comes back into the form).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { deleteDraft, listDrafts, type SyncClient, saveDraft } from "../../offline";
import { type ChangeForm, EMPTY_FORM, fromDetails, isEmpty, toArgs } from "./occupantModel";

export const DRAFT_KIND = "occupantChange";

interface DraftValue {
  leaseId: string;
  form: ChangeForm;
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `draft-${Date.now()}-${Math.random()}`;
}

function isValue(value: unknown, leaseId: string): value is DraftValue {
  const v = value as Partial<DraftValue> | null;
  return v?.leaseId === leaseId && typeof v.form === "object" && v.form !== null;
}

/** This home's drafts that no queued (not rejected) mutation is sending, newest first. */
async function unsentDrafts(client: SyncClient, leaseId: string) {
  const [drafts, outbox] = await Promise.all([
    listDrafts(client.db, DRAFT_KIND),
    client.db.getAll("outbox"),
  ]);
  const sending = new Set(outbox.filter((e) => !e.rejected).map((e) => e.draftId));
  return drafts
    .filter((draft) => isValue(draft.value, leaseId) && !sending.has(draft.id))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

function sameArgs(leaseId: string, form: ChangeForm, args: Record<string, unknown>): boolean {
  try {
    const mine = toArgs(leaseId, form);
    const keys = new Set([...Object.keys(mine), ...Object.keys(args)]);
    return [...keys].every((key) => mine[key] === args[key]);
  } catch {
    return false;
  }
}

export interface ChangeDraft {
  form: ChangeForm;
  loaded: boolean;
  update(changes: Partial<ChangeForm>): void;
  /** Queue the report, tied to this draft; the form starts a new, empty draft. */
  send(args: Record<string, unknown>): Promise<void>;
  /** Put a rejected report back into the form, as the current draft. */
  restore(args: Record<string, unknown>): void;
}

export function useChangeDraft(client: SyncClient | null, leaseId: string): ChangeDraft {
  const [form, setForm] = useState<ChangeForm>(EMPTY_FORM);
  const [loaded, setLoaded] = useState(false);
  const draftId = useRef<string>(newId());
  const typed = useRef(false);

  useEffect(() => {
    if (!client) return;
    let live = true;
    typed.current = false;
    setForm(EMPTY_FORM);
    setLoaded(false);
    void unsentDrafts(client, leaseId)
      .then((drafts) => {
        if (!live) return;
        const latest = drafts[0];
        if (latest && !typed.current) {
          draftId.current = latest.id;
          setForm({ ...EMPTY_FORM, ...(latest.value as DraftValue).form });
        }
        setLoaded(true);
      })
      .catch(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [client, leaseId]);

  function store(value: ChangeForm): void {
    if (!client) return;
    const id = draftId.current;
    const write = isEmpty(value)
      ? deleteDraft(client.db, id)
      : saveDraft(client.db, id, DRAFT_KIND, { leaseId, form: value }, Date.now());
    void write.catch(() => undefined);
  }

  return {
    form,
    loaded: loaded || client === null,
    update(changes) {
      typed.current = true;
      const next = { ...form, ...changes };
      setForm(next);
      store(next);
    },
    async send(args) {
      if (!client) return;
      const id = draftId.current;
      await saveDraft(client.db, id, DRAFT_KIND, { leaseId, form }, Date.now());
      draftId.current = newId();
      typed.current = true;
      setForm(EMPTY_FORM);
      await client.mutate("reportOccupantChange", args, id);
    },
    restore(args) {
      if (!client) return;
      const { leaseId: _lease, kind, ...details } = args;
      const value = fromDetails(String(kind), details);
      typed.current = true;
      setForm(value);
      void unsentDrafts(client, leaseId).then((drafts) => {
        const found = drafts.find((d) => sameArgs(leaseId, (d.value as DraftValue).form, args));
        draftId.current = found?.id ?? newId();
        if (!found) store(value);
      });
    },
  };
}
