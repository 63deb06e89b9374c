// @vitest-environment happy-dom

import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RegistrationState } from "../../api/types";
import { bindDocumentLanguage, language } from "../../state/language";
import { currentPath, navigations } from "../../state/route";
import { currentPrincipal } from "../../state/session";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { creationOptionsJSON, fakeAttestation, notAllowed } from "../../test/fakeCredentials";
import { resetApp } from "../../test/reset";
import { signedIn } from "../../test/sessions";
import contactBeforeStart from "./fixtures/contact-before-start.json";
import contactEligible from "./fixtures/contact-eligible.json";
import done from "./fixtures/done.json";
import failed from "./fixtures/failed.json";
import none from "./fixtures/none.json";
import passkey from "./fixtures/passkey.json";
import passkeyRecovery from "./fixtures/passkey-recovery.json";
import refusedLeaseEnded from "./fixtures/refused-lease-ended.json";
import refusedNotInRegister from "./fixtures/refused-not-in-register.json";
import refusedUnder18 from "./fixtures/refused-under-18.json";
import { RegistrationContinueScreen } from "./RegistrationContinueScreen";

const state = (fixture: unknown) => fixture as RegistrationState;

function showing(fixture: unknown, extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ "GET /api/registration": json(200, fixture), ...extra });
  render(<RegistrationContinueScreen />);
  return api;
}

const heading = () => screen.getByRole("heading", { level: 1 });

let unbind: () => void = () => undefined;
beforeEach(() => {
  setCookie("portal_csrf", "csrf-1");
  currentPath.value = "/register/continue";
  unbind = bindDocumentLanguage(document);
});
afterEach(() => {
  unbind();
  resetApp();
});

describe("RegistrationContinueScreen", () => {
  it("failed: the server's title and detail in a focused alert, and try again", async () => {
    navigations.value = 1; // arrived by an in-app navigation: the alert still gets the focus
    showing(failed);
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain(state(failed).problem?.title);
    expect(alert.textContent).toContain(state(failed).problem?.detail);
    await waitFor(() => expect(document.activeElement?.getAttribute("role")).toBe("alert"));
    expect(screen.getByTestId("registration-try-again").getAttribute("href")).toBe("/register");
    expect(heading().textContent).toBe("Tunnistautuminen ei onnistunut");
    expect(document.title).toBe("Tunnistautuminen ei onnistunut – Asukasportaali");
  });

  it("refused, not in the register: the problem and how to reach customer service", async () => {
    showing(refusedNotInRegister);
    const box = await screen.findByTestId("registration-refused");
    expect(box.textContent).toContain("Et ole asukasrekisterissä");
    expect(box.textContent).toContain("Emme löytäneet sinua asukasrekisteristä.");
    expect(document.body.textContent).toContain("Ota yhteyttä asiakaspalveluun");
    expect(screen.queryByTestId("contact-email")).toBeNull();
  });

  it("refused, under 18: its own guidance", async () => {
    showing(refusedUnder18);
    expect((await screen.findByTestId("refused-help")).textContent).toContain("18 vuotta");
  });

  it("refused, lease ended, without a problem: our own title for the outcome", async () => {
    showing(refusedLeaseEnded);
    const box = await screen.findByTestId("registration-refused");
    expect(box.textContent).toContain("Vuokrasopimuksesi on päättynyt");
    expect(box.getAttribute("data-outcome")).toBe("lease_ended");
  });

  it("contact: prefilled form; sending it posts the details and shows the next step", async () => {
    const api = showing(contactEligible, {
      "POST /api/registration/contact": json(200, passkey),
    });
    const email = (await screen.findByTestId("contact-email")) as HTMLInputElement;
    expect(email.value).toBe("aino.virtanen@example.fi");
    expect(email.getAttribute("autocomplete")).toBe("email");
    const phone = screen.getByTestId("contact-phone") as HTMLInputElement;
    expect(phone.value).toBe("+358 40 000 0000");
    expect(phone.getAttribute("autocomplete")).toBe("tel");
    expect((screen.getByTestId("contact-language") as HTMLSelectElement).value).toBe("fi");
    expect(screen.getByTestId("registration-person").textContent).toContain("Aino");
    expect(screen.queryByTestId("lease-starts")).toBeNull();

    fireEvent.input(email, { target: { value: "aino@example.fi" } });
    fireEvent.change(screen.getByTestId("contact-language"), { target: { value: "en" } });
    fireEvent.click(screen.getByTestId("contact-submit"));

    await screen.findByTestId("passkey-create");
    const post = api.calls.find((c) => c.method === "POST");
    expect(post?.path).toBe("/api/registration/contact");
    expect(post?.body).toEqual({
      email: "aino@example.fi",
      phone: "+358 40 000 0000",
      language: "en",
    });
    expect(post?.headers["X-CSRF-Token"]).toBe("csrf-1");
  });

  it("contact, before the lease starts: shows the start date", async () => {
    showing(contactBeforeStart);
    expect((await screen.findByTestId("lease-starts")).textContent).toContain("1. syyskuuta 2026");
    expect((screen.getByTestId("contact-language") as HTMLSelectElement).value).toBe("sv");
  });

  it("contact: field errors from the problem are tied to their inputs", async () => {
    showing(contactEligible, {
      "POST /api/registration/contact": problem(
        422,
        "Tarkista tiedot",
        "Yksi kenttä on virheellinen.",
        {
          errors: [{ field: "phone", message: "Puhelinnumero ei kelpaa." }],
        },
      ),
    });
    fireEvent.click(await screen.findByTestId("contact-submit"));
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Tarkista tiedot");
    const phone = screen.getByTestId("contact-phone");
    expect(phone.getAttribute("aria-invalid")).toBe("true");
    const describedBy = phone.getAttribute("aria-describedby") ?? "";
    const messages = describedBy.split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain("Puhelinnumero ei kelpaa.");
    expect(screen.getByTestId("contact-email").getAttribute("aria-invalid")).toBeNull();
  });

  it("passkey: creates one, signs in and goes home in the person's language", async () => {
    const session = signedIn();
    const api = showing(passkey, {
      "POST /api/registration/passkey/options": json(200, creationOptionsJSON),
      "POST /api/registration/passkey": json(200, session),
    });
    const create = vi.fn().mockResolvedValue(fakeAttestation());
    vi.stubGlobal("navigator", { ...navigator, credentials: { create } });

    fireEvent.input(await screen.findByTestId("passkey-name"), { target: { value: " Puhelin " } });
    fireEvent.click(screen.getByTestId("passkey-create"));

    await waitFor(() => expect(currentPath.value).toBe("/"));
    expect(create).toHaveBeenCalledOnce();
    const finish = api.calls.find((c) => c.path === "/api/registration/passkey");
    expect(finish?.body).toMatchObject({ name: "Puhelin", credential: { rawId: "AQID" } });
    expect(currentPrincipal()?.id).toBe(session.principal?.id);
    expect(language.value).toBe("sv");
  });

  it("passkey: a cancelled prompt gets our friendly message, not the exception text", async () => {
    showing(passkey, {
      "POST /api/registration/passkey/options": json(200, creationOptionsJSON),
    });
    vi.stubGlobal("navigator", {
      ...navigator,
      credentials: { create: vi.fn().mockRejectedValue(notAllowed()) },
    });
    fireEvent.click(await screen.findByTestId("passkey-create"));
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Pääsyavainta ei käytetty");
    expect(alert.textContent).not.toContain("timed out or was not allowed");
    expect(currentPath.value).toBe("/register/continue");
    expect(currentPrincipal()).toBeNull();
  });

  it("passkey, recovery: says so", async () => {
    showing(passkeyRecovery);
    await screen.findByTestId("passkey-create");
    expect(document.body.textContent).toContain("Luo uusi pääsyavain");
  });

  it("done: loads the session and goes home", async () => {
    showing(done, { "GET /api/session": json(200, signedIn()) });
    await waitFor(() => expect(currentPath.value).toBe("/"));
    expect(currentPrincipal()?.kind).toBe("resident");
  });

  it("none: offers to start registering", async () => {
    showing(none);
    expect(await screen.findByTestId("registration-none")).toBeTruthy();
    expect(screen.getByTestId("register-link").getAttribute("href")).toBe("/register");
  });

  it("a failed load shows the problem and a retry", async () => {
    fakeApi({
      "GET /api/registration": [
        problem(503, "Palvelu ei ole käytettävissä", "Yritä hetken päästä."),
        json(200, none),
      ],
    });
    render(<RegistrationContinueScreen />);
    expect((await screen.findByTestId("error-alert")).textContent).toContain(
      "Yritä hetken päästä.",
    );
    fireEvent.click(screen.getByTestId("continue-retry"));
    expect(await screen.findByTestId("registration-none")).toBeTruthy();
  });
});
