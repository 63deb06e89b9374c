// @vitest-environment happy-dom

import { afterEach, describe, expect, it } from "vitest";
import { apiRequest } from "../api/client";
import { setCookie } from "../test/cookies";
import { fakeApi, json, problem } from "../test/fakeApi";
import { resetApp } from "../test/reset";
import { resident, signedIn, signedOut, staff } from "../test/sessions";
import { language } from "./language";
import { currentPath } from "./route";
import {
  applySession,
  currentPrincipal,
  installSessionGuard,
  loadSession,
  sessionState,
  signedOutNotice,
} from "./session";

afterEach(resetApp);

describe("session state", () => {
  it("switches the UI to the signed-in person's language, and asks the API in it", async () => {
    expect(language.value).toBe("fi");
    applySession(signedIn({ ...resident, language: "sv" }));
    expect(language.value).toBe("sv");
    const api = fakeApi({ "GET /api/me/passkeys": json(200, []) });
    await apiRequest("GET", "/api/me/passkeys");
    expect(api.calls[0]?.headers["Accept-Language"]).toBe("sv");
    applySession(signedIn(staff));
    expect(language.value).toBe("fi");
  });

  it("keeps the chosen language while signed out", () => {
    language.value = "en";
    applySession(signedOut());
    expect(language.value).toBe("en");
  });

  it("loads the session, or keeps the problem when that fails", async () => {
    fakeApi({ "GET /api/session": json(200, signedIn()) });
    await loadSession();
    expect(currentPrincipal()?.kind).toBe("resident");
    fakeApi({ "GET /api/session": problem(503, "Huoltokatko", "Palvelu palaa pian.") });
    await loadSession();
    const state = sessionState.value;
    expect(state.status).toBe("error");
    expect(state.status === "error" && state.problem.title).toBe("Huoltokatko");
  });

  it("offline, the resident who was signed in on this device opens on their saved data", async () => {
    fakeApi({ "GET /api/session": json(200, signedIn()) });
    await loadSession();
    const offline = () => {
      throw new TypeError("Failed to fetch");
    };
    fakeApi({ "GET /api/session": offline });
    await loadSession();
    expect(sessionState.value.status).toBe("ready");
    expect(currentPrincipal()?.kind === "resident" && currentPrincipal()?.id).toBe(resident.id);
    // A server error is not "offline": the problem shows.
    fakeApi({ "GET /api/session": problem(503, "Huoltokatko", "Palvelu palaa pian.") });
    await loadSession();
    expect(sessionState.value.status).toBe("error");
  });

  it("signed out, nothing is remembered: offline shows the problem", async () => {
    fakeApi({ "GET /api/session": json(200, signedIn()) });
    await loadSession();
    applySession(signedOut());
    fakeApi({
      "GET /api/session": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await loadSession();
    expect(sessionState.value.status).toBe("error");
  });

  it("a 401 while signed in ends the session with a polite notice", async () => {
    installSessionGuard();
    applySession(signedIn());
    currentPath.value = "/settings";
    fakeApi({
      "GET /api/me/passkeys": problem(401, "Kirjaudu sisään", "Istunto on päättynyt."),
      "GET /api/session": json(200, signedOut(true)),
    });
    await apiRequest("GET", "/api/me/passkeys").catch(() => undefined);
    expect(currentPrincipal()).toBeNull();
    expect(currentPath.value).toBe("/");
    expect(signedOutNotice.value).toBe("expired");
  });

  it("a 401 while signed out (a wrong password) is only that call's problem", async () => {
    installSessionGuard();
    applySession(signedOut(true));
    currentPath.value = "/";
    fakeApi({ "POST /api/auth/password": problem(401, "Väärä salasana", "Tarkista.") });
    setCookie("portal_csrf", "x");
    await apiRequest("POST", "/api/auth/password", {}).catch(() => undefined);
    expect(signedOutNotice.value).toBeNull();
  });
});
