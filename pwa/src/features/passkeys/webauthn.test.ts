import { afterEach, describe, expect, it, vi } from "vitest";
import {
  creationOptionsJSON as creationJSON,
  fakeAssertion,
  fakeAttestation,
  notAllowed,
  requestOptionsJSON as requestJSON,
} from "../../test/fakeCredentials";
import { fromBase64url, toBase64url } from "./base64url";
import {
  conditionalMediationAvailable,
  createCredential,
  credentialToJSON,
  getCredential,
  isNotAllowed,
  parseCreationOptions,
  parseRequestOptions,
} from "./webauthn";

afterEach(() => {
  vi.unstubAllGlobals();
});

const decode = (buffer: BufferSource) =>
  new TextDecoder().decode(buffer instanceof ArrayBuffer ? buffer : buffer.buffer);

describe("options parsing fallback (no parse*FromJSON in this browser)", () => {
  it("turns the base64url fields of creation options into bytes", () => {
    const options = parseCreationOptions(creationJSON);
    expect(decode(options.challenge)).toBe("challenge-123");
    expect(decode(options.user.id)).toBe("user-1");
    expect(options.user.name).toBe("aino.virtanen@example.fi");
    expect(options.rp).toEqual({ id: "localhost", name: "Asukasportaali" });
    expect(options.pubKeyCredParams).toHaveLength(2);
    expect(options.authenticatorSelection?.userVerification).toBe("required");
    expect(options.attestation).toBe("none");
    const excluded = options.excludeCredentials?.[0];
    expect([...new Uint8Array(excluded?.id as ArrayBuffer)]).toEqual([1, 2, 3]);
    expect(excluded?.transports).toEqual(["internal"]);
    expect("hints" in options).toBe(false);
  });

  it("turns the challenge of request options into bytes, keeping the rest", () => {
    const options = parseRequestOptions(requestJSON);
    expect([...new Uint8Array(options.challenge as ArrayBuffer)]).toEqual([0, 1, 2, 255]);
    expect(options.rpId).toBe("localhost");
    expect(options.userVerification).toBe("required");
    expect(options.allowCredentials).toEqual([]);
  });
});

describe("options parsing with the browser's own helpers", () => {
  it("prefers PublicKeyCredential.parse*OptionsFromJSON where they exist", () => {
    const parsedCreation = { marker: "native-creation" };
    const parsedRequest = { marker: "native-request" };
    const native = {
      parseCreationOptionsFromJSON: vi.fn(() => parsedCreation),
      parseRequestOptionsFromJSON: vi.fn(() => parsedRequest),
    };
    vi.stubGlobal("PublicKeyCredential", native);
    expect(parseCreationOptions(creationJSON)).toBe(parsedCreation);
    expect(parseRequestOptions(requestJSON)).toBe(parsedRequest);
    expect(native.parseCreationOptionsFromJSON).toHaveBeenCalledWith(creationJSON);
  });
});

describe("credential to JSON fallback", () => {
  it("builds RegistrationResponseJSON", () => {
    const json = credentialToJSON(fakeAttestation());
    expect(json).toEqual({
      id: "AQID",
      rawId: "AQID",
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: { credProps: { rk: true } },
      response: {
        clientDataJSON: toBase64url(new TextEncoder().encode('{"type":"webauthn.create"}')),
        attestationObject: "owE",
        transports: ["internal"],
      },
    });
  });

  it("builds AuthenticationResponseJSON", () => {
    const json = credentialToJSON(fakeAssertion());
    const response = json.response as Record<string, string>;
    expect(response.authenticatorData).toBe("CQk");
    expect(response.signature).toBe("-_8");
    expect(new TextDecoder().decode(fromBase64url(response.userHandle ?? ""))).toBe("user-1");
    expect(response.attestationObject).toBeUndefined();
  });

  it("uses credential.toJSON() where the browser has it", () => {
    const credential = { ...fakeAssertion(), toJSON: () => ({ id: "from-browser" }) };
    expect(credentialToJSON(credential as unknown as PublicKeyCredential)).toEqual({
      id: "from-browser",
    });
  });
});

describe("ceremonies", () => {
  it("create() gets parsed options; its result comes back as JSON", async () => {
    const create = vi.fn().mockResolvedValue(fakeAttestation());
    vi.stubGlobal("navigator", { credentials: { create } });
    const json = await createCredential(creationJSON);
    const publicKey = create.mock.calls[0]?.[0].publicKey as PublicKeyCredentialCreationOptions;
    expect(decode(publicKey.challenge)).toBe("challenge-123");
    expect(json.rawId).toBe("AQID");
  });

  it("get() passes mediation 'conditional' and the abort signal for autofill", async () => {
    const get = vi.fn().mockResolvedValue(fakeAssertion());
    vi.stubGlobal("navigator", { credentials: { get } });
    const controller = new AbortController();
    await getCredential(requestJSON, { conditional: true, signal: controller.signal });
    expect(get.mock.calls[0]?.[0].mediation).toBe("conditional");
    expect(get.mock.calls[0]?.[0].signal).toBe(controller.signal);
    await getCredential(requestJSON);
    expect(get.mock.calls[1]?.[0].mediation).toBeUndefined();
  });

  it("a cancelled prompt is recognised as NotAllowedError", async () => {
    const error = notAllowed();
    vi.stubGlobal("navigator", { credentials: { create: vi.fn().mockRejectedValue(error) } });
    const caught = await createCredential(creationJSON).catch((e) => e);
    expect(isNotAllowed(caught)).toBe(true);
  });

  it("conditional mediation is off without the browser API or when it says no", async () => {
    expect(await conditionalMediationAvailable()).toBe(false);
    vi.stubGlobal("PublicKeyCredential", { isConditionalMediationAvailable: async () => false });
    expect(await conditionalMediationAvailable()).toBe(false);
    vi.stubGlobal("PublicKeyCredential", { isConditionalMediationAvailable: async () => true });
    expect(await conditionalMediationAvailable()).toBe(true);
  });
});
