/** Office registration (backend/staff/controllers.py StaffOccupantsController and
 * OfficeCodeController), typed. Never an identity code: birth year only. */
import { apiRequest } from "../../api/client";

/** OccupantMatchOut: an adult of a current or starting lease in the user's regions. */
export interface OccupantMatch {
  occupantId: string;
  firstName: string;
  lastName: string;
  birthYear: number;
  /** The street address in the console's language. */
  address: string;
  unit: string;
  role: "main_tenant" | "co_tenant" | "occupant";
  /** Already has an account in the Resident Portal. */
  registered: boolean;
  /** False while the ERP has not brought the person's identity code: a code would be refused. */
  canRegister: boolean;
}

/** OfficeCodeOut: the code is shown once (only its HMAC is stored). */
export interface IssuedCode {
  id: string;
  code: string;
  expiresAt: string;
  firstName: string;
  lastName: string;
}

/** The server answers at most 50, and nothing for fewer than 2 characters. */
export const MAX_MATCHES = 50;
export const MIN_QUERY = 2;

export function findOccupants(q: string): Promise<OccupantMatch[]> {
  return apiRequest<OccupantMatch[]>("GET", `/api/staff/occupants?q=${encodeURIComponent(q)}`);
}

/** `idChecked` is the staff user's confirmation of having checked the ID card. */
export function issueOfficeCode(occupantId: string): Promise<IssuedCode> {
  return apiRequest<IssuedCode>("POST", "/api/staff/office-codes", {
    occupantId,
    idChecked: true,
  });
}
