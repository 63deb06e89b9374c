/** The audit log API (backend/audit/controllers.py), typed; admins only. */
import { apiRequest } from "../../api/client";

export interface AuditEvent {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  /** The staff user's or resident's name; null for the system or someone no longer found. */
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
}

export function getAuditPage(query: URLSearchParams): Promise<AuditPage> {
  return apiRequest<AuditPage>("GET", `/api/staff/audit?${query}`);
}
