/**
 * The shapes of the client view's values (sync/view.py on the server): what screens read
 * from `state.rows(prefix)` / `state.row(key)`. Dates are ISO strings; money in cents.
 */
import type { HomeAccess } from "../api/types";

/** `home/<leaseId>` */
export interface HomeRow {
  leaseId: string;
  access: HomeAccess;
  propertyId: string;
  propertyName: string;
  address: string;
  unit: string;
  startsOn: string;
  endsOn: string | null;
}

/** `news/<id>`: one item, in the pull's language (`fellBack`: fields shown in Finnish). */
export interface NewsRow {
  id: string;
  title: string;
  body: string;
  urgent: boolean;
  pinned: boolean;
  publishedAt: string;
  expiresAt: string | null;
  read: boolean;
  language: string;
  fellBack: string[];
  /** The homes it is shown for. */
  leaseIds: string[];
}

export type TicketStatus =
  | "received"
  | "in_progress"
  | "scheduled"
  | "waiting_for_parts"
  | "done"
  | "rejected"
  | "cancelled";

export interface TicketEvent {
  id: string;
  kind: string;
  actorKind: "resident" | "staff" | string;
  actorName: string;
  visibility: "public" | "internal";
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  text: string | null;
  createdAt: string;
}

export interface TicketPhoto {
  id: string;
  position: number;
  mediaType: string;
  width: number | null;
  height: number | null;
}

/** `ticket/<id>`: a defect notification with its public timeline. */
export interface TicketRow {
  id: string;
  number: string;
  leaseId: string;
  category: string;
  categoryName: string;
  area: string | null;
  location: string;
  status: TicketStatus;
  statusName: string;
  expectedBy: string | null;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  createdAt: string;
  updatedAt: string;
  description: string;
  masterKeyPermission: boolean;
  contactWindow: string | null;
  pets: boolean;
  contactPhone: string | null;
  closedAt: string | null;
  rejectReason: string | null;
  photos: TicketPhoto[];
  timeline: TicketEvent[];
  rating: { stars: number; comment: string; createdAt: string } | null;
  canCancel: boolean;
  canReopen: boolean;
  canRate: boolean;
}

/** `ticketPhoto/<ticketId>/<sha256>`: a photo whose upload has not reached the server. */
export interface PendingPhotoRow {
  ticketId: string;
  sha256: string;
  pending: true;
}

export interface ContactRow {
  name: string;
  phone: string;
  email: string;
}

/** `property/<leaseId>`: the building of a home, readable from the day the lease is signed. */
export interface PropertyRow {
  leaseId: string;
  propertyId: string;
  language: string;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  district: string;
  yearBuilt: number | null;
  floors: number | null;
  heating: string;
  description: string;
  /** The 24/7 number for urgent defects (water leak, no heat, lockout, fire). */
  emergencyPhone: string;
  maintenanceCompany: ContactRow;
  houseManager: ContactRow;
  saunaTimes: string;
  laundryTimes: string;
  wasteSorting: string;
  documents: unknown[];
  updatedAt: string;
  fellBack: string[];
}

export interface CategoryRow {
  code: string;
  name: string;
  expectedDays: number;
  /** Not a form: the resident calls the emergency number. */
  emergency: boolean;
}

/** `ticketCategories`: apartment, common_area and emergency groups, localized. */
export interface CategoriesRow {
  groups: Array<{ code: string; name: string; categories: CategoryRow[] }>;
  statuses?: Array<{ code: string; name: string }>;
}

export interface InvoiceRow {
  id: string;
  periodStart: string;
  periodEnd: string;
  issuedOn: string;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  openCents: number;
  currency: string;
  status: string;
  reference: string | null;
  rfReference: string | null;
  recipient: string;
  [more: string]: unknown;
}

/** `rent/<leaseId>/summary` (main tenants only). */
export interface RentSummaryRow {
  leaseId: string;
  currency: string;
  debtCents: number;
  balanceCents: number;
  overdueCount: number;
  nextDue: InvoiceRow | null;
}
