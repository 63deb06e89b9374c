/** Test helper: what an authenticator would hand back, without a browser. */

export const creationOptionsJSON: PublicKeyCredentialCreationOptionsJSON = {
  rp: { id: "localhost", name: "Asukasportaali" },
  user: { id: "dXNlci0x", name: "aino.virtanen@example.fi", displayName: "Aino Virtanen" },
  challenge: "Y2hhbGxlbmdlLTEyMw",
  pubKeyCredParams: [
    { type: "public-key", alg: -7 },
    { type: "public-key", alg: -257 },
  ],
  timeout: 60000,
  excludeCredentials: [{ id: "AQID", type: "public-key", transports: ["internal"] }],
  authenticatorSelection: { residentKey: "required", userVerification: "required" },
  attestation: "none",
  hints: ["client-device"],
};

export const requestOptionsJSON: PublicKeyCredentialRequestOptionsJSON = {
  challenge: "AAEC_w",
  rpId: "localhost",
  timeout: 60000,
  userVerification: "required",
  allowCredentials: [],
};

export function fakeAttestation(): PublicKeyCredential {
  return {
    id: "AQID",
    rawId: new Uint8Array([1, 2, 3]).buffer,
    type: "public-key",
    authenticatorAttachment: "platform",
    getClientExtensionResults: () => ({ credProps: { rk: true } }),
    response: {
      clientDataJSON: new TextEncoder().encode('{"type":"webauthn.create"}').buffer,
      attestationObject: new Uint8Array([0xa3, 0x01]).buffer,
      getTransports: () => ["internal"],
    },
  } as unknown as PublicKeyCredential;
}

export function fakeAssertion(): PublicKeyCredential {
  return {
    id: "AQID",
    rawId: new Uint8Array([1, 2, 3]).buffer,
    type: "public-key",
    authenticatorAttachment: null,
    getClientExtensionResults: () => ({}),
    response: {
      clientDataJSON: new TextEncoder().encode('{"type":"webauthn.get"}').buffer,
      authenticatorData: new Uint8Array([9, 9]).buffer,
      signature: new Uint8Array([0xfb, 0xff]).buffer,
      userHandle: new TextEncoder().encode("user-1").buffer,
    },
  } as unknown as PublicKeyCredential;
}

export function notAllowed(): DOMException {
  return new DOMException("The operation either timed out or was not allowed.", "NotAllowedError");
}
