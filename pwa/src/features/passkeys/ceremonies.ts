/** The passkey ceremonies end to end: server options → browser prompt → server check. */
import {
  addPasskey,
  finishRegistrationPasskey,
  finishStaffEnrolment,
  newPasskeyOptions,
  registrationPasskeyOptions,
  signInOptions,
  signInWithPasskey,
  staffEnrolmentOptions,
} from "../../api/identity";
import type { Passkey, Session } from "../../api/types";
import { createCredential, getCredential } from "./webauthn";

/** A name, or null when the person left the optional field empty. */
export function passkeyName(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** The last step of registration (and recovery): the first passkey, then signed in. */
export async function registerFirstPasskey(name: string): Promise<Session> {
  const credential = await createCredential(await registrationPasskeyOptions());
  return finishRegistrationPasskey(credential, passkeyName(name));
}

/** A new staff user's first passkey, from the one-time enrolment link; then signed in. */
export async function enrolStaffPasskey(token: string, name: string): Promise<Session> {
  const credential = await createCredential(await staffEnrolmentOptions(token));
  return finishStaffEnrolment(token, credential, passkeyName(name));
}

/** Settings: one more passkey for the signed-in person. */
export async function addAnotherPasskey(name: string): Promise<Passkey> {
  const credential = await createCredential(await newPasskeyOptions());
  return addPasskey(credential, passkeyName(name));
}

/** Sign in with the modal passkey prompt. */
export async function signInModal(): Promise<Session> {
  return signInWithPasskey(await getCredential(await signInOptions()));
}

/**
 * Passkey autofill: resolves with the credential the person picked in the username field,
 * or null when `signal` aborted it first. The caller sends it to the server.
 */
export async function pickConditional(
  signal: AbortSignal,
): Promise<Awaited<ReturnType<typeof getCredential>> | null> {
  const options = await signInOptions();
  if (signal.aborted) return null;
  return getCredential(options, { conditional: true, signal });
}
