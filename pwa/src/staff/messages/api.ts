/** The staff messages API (backend/messages/staff_controllers.py), typed. */
import { apiRequest } from "../../api/client";

export const THREAD_STATUSES = ["open", "answered", "closed"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** A thread category in the console's language (GET /api/messages/categories: the server's
 * own names, the same the residents see). */
export interface MessageCategory {
  code: string;
  name: string;
}

export const getMessageCategories = () =>
  apiRequest<MessageCategory[]>("GET", "/api/messages/categories");

export interface StaffThreadSummary {
  id: string;
  leaseId: string;
  leaseNumber: string;
  propertyId: string;
  propertyName: string;
  unit: string;
  category: string;
  categoryName: string;
  subject: string;
  status: ThreadStatus;
  statusName: string;
  messageCount: number;
  unread: number;
  assignedTo: string | null;
  createdAt: string;
  lastMessageAt: string;
  closedAt: string | null;
}

export interface MessageAttachment {
  id: string;
  mediaType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
}

export interface ThreadMessage {
  id: string;
  seq: number;
  authorKind: "resident" | "staff";
  authorName: string;
  mine: boolean;
  body: string;
  createdAt: string;
  attachments: MessageAttachment[];
}

export interface StaffThread extends StaffThreadSummary {
  startedByName: string;
  messages: ThreadMessage[];
}

export interface StaffInbox {
  items: StaffThreadSummary[];
  total: number;
}

export interface StaffUnread {
  threads: number;
  messages: number;
}

/** One colleague of the staff directory (GET /api/staff/users). */
export interface Colleague {
  id: string;
  name: string;
  roles: string[];
}

/** A region with its properties (GET /api/staff/regions). */
export interface RegionWithProperties {
  id: string;
  code: string;
  name: Record<string, string>;
  properties: { id: string; code: string; name: string }[];
}

const BASE = "/api/staff/messages";
const threadPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const getInbox = (query: string) =>
  apiRequest<StaffInbox>("GET", query ? `${BASE}?${query}` : BASE);
export const getUnread = () => apiRequest<StaffUnread>("GET", `${BASE}/unread`);
export const getThread = (id: string) => apiRequest<StaffThread>("GET", threadPath(id));
export const replyToThread = (id: string, body: string) =>
  apiRequest<StaffThread>("POST", `${threadPath(id)}/messages`, { body });
export const closeThread = (id: string) =>
  apiRequest<StaffThread>("POST", `${threadPath(id)}/close`);
export const assignThread = (id: string, staffId: string | null) =>
  apiRequest<StaffThread>("POST", `${threadPath(id)}/assign`, { staffId });
export const getColleagues = () =>
  apiRequest<Colleague[]>("GET", "/api/staff/users?role=customer_service&role=lease_control");
export const getRegions = () => apiRequest<RegionWithProperties[]>("GET", "/api/staff/regions");

export const attachmentUrl = (threadId: string, attachmentId: string, thumbnail = false) =>
  `${threadPath(threadId)}/attachments/${encodeURIComponent(attachmentId)}${thumbnail ? "/thumbnail" : ""}`;
