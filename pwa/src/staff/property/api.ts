/** The staff property API (backend/property/controllers.py), typed. */
import { apiRequest } from "../../api/client";

export const LANGUAGES = ["fi", "sv", "en"] as const;
export type PropertyLanguage = (typeof LANGUAGES)[number];
export type Localized = Partial<Record<PropertyLanguage, string | null>>;

/** The texts residents read, per language, in the order of the resident's page. */
export const TEXT_FIELDS = [
  "streetAddress",
  "city",
  "district",
  "heating",
  "description",
  "saunaTimes",
  "laundryTimes",
  "wasteSorting",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** Fields typed on one line; the others are paragraphs. */
export const SHORT_FIELDS: readonly TextField[] = ["streetAddress", "city", "district", "heating"];

export const DOCUMENT_KINDS = ["house_rules", "rescue_plan", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

export interface StaffDocument {
  id: string;
  propertyId: string;
  kind: DocumentKind;
  title: Localized;
  text: Localized;
  format: "text" | "pdf";
  fileName: string | null;
  sortOrder: number;
  updatedAt: string;
  missing: Record<string, string[]>;
}

export interface StaffProperty {
  id: string;
  regionId: string;
  code: string;
  name: string;
  postalCode: string;
  yearBuilt: number | null;
  floors: number | null;
  emergencyPhone: string;
  maintenanceCompany: Contact;
  houseManager: Contact;
  texts: Record<string, Localized>;
  /** Per language, the fields without a text in it (residents see Finnish there). */
  missing: Record<string, string[]>;
  documents: StaffDocument[];
  updatedAt: string;
}

export interface StaffPropertySummary {
  id: string;
  regionId: string;
  code: string;
  name: string;
  missing: Record<string, string[]>;
}

/** PropertyPatchIn: a text sets, null removes, an absent key keeps. */
export interface PropertyPatch {
  emergencyPhone?: string;
  yearBuilt?: number | null;
  floors?: number | null;
  maintenanceCompany?: Contact;
  houseManager?: Contact;
  [field: string]: unknown;
}

export interface DocumentBody {
  kind: DocumentKind;
  title: { fi: string; sv: string | null; en: string | null };
  text: { fi: string; sv: string | null; en: string | null } | null;
  sortOrder: number;
}

const BASE = "/api/staff/properties";
const propertyPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const documentPath = (id: string) => `/api/staff/property-documents/${encodeURIComponent(id)}`;

export const listProperties = () => apiRequest<StaffPropertySummary[]>("GET", BASE);
export const getProperty = (id: string) => apiRequest<StaffProperty>("GET", propertyPath(id));
export const patchProperty = (id: string, patch: PropertyPatch) =>
  apiRequest<StaffProperty>("PATCH", propertyPath(id), patch);
export const createDocument = (propertyId: string, body: DocumentBody) =>
  apiRequest<StaffDocument>("POST", `${propertyPath(propertyId)}/documents`, body);
export const deleteDocument = (id: string) => apiRequest<undefined>("DELETE", documentPath(id));
export const documentFileUrl = (id: string) => `${documentPath(id)}/file`;
