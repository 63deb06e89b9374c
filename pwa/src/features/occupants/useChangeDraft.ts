/**
 * The occupant-change form kept as a draft while the resident types (the shared
 * `useDraft`): until the mutation that sends it is applied; a rejected one keeps it, and
 * it comes back into the form.
 */
import type { SyncClient } from "../../offline";
import { unsentDrafts, useDraft } from "../../state/useDraft";
import { type ChangeForm, EMPTY_FORM, fromDetails, isEmpty, toArgs } from "./occupantModel";

export const DRAFT_KIND = "occupantChange";

interface DraftValue {
  leaseId: string;
  form: ChangeForm;
}

function isValue(value: unknown, leaseId: string): value is DraftValue {
  const v = value as Partial<DraftValue> | null;
  return v?.leaseId === leaseId && typeof v.form === "object" && v.form !== null;
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
  send(args: Record<string, unknown>): Promise<unknown>;
  /** Put a rejected report back into the form, as the current draft. */
  restore(args: Record<string, unknown>): void;
}

export function useChangeDraft(client: SyncClient | null, leaseId: string): ChangeDraft {
  const accept = (value: unknown) => isValue(value, leaseId);
  const draft = useDraft<ChangeForm>(client, {
    kind: DRAFT_KIND,
    scope: leaseId,
    empty: EMPTY_FORM,
    accept,
    isEmpty,
    toStored: (form): DraftValue => ({ leaseId, form }),
    fromStored: (value) => ({ ...EMPTY_FORM, ...(value as DraftValue).form }),
  });
  return {
    form: draft.value,
    loaded: draft.loaded,
    update(changes) {
      draft.update({ ...draft.value, ...changes });
    },
    send: (args) => draft.send("reportOccupantChange", () => args),
    restore(args) {
      if (!client) return;
      const { leaseId: _lease, kind, ...details } = args;
      const value = fromDetails(String(kind), details);
      void unsentDrafts(client, DRAFT_KIND, accept).then((drafts) => {
        const found = drafts.find((d) => sameArgs(leaseId, (d.value as DraftValue).form, args));
        draft.restore(found?.id ?? null, value);
      });
    },
  };
}
