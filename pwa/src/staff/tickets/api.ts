/** The staff tickets API (backend/tickets/staff_controllers.py), typed. */
import { apiRequest } from "../../api/client";
import { getRegions } from "../messages/api";
import { propertiesOf } from "../messages/regions";

export const STATUSES = [
  "received",
  "in_progress",
  "scheduled",
  "waiting_for_parts",
  "done",
  "cancelled",
  "rejected",
] as const;
export type TicketStatus = (typeof STATUSES)[number];

export const SORTS = ["created", "-created", "expected_by", "-expected_by", "updated", "-updated"];
export type QueueSort = (typeof SORTS)[number];

export interface StaffTicketSummary {
  id: string;
  number: string;
  leaseId: string;
  category: string;
  categoryName: string;
  area: string | null;
  location: string;
  status: TicketStatus;
  statusName: string;
  /** YYYY-MM-DD */
  expectedBy: string;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  createdAt: string;
  updatedAt: string;
  propertyId: string;
  propertyName: string;
  unit: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  overdue: boolean;
}

export interface TicketPhoto {
  id: string;
  position: number;
  mediaType: string;
  width: number | null;
  height: number | null;
}

export interface TicketEvent {
  id: string;
  kind: string;
  actorKind: string;
  actorName: string;
  visibility: "public" | "internal";
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  text: string | null;
  createdAt: string;
}

export interface StaffTicket extends StaffTicketSummary {
  description: string;
  masterKeyPermission: boolean;
  contactWindow: string | null;
  pets: boolean;
  contactPhone: string;
  reporterName: string;
  closedAt: string | null;
  rejectReason: string | null;
  photos: TicketPhoto[];
  timeline: TicketEvent[];
  rating: { stars: number; comment: string; createdAt: string } | null;
}

export interface TicketPage {
  items: StaffTicketSummary[];
  total: number;
}

export interface Categories {
  groups: {
    code: string;
    name: string;
    categories: { code: string; name: string; expectedDays: number; emergency: boolean }[];
  }[];
  statuses: { code: TicketStatus; name: string }[];
}

export interface StaffProperty {
  id: string;
  name: string;
}

/** One entry of the staff directory (GET /api/staff/users). */
export interface StaffDirectoryUser {
  id: string;
  name: string;
  roles: string[];
  regionIds?: string[];
}

export interface TransitionBody {
  to: TicketStatus;
  note?: string;
  visibility?: "public" | "internal";
  scheduledStart?: string;
  scheduledEnd?: string;
  reason?: string;
}

const ticketPath = (id: string) => `/api/staff/tickets/${encodeURIComponent(id)}`;

export const getQueue = (query: URLSearchParams) =>
  apiRequest<TicketPage>("GET", `/api/staff/tickets?${query.toString()}`);

export const getTicket = (id: string) => apiRequest<StaffTicket>("GET", ticketPath(id));

export const assignTicket = (id: string, assigneeId: string | null) =>
  apiRequest<StaffTicketSummary>("POST", `${ticketPath(id)}/assign`, { assigneeId });

export const transitionTicket = (id: string, body: TransitionBody) =>
  apiRequest<StaffTicketSummary>("POST", `${ticketPath(id)}/transition`, body);

export const commentTicket = (id: string, text: string, visibility: "public" | "internal") =>
  apiRequest<StaffTicketSummary>("POST", `${ticketPath(id)}/comments`, { text, visibility });

export const photoUrl = (ticketId: string, photoId: string, thumbnail: boolean) =>
  `${ticketPath(ticketId)}/photos/${encodeURIComponent(photoId)}${thumbnail ? "/thumbnail" : ""}`;

export const getCategories = () => apiRequest<Categories>("GET", "/api/tickets/categories");

/** The properties of the user's regions (every staff role may read the regions, unlike the
 * editors' property list). */
export const getProperties = async (): Promise<StaffProperty[]> => propertiesOf(await getRegions());

/** The staff directory: colleagues who share a region with the user. */
export const getStaffUsers = () => apiRequest<StaffDirectoryUser[]>("GET", "/api/staff/users");

/** Which statuses staff may move a ticket to from `current` (backend/tickets/transitions.py). */
export const STAFF_MOVES: Record<TicketStatus, readonly TicketStatus[]> = {
  received: ["in_progress", "scheduled", "waiting_for_parts", "done", "rejected"],
  in_progress: ["scheduled", "waiting_for_parts", "done", "rejected"],
  scheduled: ["in_progress", "scheduled", "waiting_for_parts", "done", "rejected"],
  waiting_for_parts: ["in_progress", "scheduled", "done", "rejected"],
  done: [],
  cancelled: [],
  rejected: [],
};
