// @vitest-environment happy-dom

import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindDocumentLanguage, language } from "../../state/language";
import { currentPath, navigate } from "../../state/route";
import {
  applySession,
  currentPrincipal,
  installSessionGuard,
  signedOutNotice,
} from "../../state/session";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { resetApp } from "../../test/reset";
import { resident, signedIn, signedOut, staff } from "../../test/sessions";
import { ShellApp } from "./ShellApp";

let unbind: () => void = () => undefined;
beforeEach(() => {
  setCookie("portal_csrf", "s");
  unbind = bindDocumentLanguage(document);
});
afterEach(() => {
  unbind();
  resetApp();
});

const h1s = () => screen.getAllByRole("heading", { level: 1 });

describe("screens by path and session", () => {
  it("signed out at /: the landing page with the emergency hint", () => {
    applySession(signedOut());
    fakeApi({});
    render(<ShellApp />);
    expect(screen.getByTestId("signin-passkey")).toBeTruthy();
    expect(screen.getByTestId("emergency-hint")).toBeTruthy();
    expect(h1s()).toHaveLength(1);
    expect(document.title).toBe("Kirjaudu sisään – Asukasportaali");
  });

  it("signed in at /: the home screen in the resident's language", () => {
    applySession(signedIn());
    render(<ShellApp />);
    expect(screen.getByTestId("home-greeting").textContent).toBe("Hej Aino!");
    expect(h1s()).toHaveLength(1);
    const list = screen.getByTestId("home-list");
    expect(list.textContent).toContain("Gårdsbackavägen 12, A 12");
    const future = screen.getByTestId("home-lease-2");
    expect(future.textContent).toContain("Hyresavtalet börjar 1 september 2026");
    expect(future.textContent).not.toContain("Vuosaaren Ranta");
    expect(screen.getByTestId("settings-link").getAttribute("href")).toBe("/settings");
    expect(document.title).toBe("Startsida – Invånarportalen");
    expect(document.documentElement.lang).toBe("sv");
  });

  it("staff at /: signed in as staff, and sign out", () => {
    applySession(signedIn(staff));
    render(<ShellApp />);
    expect(screen.getByTestId("home-greeting").textContent).toBe(
      "Olet kirjautunut henkilökuntana: Kaisa Virtanen",
    );
    expect(screen.getByTestId("signout")).toBeTruthy();
    expect(screen.queryByTestId("home-list")).toBeNull();
    expect(screen.queryByTestId("settings-link")).toBeNull();
  });

  it("the settings link opens settings without a reload and focuses its heading", async () => {
    applySession(signedIn({ ...resident, language: "fi" }));
    fakeApi({ "GET /api/me/passkeys": json(200, []) });
    render(<ShellApp />);
    fireEvent.click(screen.getByTestId("settings-link"));
    expect(currentPath.value).toBe("/settings");
    await screen.findByTestId("passkey-list");
    const heading = h1s()[0];
    expect(heading?.textContent).toBe("Asetukset");
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe("Asetukset – Asukasportaali");
  });

  it("signed out at /settings: back to the landing page", async () => {
    applySession(signedOut());
    fakeApi({});
    navigate("/settings");
    render(<ShellApp />);
    await waitFor(() => expect(currentPath.value).toBe("/"));
    expect(screen.getByTestId("signin-passkey")).toBeTruthy();
  });

  it("/register and /recover show the two ways to identify", () => {
    applySession(signedOut());
    navigate("/recover");
    render(<ShellApp />);
    expect(h1s()[0]?.textContent).toBe("Kadonnut pääsyavain?");
    expect(screen.getByTestId("strong-auth-start")).toBeTruthy();
    expect(screen.getByTestId("office-code-input").getAttribute("autocomplete")).toBe(
      "one-time-code",
    );
  });

  it("an unknown path says so, with one h1", () => {
    applySession(signedOut());
    navigate("/nope");
    render(<ShellApp />);
    expect(h1s()).toHaveLength(1);
    expect(h1s()[0]?.textContent).toBe("Sivua ei löytynyt");
  });

  it("a 401 in settings ends the session: landing page with 'please sign in again'", async () => {
    installSessionGuard();
    applySession(signedIn({ ...resident, language: "fi" }));
    fakeApi({
      "GET /api/me/passkeys": problem(401, "Kirjaudu sisään", "Istunto on päättynyt."),
      "GET /api/session": json(200, signedOut()),
    });
    navigate("/settings");
    render(<ShellApp />);
    expect((await screen.findByTestId("signed-out-notice")).textContent).toBe(
      "Istuntosi on päättynyt. Kirjaudu sisään uudelleen.",
    );
    expect(currentPath.value).toBe("/");
    expect(signedOutNotice.value).toBe("expired");
  });
});

describe("settings", () => {
  beforeEach(() => {
    applySession(signedIn({ ...resident, language: "fi" }));
    navigate("/settings");
  });

  it("saving a new language switches the UI to it", async () => {
    const api = fakeApi({
      "GET /api/me/passkeys": json(200, []),
      "PATCH /api/me": json(200, signedIn({ ...resident, language: "en" })),
    });
    render(<ShellApp />);
    fireEvent.change(screen.getByTestId("contact-language"), { target: { value: "en" } });
    fireEvent.click(screen.getByTestId("contact-submit"));
    await waitFor(() => expect(language.value).toBe("en"));
    expect(api.calls.find((c) => c.method === "PATCH")?.body).toEqual({
      email: "aino.virtanen@example.fi",
      phone: "+358 40 000 0000",
      language: "en",
    });
    expect(h1s()[0]?.textContent).toBe("Settings");
  });

  it("sign out and sign out everywhere call their endpoints and go to the landing page", async () => {
    const api = fakeApi({
      "GET /api/me/passkeys": json(200, []),
      "POST /api/auth/logout-everywhere": { status: 204 },
      "GET /api/session": json(200, signedOut()),
    });
    render(<ShellApp />);
    fireEvent.click(screen.getByTestId("signout-everywhere"));
    await waitFor(() => expect(currentPath.value).toBe("/"));
    expect(api.writes()).toEqual(["POST /api/auth/logout-everywhere"]);
    expect(currentPrincipal()).toBeNull();
    expect(screen.getByTestId("signed-out-notice").textContent).toBe("Olet kirjautunut ulos.");
  });

  it("password: too short stays in the browser; a long one is PUT", async () => {
    const api = fakeApi({
      "GET /api/me/passkeys": json(200, []),
      "PUT /api/me/password": { status: 204 },
      "GET /api/session": json(
        200,
        signedIn({ ...resident, language: "fi", passwordEnabled: true }),
      ),
    });
    render(<ShellApp />);
    const input = screen.getByTestId("password-new");
    expect(input.getAttribute("autocomplete")).toBe("new-password");
    fireEvent.input(input, { target: { value: "lyhyt" } });
    fireEvent.click(screen.getByTestId("password-enable"));
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(api.writes()).toEqual([]);

    fireEvent.input(input, { target: { value: "korvapuusti ja kahvi" } });
    fireEvent.click(screen.getByTestId("password-enable"));
    await screen.findByTestId("password-change");
    expect(api.writes()).toEqual(["PUT /api/me/password"]);
    expect(api.calls.find((c) => c.method === "PUT")?.body).toEqual({
      password: "korvapuusti ja kahvi",
    });
    expect(screen.getByTestId("password-disable")).toBeTruthy();
  });
});
