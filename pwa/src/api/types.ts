/** Wire types of the identity API (JSON, camelCase), as the API contract defines them. */
import type { Language } from "../i18n/languages";

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details; `title` and `detail` are already in the reader's language. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export type HomeAccess = "before_start" | "resident" | "main_tenant";

export interface Home {
  leaseId: string;
  access: HomeAccess;
  propertyName: string;
  /** Already localized by the server. */
  address: string;
  /** e.g. "A 12" */
  unit: string;
  /** YYYY-MM-DD */
  startsOn: string;
  endsOn: string | null;
}

export interface ResidentPrincipal {
  kind: "resident";
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  language: Language;
  passwordEnabled: boolean;
  homes: Home[];
}

export interface StaffPrincipal {
  kind: "staff";
  id: string;
  name: string;
  email: string;
  roles: string[];
  language: Language;
}

export type Principal = ResidentPrincipal | StaffPrincipal;

/** Whom a staff enrolment link is for. */
export interface StaffEnrolment {
  name: string;
  email: string;
}

export interface Session {
  authenticated: boolean;
  principal: Principal | null;
  passwordLoginAvailable: boolean;
  strongAuth: "demo" | "oidc";
}

export type RegistrationStep = "none" | "failed" | "refused" | "contact" | "passkey" | "done";

export type RegistrationOutcome =
  | "eligible"
  | "before_start"
  | "not_in_register"
  | "under_18"
  | "lease_ended";

export interface ContactDetails {
  email: string;
  phone: string;
  language: Language;
}

export interface RegistrationState {
  step: RegistrationStep;
  outcome: RegistrationOutcome | null;
  problem: Problem | null;
  person: { firstName: string; lastName: string } | null;
  homes: Home[];
  /** An account exists already: the contact step is skipped. */
  recovery: boolean;
  contact: ContactDetails | null;
}

export type StrongAuthPurpose = "register" | "recover";

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** The passkey that signed in this session ("this device"). */
  current: boolean;
}

/** Partial update of the signed-in person's own details. */
export interface MeUpdate {
  email?: string;
  phone?: string;
  language?: Language;
}
