// @vitest-environment happy-dom

import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { language } from "../../state/language";
import { currentPath } from "../../state/route";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { fakeAssertion, requestOptionsJSON } from "../../test/fakeCredentials";
import { resident, signedIn } from "../../test/sessions";
import { initStaffLanguage, STAFF_LANGUAGE_KEY } from "../i18n/language";
import { admin, customerService, editor, renderConsole, resetConsole } from "../test/staffTestkit";
import { categories } from "../tickets/ticketsTestkit";
import { applyStaffSession, currentStaff, loadStaffSession } from "./session";

const queueRoutes = {
  "GET /api/staff/tickets": json(200, { items: [], total: 0 }),
  "GET /api/tickets/categories": json(200, categories),
  "GET /api/staff/regions": json(200, []),
  "GET /api/staff/users": json(200, []),
};

const h1 = () => screen.getByRole("heading", { level: 1 }).textContent;
const navLinks = () =>
  within(screen.getByTestId("staff-nav"))
    .getAllByRole("link")
    .map((a) => a.textContent);

beforeEach(() => setCookie("portal_csrf", "csrf-a"));
afterEach(resetConsole);

describe("the console's gate", () => {
  it("signed out: the passkey sign-in, then the screen asked for, on the same path", async () => {
    const get = vi.fn().mockResolvedValue(fakeAssertion());
    vi.stubGlobal("navigator", { ...navigator, credentials: { get } });
    const api = fakeApi({
      ...queueRoutes,
      "POST /api/auth/passkey/options": json(200, requestOptionsJSON),
      "POST /api/auth/passkey": json(200, signedIn(customerService)),
    });
    renderConsole("/staff/tickets?overdue=true", null);
    expect(h1()).toBe("Henkilökunnan kirjautuminen");
    expect(screen.queryByTestId("staff-nav")).toBeNull();
    fireEvent.click(screen.getByTestId("staff-signin-passkey"));

    await waitFor(() => expect(h1()).toBe("Vikailmoitukset"));
    expect(currentPath.value).toBe("/staff/tickets");
    expect(location.search).toBe("?overdue=true");
    expect(get).toHaveBeenCalledOnce();
    expect(api.writes()).toEqual(["POST /api/auth/passkey/options", "POST /api/auth/passkey"]);
    expect(screen.getByTestId("staff-user-name").textContent).toBe("Kirjautunut: Kaisa Virtanen");
    expect(screen.getByTestId("staff-user-roles").textContent).toContain("asiakaspalvelu");
  });

  it("a resident's session: 'this console is for staff' and a link to the resident app", async () => {
    renderConsole("/staff/tickets", null);
    applyStaffSession(signedIn(resident));
    expect(await screen.findByTestId("staff-resident-only")).toBeTruthy();
    expect(h1()).toBe("Tämä konsoli on henkilökunnalle");
    expect(screen.getByTestId("staff-to-resident-app").getAttribute("href")).toBe("/");
    expect(screen.queryByTestId("staff-nav")).toBeNull();
  });

  it("a 401 on any call ends the session: back to the login, told why", async () => {
    fakeApi({
      ...queueRoutes,
      "GET /api/staff/tickets": problem(401, "Kirjaudu", "Istunto päättyi."),
    });
    renderConsole("/staff/tickets");
    await waitFor(() => expect(h1()).toBe("Henkilökunnan kirjautuminen"));
    expect(screen.getByTestId("staff-signed-out-notice").textContent).toBe(
      "Istuntosi on päättynyt. Kirjaudu uudelleen.",
    );
    expect(currentStaff()).toBeNull();
    expect(currentPath.value).toBe("/staff/tickets");
  });

  it("signing out asks the server and shows the login", async () => {
    const api = fakeApi({ ...queueRoutes, "POST /api/auth/logout": { status: 204 } });
    renderConsole("/staff/tickets");
    fireEvent.click(screen.getByTestId("staff-signout"));
    await waitFor(() => expect(h1()).toBe("Henkilökunnan kirjautuminen"));
    expect(api.writes()).toEqual(["POST /api/auth/logout"]);
    expect(screen.getByTestId("staff-signed-out-notice").textContent).toBe(
      "Olet kirjautunut ulos.",
    );
  });
});

describe("roles decide the sections", () => {
  it("customer service: tickets, messages, occupant changes, office; /staff opens tickets", async () => {
    fakeApi(queueRoutes);
    renderConsole("/staff", customerService);
    await waitFor(() => expect(currentPath.value).toBe("/staff/tickets"));
    expect(navLinks()).toEqual([
      "Vikailmoitukset",
      "Viestit",
      "Asukasmuutokset",
      "Rekisteröinti toimistolla",
    ]);
    const current = screen.getByTestId("staff-nav").querySelector("[aria-current='page']");
    expect(current?.textContent).toBe("Vikailmoitukset");
  });

  it("an editor sees news and property info, and no access to tickets", () => {
    fakeApi({});
    renderConsole("/staff/tickets", editor);
    expect(navLinks()).toEqual(["Tiedotteet", "Kiinteistöjen tiedot"]);
    expect(h1()).toBe("Ei käyttöoikeutta");
  });

  it("only admins get the audit log", () => {
    fakeApi(queueRoutes);
    renderConsole("/staff/audit", admin);
    expect(navLinks()).toContain("Lokitiedot");
    expect(h1()).toBe("Lokitiedot");
  });

  it("an unknown path: not found, with a way back", () => {
    fakeApi({});
    renderConsole("/staff/nothing-here", customerService);
    expect(h1()).toBe("Sivua ei löytynyt");
    expect(screen.getByRole("link", { name: "Konsolin etusivulle" }).getAttribute("href")).toBe(
      "/staff",
    );
  });
});

describe("language", () => {
  it("a reload keeps the language chosen here; signing in takes the user's own", async () => {
    localStorage.setItem(STAFF_LANGUAGE_KEY, "en");
    initStaffLanguage();
    fakeApi({
      ...queueRoutes,
      "GET /api/session": json(200, signedIn(customerService)), // the profile says fi
      "POST /api/auth/passkey/options": json(200, requestOptionsJSON),
      "POST /api/auth/passkey": json(200, signedIn({ ...customerService, language: "sv" })),
    });
    await loadStaffSession();
    expect(language.value).toBe("en");
    renderConsole("/staff/tickets", null);
    vi.stubGlobal("navigator", {
      ...navigator,
      credentials: { get: vi.fn().mockResolvedValue(fakeAssertion()) },
    });
    fireEvent.click(screen.getByTestId("staff-signin-passkey"));
    await waitFor(() => expect(h1()).toBe("Felanmälningar"));
  });

  it("switches fi → sv → en and is remembered", () => {
    fakeApi(queueRoutes);
    renderConsole("/staff/tickets");
    fireEvent.click(screen.getByTestId("staff-language-sv"));
    expect(h1()).toBe("Felanmälningar");
    expect(document.documentElement.lang).toBe("sv");
    expect(document.title).toBe("Felanmälningar – Invånarportalen – personal");
    fireEvent.click(screen.getByTestId("staff-language-en"));
    expect(screen.getByTestId("staff-signout").textContent).toBe("Sign out");
    expect(screen.getByTestId("staff-language-en").getAttribute("aria-pressed")).toBe("true");
    expect(localStorage.getItem(STAFF_LANGUAGE_KEY)).toBe("en");
    expect(language.value).toBe("en");
  });
});
