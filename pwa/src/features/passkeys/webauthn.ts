/**
 * WebAuthn ceremonies over the server's JSON options. Uses the browser's
 * parse*OptionsFromJSON and credential.toJSON() where they exist, else our own conversion
 * (older Safari).
 */
import type { CredentialJSON } from "../../api/identity";
import { fromBase64url, toBase64url } from "./base64url";

type Static = Partial<
  Pick<
    typeof PublicKeyCredential,
    | "parseCreationOptionsFromJSON"
    | "parseRequestOptionsFromJSON"
    | "isConditionalMediationAvailable"
  >
>;

function pkc(): Static | undefined {
  return (globalThis as { PublicKeyCredential?: Static }).PublicKeyCredential;
}

export function webauthnSupported(): boolean {
  return pkc() !== undefined && typeof navigator !== "undefined" && !!navigator.credentials;
}

function descriptors(list: PublicKeyCredentialDescriptorJSON[] | undefined) {
  return list?.map(
    (d): PublicKeyCredentialDescriptor => ({
      type: d.type as PublicKeyCredentialType,
      id: fromBase64url(d.id),
      ...(d.transports ? { transports: d.transports as AuthenticatorTransport[] } : {}),
    }),
  );
}

/** Only the extensions without binary inputs survive the fallback. */
function extensions(input: AuthenticationExtensionsClientInputsJSON | undefined) {
  if (!input) return undefined;
  const out: AuthenticationExtensionsClientInputs = {};
  if (input.credProps !== undefined) out.credProps = input.credProps;
  if (input.appid !== undefined) out.appid = input.appid;
  return out;
}

export function creationOptionsFallback(
  json: PublicKeyCredentialCreationOptionsJSON,
): PublicKeyCredentialCreationOptions {
  const { challenge, user, excludeCredentials, extensions: ext, hints: _hints, ...rest } = json;
  const exclude = descriptors(excludeCredentials);
  const extensionInputs = extensions(ext);
  return {
    ...(rest as Omit<PublicKeyCredentialCreationOptions, "challenge" | "user">),
    challenge: fromBase64url(challenge),
    user: { ...user, id: fromBase64url(user.id) },
    ...(exclude ? { excludeCredentials: exclude } : {}),
    ...(extensionInputs ? { extensions: extensionInputs } : {}),
  };
}

export function requestOptionsFallback(
  json: PublicKeyCredentialRequestOptionsJSON,
): PublicKeyCredentialRequestOptions {
  const { challenge, allowCredentials, extensions: ext, hints: _hints, ...rest } = json;
  const allow = descriptors(allowCredentials);
  const extensionInputs = extensions(ext);
  return {
    ...(rest as Omit<PublicKeyCredentialRequestOptions, "challenge">),
    challenge: fromBase64url(challenge),
    ...(allow ? { allowCredentials: allow } : {}),
    ...(extensionInputs ? { extensions: extensionInputs } : {}),
  };
}

export function parseCreationOptions(
  json: PublicKeyCredentialCreationOptionsJSON,
): PublicKeyCredentialCreationOptions {
  const native = pkc()?.parseCreationOptionsFromJSON;
  return typeof native === "function" ? native.call(pkc(), json) : creationOptionsFallback(json);
}

export function parseRequestOptions(
  json: PublicKeyCredentialRequestOptionsJSON,
): PublicKeyCredentialRequestOptions {
  const native = pkc()?.parseRequestOptionsFromJSON;
  return typeof native === "function" ? native.call(pkc(), json) : requestOptionsFallback(json);
}

type AnyResponse = AuthenticatorResponse &
  Partial<AuthenticatorAttestationResponse & AuthenticatorAssertionResponse>;

/** `credential.toJSON()` by hand: RegistrationResponseJSON or AuthenticationResponseJSON. */
export function credentialToJSONFallback(credential: PublicKeyCredential): CredentialJSON {
  const r = credential.response as AnyResponse;
  const response: Record<string, unknown> = { clientDataJSON: toBase64url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toBase64url(r.attestationObject);
    response.transports = typeof r.getTransports === "function" ? r.getTransports() : [];
  }
  if (r.authenticatorData) response.authenticatorData = toBase64url(r.authenticatorData);
  if (r.signature) response.signature = toBase64url(r.signature);
  if (r.userHandle) response.userHandle = toBase64url(r.userHandle);
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    clientExtensionResults:
      typeof credential.getClientExtensionResults === "function"
        ? credential.getClientExtensionResults()
        : {},
    response,
  };
}

export function credentialToJSON(credential: PublicKeyCredential): CredentialJSON {
  return typeof credential.toJSON === "function"
    ? (credential.toJSON() as CredentialJSON)
    : credentialToJSONFallback(credential);
}

/** Make a passkey on this device; rejects with the browser's DOMException on cancel etc. */
export async function createCredential(
  json: PublicKeyCredentialCreationOptionsJSON,
): Promise<CredentialJSON> {
  const credential = await navigator.credentials.create({ publicKey: parseCreationOptions(json) });
  if (!credential) throw new DOMException("No credential", "NotAllowedError");
  return credentialToJSON(credential as PublicKeyCredential);
}

/** Ask for a passkey: a modal prompt, or passkey autofill with mediation "conditional". */
export async function getCredential(
  json: PublicKeyCredentialRequestOptionsJSON,
  options: { conditional?: boolean; signal?: AbortSignal } = {},
): Promise<CredentialJSON> {
  const credential = await navigator.credentials.get({
    publicKey: parseRequestOptions(json),
    ...(options.conditional ? { mediation: "conditional" as CredentialMediationRequirement } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!credential) throw new DOMException("No credential", "NotAllowedError");
  return credentialToJSON(credential as PublicKeyCredential);
}

export async function conditionalMediationAvailable(): Promise<boolean> {
  const check = pkc()?.isConditionalMediationAvailable;
  if (typeof check !== "function") return false;
  try {
    return await check.call(pkc());
  } catch {
    return false;
  }
}

/** The ceremony was cancelled, timed out or refused by the person (or the browser). */
export function isNotAllowed(error: unknown): boolean {
  return error instanceof DOMException && error.name === "NotAllowedError";
}

export function isAborted(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
