// @vitest-environment happy-dom

import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { currentPrincipal, signedOutNotice } from "../../state/session";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { fakeAssertion, notAllowed, requestOptionsJSON } from "../../test/fakeCredentials";
import { resetApp } from "../../test/reset";
import { signedIn } from "../../test/sessions";
import { LandingScreen } from "./LandingScreen";

type GetOptions = CredentialRequestOptions & { mediation?: string };

/** navigator.credentials.get: conditional requests wait until aborted; modal ones answer. */
function fakeCredentials(modal: () => Promise<Credential>) {
  const get = vi.fn((options: GetOptions) => {
    if (options.mediation !== "conditional") return modal();
    return new Promise<Credential>((_, reject) => {
      options.signal?.addEventListener("abort", () =>
        reject(new DOMException("aborted", "AbortError")),
      );
    });
  });
  vi.stubGlobal("navigator", { ...navigator, credentials: { get } });
  vi.stubGlobal("PublicKeyCredential", { isConditionalMediationAvailable: async () => true });
  return get;
}

const conditionalCalls = (get: ReturnType<typeof fakeCredentials>) =>
  get.mock.calls.filter(([options]) => options.mediation === "conditional");

/** The abort signal of the first autofill request. */
const autofillSignal = (get: ReturnType<typeof fakeCredentials>) =>
  conditionalCalls(get)[0]?.[0].signal ?? new AbortController().signal;

beforeEach(() => {
  setCookie("portal_csrf", "c");
});
afterEach(resetApp);

describe("LandingScreen", () => {
  it("offers passkey sign-in, autofill, register and recovery; no password without the flag", () => {
    fakeApi({});
    render(<LandingScreen passwordLoginAvailable={false} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Tervetuloa asukassivuille");
    expect(screen.getByTestId("signin-passkey").textContent).toBe("Kirjaudu sisään pääsyavaimella");
    expect(screen.getByTestId("signin-email").getAttribute("autocomplete")).toBe(
      "username webauthn",
    );
    expect(screen.queryByTestId("signin-password")).toBeNull();
    expect(screen.getByTestId("register-link").getAttribute("href")).toBe("/register");
    expect(screen.getByTestId("recover-link").textContent).toBe("Kadonnut pääsyavain?");
    expect(screen.getByTestId("recover-link").getAttribute("href")).toBe("/recover");
  });

  it("signs in with email and password where the server allows it", async () => {
    const api = fakeApi({ "POST /api/auth/password": json(200, signedIn()) });
    render(<LandingScreen passwordLoginAvailable />);
    const password = screen.getByTestId("signin-password");
    expect(password.getAttribute("autocomplete")).toBe("current-password");
    fireEvent.input(screen.getByTestId("signin-email"), { target: { value: "aino@example.fi " } });
    fireEvent.input(password, { target: { value: "pitkä ja hyvä lause" } });
    fireEvent.click(screen.getByTestId("signin-password-submit"));
    await waitFor(() => expect(currentPrincipal()?.kind).toBe("resident"));
    expect(api.calls[0]?.body).toEqual({
      email: "aino@example.fi",
      password: "pitkä ja hyvä lause",
    });
  });

  it("shows a wrong password as the server's problem", async () => {
    fakeApi({
      "POST /api/auth/password": problem(401, "Kirjautuminen ei onnistunut", "Tarkista."),
    });
    render(<LandingScreen passwordLoginAvailable />);
    fireEvent.click(screen.getByTestId("signin-password-submit"));
    expect((await screen.findByTestId("error-alert")).textContent).toContain(
      "Kirjautuminen ei onnistunut",
    );
    expect(currentPrincipal()).toBeNull();
  });

  it("starts passkey autofill on load and aborts it before the modal prompt", async () => {
    const api = fakeApi({
      "POST /api/auth/passkey/options": json(200, requestOptionsJSON),
      "POST /api/auth/passkey": json(200, signedIn()),
    });
    const get = fakeCredentials(async () => fakeAssertion());
    render(<LandingScreen passwordLoginAvailable={false} />);
    await waitFor(() => expect(conditionalCalls(get)).toHaveLength(1));
    const signal = autofillSignal(get);
    expect(signal.aborted).toBe(false);

    fireEvent.click(screen.getByTestId("signin-passkey"));
    await waitFor(() => expect(currentPrincipal()?.kind).toBe("resident"));
    expect(signal.aborted).toBe(true);
    const modal = get.mock.calls.find(([options]) => options.mediation !== "conditional");
    expect(modal).toBeTruthy();
    expect(api.calls.at(-1)?.body).toMatchObject({ credential: { rawId: "AQID" } });
  });

  it("aborts autofill when leaving the page", async () => {
    fakeApi({ "POST /api/auth/passkey/options": json(200, requestOptionsJSON) });
    const get = fakeCredentials(async () => fakeAssertion());
    const view = render(<LandingScreen passwordLoginAvailable={false} />);
    await waitFor(() => expect(conditionalCalls(get)).toHaveLength(1));
    view.unmount();
    // Preact runs effect cleanups of an unmounted tree just after it.
    await waitFor(() => expect(autofillSignal(get).aborted).toBe(true));
  });

  it("signs in when the person picks a passkey from autofill", async () => {
    const api = fakeApi({
      "POST /api/auth/passkey/options": json(200, requestOptionsJSON),
      "POST /api/auth/passkey": json(200, signedIn()),
    });
    const get = vi.fn(async () => fakeAssertion());
    vi.stubGlobal("navigator", { ...navigator, credentials: { get } });
    vi.stubGlobal("PublicKeyCredential", { isConditionalMediationAvailable: async () => true });
    render(<LandingScreen passwordLoginAvailable={false} />);
    await waitFor(() => expect(currentPrincipal()?.kind).toBe("resident"));
    expect(api.writes()).toEqual(["POST /api/auth/passkey/options", "POST /api/auth/passkey"]);
  });

  it("does not start autofill where the browser lacks conditional mediation", async () => {
    const api = fakeApi({});
    const get = vi.fn();
    vi.stubGlobal("navigator", { ...navigator, credentials: { get } });
    vi.stubGlobal("PublicKeyCredential", { isConditionalMediationAvailable: async () => false });
    render(<LandingScreen passwordLoginAvailable={false} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(get).not.toHaveBeenCalled();
    expect(api.calls).toHaveLength(0);
  });

  it("a cancelled modal prompt: friendly message; autofill again on the field's focus", async () => {
    fakeApi({ "POST /api/auth/passkey/options": json(200, requestOptionsJSON) });
    const get = fakeCredentials(() => Promise.reject(notAllowed()));
    render(<LandingScreen passwordLoginAvailable={false} />);
    await waitFor(() => expect(conditionalCalls(get)).toHaveLength(1));
    fireEvent.click(screen.getByTestId("signin-passkey"));
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Pääsyavainta ei käytetty");
    expect(conditionalCalls(get)).toHaveLength(1);
    fireEvent.focus(screen.getByTestId("signin-email"));
    await waitFor(() => expect(conditionalCalls(get)).toHaveLength(2));
    fireEvent.focus(screen.getByTestId("signin-email"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(conditionalCalls(get)).toHaveLength(2);
    expect(currentPrincipal()).toBeNull();
  });

  it("right after signing out, autofill waits for the field's focus", async () => {
    fakeApi({ "POST /api/auth/passkey/options": json(200, requestOptionsJSON) });
    const get = fakeCredentials(async () => fakeAssertion());
    signedOutNotice.value = "signedOut";
    render(<LandingScreen passwordLoginAvailable={false} />);
    expect(screen.getByTestId("signed-out-notice").textContent).toBe("Olet kirjautunut ulos.");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(get).not.toHaveBeenCalled();
    fireEvent.focus(screen.getByTestId("signin-email"));
    await waitFor(() => expect(conditionalCalls(get)).toHaveLength(1));
  });

  it("a passkey the server refuses is shown once, not retried in a loop", async () => {
    const api = fakeApi({
      "POST /api/auth/passkey/options": json(200, requestOptionsJSON),
      "POST /api/auth/passkey": problem(401, "Pääsyavainta ei tunnistettu", "Se on poistettu."),
    });
    const get = vi.fn(async () => fakeAssertion());
    vi.stubGlobal("navigator", { ...navigator, credentials: { get } });
    vi.stubGlobal("PublicKeyCredential", { isConditionalMediationAvailable: async () => true });
    render(<LandingScreen passwordLoginAvailable={false} />);
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Se on poistettu.");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.writes()).toEqual(["POST /api/auth/passkey/options", "POST /api/auth/passkey"]);
    expect(currentPrincipal()).toBeNull();
  });
});
