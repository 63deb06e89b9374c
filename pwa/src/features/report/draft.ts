/**
 * The defect notification being written: its draft value (kept in IndexedDB as a draft of
 * kind "ticket"), the checks of each step, and the createTicket arguments it becomes.
 * Limits follow the server's TicketIn (backend/tickets/schemas.py) and CreateTicketArgs.
 */
import type { CreateTicketArgs } from "../../offline/protocol.gen";
import type { CategoriesRow, CategoryRow } from "../../offline/views";

export const DRAFT_KIND = "ticket";

export const LIMITS = {
  locationMax: 200,
  descriptionMin: 1,
  descriptionMax: 4000,
  contactWindowMax: 200,
  phoneMin: 6,
  phoneMax: 24,
  photosMax: 5,
} as const;

const PHONE_PATTERN = /^\+?[0-9 ()-]{6,23}$/;

export const STEPS = [
  "emergency",
  "area",
  "category",
  "location",
  "description",
  "photos",
  "access",
  "review",
] as const;

export type StepName = (typeof STEPS)[number];

export interface ReportDraft {
  step: StepName;
  leaseId: string | null;
  /** The category group: "apartment" or "common_area". */
  area: string | null;
  category: string | null;
  location: string;
  description: string;
  /** sha256 of each stored photo, in order. */
  photos: string[];
  masterKeyPermission: boolean | null;
  contactWindow: string;
  pets: boolean | null;
  contactPhone: string;
  /** Set when "Send" queued the createTicket mutation. */
  sentAt: number | null;
}

/** A field's error: the message key's last part under "report.errors". */
export type ErrorCode =
  | "chooseHome"
  | "chooseArea"
  | "chooseCategory"
  | "locationTooLong"
  | "descriptionRequired"
  | "descriptionTooLong"
  | "chooseMasterKey"
  | "contactWindowRequired"
  | "contactWindowTooLong"
  | "choosePets"
  | "phoneRequired"
  | "phoneInvalid"
  | "photosTooMany";

export type Field =
  | "leaseId"
  | "area"
  | "category"
  | "location"
  | "description"
  | "photos"
  | "masterKeyPermission"
  | "contactWindow"
  | "pets"
  | "contactPhone";

export type FieldErrors = Partial<Record<Field, ErrorCode>>;

export function newDraft(leaseId: string | null, contactPhone: string): ReportDraft {
  return {
    step: "area",
    leaseId,
    area: null,
    category: null,
    location: "",
    description: "",
    photos: [],
    masterKeyPermission: null,
    contactWindow: "",
    pets: null,
    contactPhone,
    sentAt: null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const textOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);
const boolOrNull = (value: unknown): boolean | null => (typeof value === "boolean" ? value : null);

/** A stored draft value read defensively (an older app version may have written it). */
export function readDraft(value: unknown): ReportDraft | null {
  if (!isRecord(value)) return null;
  const step = STEPS.includes(value.step as StepName) ? (value.step as StepName) : "area";
  const photos = Array.isArray(value.photos)
    ? value.photos.filter((p): p is string => typeof p === "string")
    : [];
  return {
    step: step === "emergency" ? "area" : step,
    leaseId: textOrNull(value.leaseId),
    area: textOrNull(value.area),
    category: textOrNull(value.category),
    location: text(value.location),
    description: text(value.description),
    photos: photos.slice(0, LIMITS.photosMax),
    masterKeyPermission: boolOrNull(value.masterKeyPermission),
    contactWindow: text(value.contactWindow),
    pets: boolOrNull(value.pets),
    contactPhone: text(value.contactPhone),
    sentAt: typeof value.sentAt === "number" ? value.sentAt : null,
  };
}

/** The groups a resident may file under (the emergency group is never a category). */
export function fileableGroups(row: CategoriesRow | null | undefined) {
  return (row?.groups ?? [])
    .filter((group) => group.code !== "emergency")
    .map((group) => ({ ...group, categories: group.categories.filter((c) => !c.emergency) }))
    .filter((group) => group.categories.length > 0);
}

export function findCategory(
  row: CategoriesRow | null | undefined,
  code: string | null,
): { group: { code: string; name: string }; category: CategoryRow } | null {
  for (const group of fileableGroups(row)) {
    const category = group.categories.find((c) => c.code === code);
    if (category) return { group, category };
  }
  return null;
}

/** The checks of one step; `homeIds`: the homes that may be chosen. */
export function validateStep(
  step: StepName,
  draft: ReportDraft,
  homeIds: readonly string[],
  categories: CategoriesRow | null | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  switch (step) {
    case "area":
      if (!draft.leaseId || !homeIds.includes(draft.leaseId)) errors.leaseId = "chooseHome";
      if (!fileableGroups(categories).some((g) => g.code === draft.area))
        errors.area = "chooseArea";
      break;
    case "category": {
      const found = findCategory(categories, draft.category);
      if (!found || found.group.code !== draft.area) errors.category = "chooseCategory";
      break;
    }
    case "location":
      if (draft.location.trim().length > LIMITS.locationMax) errors.location = "locationTooLong";
      break;
    case "description": {
      const length = draft.description.trim().length;
      if (length < LIMITS.descriptionMin) errors.description = "descriptionRequired";
      else if (length > LIMITS.descriptionMax) errors.description = "descriptionTooLong";
      break;
    }
    case "photos":
      if (draft.photos.length > LIMITS.photosMax) errors.photos = "photosTooMany";
      break;
    case "access": {
      if (draft.masterKeyPermission === null) errors.masterKeyPermission = "chooseMasterKey";
      const window = draft.contactWindow.trim();
      if (draft.masterKeyPermission === false && window === "") {
        errors.contactWindow = "contactWindowRequired";
      } else if (window.length > LIMITS.contactWindowMax) {
        errors.contactWindow = "contactWindowTooLong";
      }
      if (draft.pets === null) errors.pets = "choosePets";
      const phone = draft.contactPhone.trim();
      if (phone === "") errors.contactPhone = "phoneRequired";
      else if (!validPhone(phone)) errors.contactPhone = "phoneInvalid";
      break;
    }
    default:
      break;
  }
  return errors;
}

export function validPhone(phone: string): boolean {
  return (
    phone.length >= LIMITS.phoneMin && phone.length <= LIMITS.phoneMax && PHONE_PATTERN.test(phone)
  );
}

/** The first step (before review) whose checks fail, or null when all pass. */
export function firstInvalidStep(
  draft: ReportDraft,
  homeIds: readonly string[],
  categories: CategoriesRow | null | undefined,
): { step: StepName; errors: FieldErrors } | null {
  for (const step of STEPS) {
    const errors = validateStep(step, draft, homeIds, categories);
    if (Object.keys(errors).length > 0) return { step, errors };
  }
  return null;
}

/** The createTicket mutation's arguments (TicketIn + photos), for a valid draft. */
export function ticketArgs(id: string, draft: ReportDraft): CreateTicketArgs {
  const window = draft.contactWindow.trim();
  return {
    id,
    leaseId: draft.leaseId ?? "",
    category: draft.category ?? "",
    location: draft.location.trim(),
    description: draft.description.trim(),
    masterKeyPermission: draft.masterKeyPermission === true,
    // Asked for (and required by the server) only when the master key may not be used.
    contactWindow: draft.masterKeyPermission === false && window !== "" ? window : null,
    pets: draft.pets === true,
    contactPhone: draft.contactPhone.trim(),
    photos: [...draft.photos],
  };
}

export function stepNumber(step: StepName): number {
  return STEPS.indexOf(step) + 1;
}
