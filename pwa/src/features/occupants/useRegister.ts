import { syncClient, useRow } from "../../state/sync";
import type { Occupant, OccupantsRow } from "./occupantModel";

export type RegisterState =
  /** The offline data is opening, or has never been synced on this device. */
  | { kind: "loading" }
  /** Synced, but the register of this home is not in the offline data. */
  | { kind: "missing" }
  | { kind: "loaded"; occupants: readonly Occupant[] };

/**
 * The register of occupants of a home, from the offline data (`occupants/<leaseId>`): so
 * that a moving-out or name-change report can pick a person of the household offline.
 */
export function useRegister(leaseId: string): RegisterState {
  const row = useRow<OccupantsRow>(`occupants/${leaseId}`);
  const firstSync = syncClient.value?.state.lastSyncedAt.value === null;
  if (row === null || (row === undefined && firstSync)) return { kind: "loading" };
  if (row === undefined) return { kind: "missing" };
  return { kind: "loaded", occupants: row };
}
