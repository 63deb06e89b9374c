/** The staff occupant-changes API (backend/occupancy/controllers.py
 * StaffOccupantChangeController), typed. */
import { apiRequest } from "../../api/client";

export const KINDS = ["move_in", "move_out", "name_change", "birth"] as const;
export type ChangeKind = (typeof KINDS)[number];

export const STATUSES = ["pending", "approved", "rejected"] as const;
export type ChangeStatus = (typeof STATUSES)[number];

export type OccupantRole = "main_tenant" | "co_tenant" | "occupant";

/** A person in the register of a home (the shape of GET /api/homes/{leaseId}/occupants). */
export interface RegisterEntry {
  id: string;
  firstName: string;
  lastName: string;
  role: OccupantRole;
  movedInOn: string;
  movedOutOn: string | null;
}

/** StaffOccupantChangeOut. `details` is what the main tenant sent (the kind's fields:
 * firstName, lastName, birthDate, movesInOn, occupantId, movesOutOn, effectiveOn). */
export interface StaffOccupantChange {
  id: string;
  leaseId: string;
  kind: ChangeKind;
  status: ChangeStatus;
  details: Record<string, unknown>;
  occupantId: string | null;
  reportedAt: string;
  decidedAt: string | null;
  reason: string | null;
  leaseNumber: string;
  propertyName: string;
  unit: string;
  reportedBy: string;
  decidedBy: string | null;
  /** Not sent by the server yet: shown when it is (the reporter's name, and the register
   * of the home as it is now). */
  reportedByName?: string | null;
  register?: RegisterEntry[];
}

const BASE = "/api/staff/occupant-changes";

/** The changes in the user's regions, oldest first; "all" for every status. */
export function listChanges(status: ChangeStatus | "all"): Promise<StaffOccupantChange[]> {
  return apiRequest<StaffOccupantChange[]>("GET", `${BASE}?status=${status}`);
}

export function getChange(id: string): Promise<StaffOccupantChange> {
  return apiRequest<StaffOccupantChange>("GET", `${BASE}/${encodeURIComponent(id)}`);
}

/** Approve: the register of occupants (and access with it) changes on the server. */
export function approveChange(id: string): Promise<StaffOccupantChange> {
  return apiRequest<StaffOccupantChange>("POST", `${BASE}/${encodeURIComponent(id)}/approve`);
}

export function rejectChange(id: string, reason: string): Promise<StaffOccupantChange> {
  return apiRequest<StaffOccupantChange>("POST", `${BASE}/${encodeURIComponent(id)}/reject`, {
    reason,
  });
}

/** A string field of the report's details ("" when absent). */
export function detail(change: StaffOccupantChange, field: string): string {
  const value = change.details[field];
  return typeof value === "string" ? value : "";
}

/** "First Last" from the report, for move-in, birth and name change. */
export function reportedName(change: StaffOccupantChange): string {
  return `${detail(change, "firstName")} ${detail(change, "lastName")}`.trim();
}

/** Pending first, then by the time reported (oldest first, as the queue is worked). */
export function pendingFirst(items: StaffOccupantChange[]): StaffOccupantChange[] {
  return [...items].sort(
    (a, b) =>
      Number(b.status === "pending") - Number(a.status === "pending") ||
      a.reportedAt.localeCompare(b.reportedAt),
  );
}
