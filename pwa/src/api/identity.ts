/** The identity endpoints of the API contract, typed. */
import { apiRequest } from "./client";
import type {
  ContactDetails,
  MeUpdate,
  Passkey,
  RegistrationState,
  Session,
  StaffEnrolment,
  StrongAuthPurpose,
} from "./types";

/** What the browser's `credential.toJSON()` gives (or our fallback builds). */
export type CredentialJSON = Record<string, unknown>;

export const getSession = () => apiRequest<Session>("GET", "/api/session");

export const startStrongAuth = (purpose: StrongAuthPurpose) =>
  apiRequest<{ authorizationUrl: string }>("POST", "/api/registration/strong-auth", { purpose });

export const submitOfficeCode = (code: string) =>
  apiRequest<RegistrationState>("POST", "/api/registration/office-code", { code });

export const getRegistration = () => apiRequest<RegistrationState>("GET", "/api/registration");

export const submitContact = (contact: ContactDetails) =>
  apiRequest<RegistrationState>("POST", "/api/registration/contact", contact);

export const registrationPasskeyOptions = () =>
  apiRequest<PublicKeyCredentialCreationOptionsJSON>(
    "POST",
    "/api/registration/passkey/options",
    {},
  );

export const finishRegistrationPasskey = (credential: CredentialJSON, name: string | null) =>
  apiRequest<Session>("POST", "/api/registration/passkey", { credential, name });

export const signInOptions = () =>
  apiRequest<PublicKeyCredentialRequestOptionsJSON>("POST", "/api/auth/passkey/options", {});

export const signInWithPasskey = (credential: CredentialJSON) =>
  apiRequest<Session>("POST", "/api/auth/passkey", { credential });

export const signInWithPassword = (email: string, password: string) =>
  apiRequest<Session>("POST", "/api/auth/password", { email, password });

export const signOut = () => apiRequest<void>("POST", "/api/auth/logout");

export const signOutEverywhere = () => apiRequest<void>("POST", "/api/auth/logout-everywhere");

export const updateMe = (update: MeUpdate) => apiRequest<Session>("PATCH", "/api/me", update);

export const listPasskeys = () => apiRequest<Passkey[]>("GET", "/api/me/passkeys");

export const newPasskeyOptions = () =>
  apiRequest<PublicKeyCredentialCreationOptionsJSON>("POST", "/api/me/passkeys/options", {});

export const addPasskey = (credential: CredentialJSON, name: string | null) =>
  apiRequest<Passkey>("POST", "/api/me/passkeys", { credential, name });

const passkeyPath = (id: string) => `/api/me/passkeys/${encodeURIComponent(id)}`;

export const renamePasskey = (id: string, name: string) =>
  apiRequest<Passkey>("PATCH", passkeyPath(id), { name });

export const revokePasskey = (id: string) => apiRequest<void>("DELETE", passkeyPath(id));

export const setPassword = (password: string) =>
  apiRequest<void>("PUT", "/api/me/password", { password });

export const removePassword = () => apiRequest<void>("DELETE", "/api/me/password");

const enrolmentPath = (token: string) => `/api/staff/enrolment/${encodeURIComponent(token)}`;

export const getStaffEnrolment = (token: string) =>
  apiRequest<StaffEnrolment>("GET", enrolmentPath(token));

export const staffEnrolmentOptions = (token: string) =>
  apiRequest<PublicKeyCredentialCreationOptionsJSON>("POST", `${enrolmentPath(token)}/options`, {});

export const finishStaffEnrolment = (
  token: string,
  credential: CredentialJSON,
  name: string | null,
) => apiRequest<Session>("POST", enrolmentPath(token), { credential, name });
