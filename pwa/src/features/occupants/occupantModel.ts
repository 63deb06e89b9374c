/**
 * Occupant-change reports: the form's values, the server's rules mirrored
 * (backend/occupancy/schemas.py and services.py), and the mutation's arguments.
 * Residents never send personal identity codes: staff complete them in the ERP.
 */
import type { MessageKey } from "../../i18n/catalog";

export type ChangeKind = "move_in" | "move_out" | "name_change" | "birth";
export const KINDS: readonly ChangeKind[] = ["move_in", "move_out", "birth", "name_change"];

/** `occupantChange/<id>`: a report of the main tenant, as the server has it. */
export interface OccupantChangeRow {
  id: string;
  leaseId: string;
  kind: ChangeKind;
  status: "pending" | "approved" | "rejected";
  details: Record<string, unknown>;
  occupantId: string | null;
  reportedAt: string;
  decidedAt: string | null;
  reason: string | null;
}

/** A person in the register of occupants (GET /api/homes/{leaseId}/occupants). */
export interface Occupant {
  id: string;
  firstName: string;
  lastName: string;
  role: "main_tenant" | "co_tenant" | "occupant";
  movedInOn: string;
  movedOutOn: string | null;
}

/**
 * `occupants/<leaseId>`: the register of occupants of a home (main tenants only), as
 * GET /api/homes/{leaseId}/occupants answers; synced so that reports work offline.
 */
export type OccupantsRow = readonly Occupant[];

/** What the resident has typed; `date` is the move-in, move-out or effective date. */
export interface ChangeForm {
  kind: ChangeKind | "";
  firstName: string;
  lastName: string;
  birthDate: string;
  date: string;
  occupantId: string;
}

export type Field = "kind" | "firstName" | "lastName" | "birthDate" | "date" | "occupantId";
export type FormErrors = Partial<Record<Field, MessageKey>>;

export const EMPTY_FORM: ChangeForm = {
  kind: "",
  firstName: "",
  lastName: "",
  birthDate: "",
  date: "",
  occupantId: "",
};

export const NAME_MAX = 100;
// How far from today a reported move may lie (services.PAST_LIMIT / FUTURE_LIMIT).
export const PAST_DAYS = 92;
export const FUTURE_DAYS = 183;
const OLDEST_AGE_YEARS = 120;
const NEWBORN_DAYS = 366;

/** Signatories (main tenant, co-tenant) leave by lease termination or transfer. */
export function canMoveOut(occupant: Occupant): boolean {
  return occupant.role === "occupant";
}

export function needsOccupant(kind: ChangeKind | ""): boolean {
  return kind === "move_out" || kind === "name_change";
}

export function needsName(kind: ChangeKind | ""): boolean {
  return kind === "move_in" || kind === "birth" || kind === "name_change";
}

export function needsBirthDate(kind: ChangeKind | ""): boolean {
  return kind === "move_in" || kind === "birth";
}

export function needsDate(kind: ChangeKind | ""): boolean {
  return kind === "move_in" || kind === "move_out" || kind === "name_change";
}

export function isEmpty(form: ChangeForm): boolean {
  return Object.values(form).every((value) => value === "");
}

/** Today in the device's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `iso` (YYYY-MM-DD) plus `days`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A real calendar date in YYYY-MM-DD (what `<input type="date">` gives). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Whitespace collapsed, as the server stores a name. */
export function cleanName(value: string): string {
  return value.split(/\s+/).filter(Boolean).join(" ");
}

/** A Finnish personal identity code (DDMMYY, century sign, individual number, check). */
const IDENTITY_CODE = /\b(\d{6})[-+A-FYXWVU](\d{3})[0-9A-Y]\b/gi;

/** Never show a full identity code: keep the birth-date part, mask the rest. */
export function maskIdentityCodes(text: string): string {
  return text.replace(IDENTITY_CODE, (_match, birth: string) => `${birth}-****`);
}

function checkName(value: string, field: "firstName" | "lastName", errors: FormErrors): void {
  if (cleanName(value) === "") errors[field] = `occupants.errors.${field}Required`;
  else if (value.length > NAME_MAX) errors[field] = "occupants.errors.nameTooLong";
}

function checkMoveDate(value: string, today: string, errors: FormErrors): void {
  if (value === "") errors.date = "occupants.errors.dateRequired";
  else if (!isIsoDate(value)) errors.date = "occupants.errors.dateInvalid";
  else if (value < addDays(today, -PAST_DAYS) || value > addDays(today, FUTURE_DAYS)) {
    errors.date = "occupants.errors.dateRange";
  }
}

/** The server's checks, so that the resident hears of a mistake before it is queued. */
export function validate(
  form: ChangeForm,
  today: string,
  register: readonly Occupant[] | null,
): FormErrors {
  const errors: FormErrors = {};
  const { kind } = form;
  if (kind === "") {
    errors.kind = "occupants.errors.kindRequired";
    return errors;
  }
  if (needsName(kind)) {
    checkName(form.firstName, "firstName", errors);
    checkName(form.lastName, "lastName", errors);
  }
  if (needsDate(kind)) checkMoveDate(form.date, today, errors);
  if (needsBirthDate(kind)) {
    const birth = form.birthDate;
    if (birth === "") errors.birthDate = "occupants.errors.birthDateRequired";
    else if (!isIsoDate(birth)) errors.birthDate = "occupants.errors.dateInvalid";
    else if (birth > today) errors.birthDate = "occupants.errors.birthDateFuture";
    else if (kind === "birth" && birth < addDays(today, -NEWBORN_DAYS)) {
      errors.birthDate = "occupants.errors.birthDateNewborn";
    } else if (Number(birth.slice(0, 4)) < Number(today.slice(0, 4)) - OLDEST_AGE_YEARS) {
      errors.birthDate = "occupants.errors.birthDateOld";
    } else if (kind === "move_in" && !errors.date && birth > form.date) {
      errors.birthDate = "occupants.errors.birthAfterMove";
    }
  }
  if (needsOccupant(kind)) {
    const occupant = register?.find((o) => o.id === form.occupantId);
    if (form.occupantId === "" || (register && !occupant)) {
      errors.occupantId = "occupants.errors.occupantRequired";
    } else if (kind === "move_out" && occupant && !canMoveOut(occupant)) {
      errors.occupantId = "occupants.errors.signatory";
    } else if (kind === "move_out" && occupant && !errors.date && form.date < occupant.movedInOn) {
      errors.date = "occupants.errors.moveOutBeforeMoveIn";
    }
  }
  return errors;
}

/** The `reportOccupantChange` arguments of a valid form. */
export function toArgs(leaseId: string, form: ChangeForm): Record<string, unknown> {
  const firstName = cleanName(form.firstName);
  const lastName = cleanName(form.lastName);
  switch (form.kind) {
    case "move_in":
      return {
        leaseId,
        kind: "move_in",
        firstName,
        lastName,
        birthDate: form.birthDate,
        movesInOn: form.date,
      };
    case "move_out":
      return { leaseId, kind: "move_out", occupantId: form.occupantId, movesOutOn: form.date };
    case "name_change":
      return {
        leaseId,
        kind: "name_change",
        occupantId: form.occupantId,
        firstName,
        lastName,
        effectiveOn: form.date,
      };
    case "birth":
      return { leaseId, kind: "birth", firstName, lastName, birthDate: form.birthDate };
    default:
      throw new Error("no kind chosen");
  }
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** A report's fields (sent or kept) back as form values. */
export function fromDetails(kind: string, details: Record<string, unknown>): ChangeForm {
  return {
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as ChangeKind) : "",
    firstName: str(details.firstName),
    lastName: str(details.lastName),
    birthDate: str(details.birthDate),
    date: str(details.movesInOn) || str(details.movesOutOn) || str(details.effectiveOn),
    occupantId: str(details.occupantId),
  };
}

/** The date a report is about (moving in / out, the name's effective date, the birth). */
export function reportDate(details: Record<string, unknown>): string {
  return (
    str(details.movesInOn) ||
    str(details.movesOutOn) ||
    str(details.effectiveOn) ||
    str(details.birthDate)
  );
}
