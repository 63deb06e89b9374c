// @vitest-environment happy-dom

import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bindDocumentLanguage } from "../../state/language";
import { currentPath, navigate } from "../../state/route";
import { applySession, currentPrincipal } from "../../state/session";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { creationOptionsJSON, fakeAttestation, notAllowed } from "../../test/fakeCredentials";
import { resetApp } from "../../test/reset";
import { resident, signedIn, signedOut, staff } from "../../test/sessions";
import { ShellApp } from "../shell/ShellApp";
import { staffEnrolToken } from "./StaffEnrolScreen";

const TOKEN = "tK9-x_0aBc";
const ENROLMENT = `/api/staff/enrolment/${TOKEN}`;
const who = { name: staff.name, email: staff.email };

function openLink(extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ [`GET ${ENROLMENT}`]: json(200, who), ...extra });
  navigate(`/staff/enrol/${TOKEN}`);
  render(<ShellApp />);
  return api;
}

function stubCreate(create: ReturnType<typeof vi.fn>) {
  vi.stubGlobal("navigator", { ...navigator, credentials: { create } });
}

const main = () => document.querySelector("main") as HTMLElement;

let unbind: () => void = () => undefined;
beforeEach(() => {
  setCookie("portal_csrf", "csrf-s");
  unbind = bindDocumentLanguage(document);
  applySession(signedOut());
});
afterEach(() => {
  unbind();
  resetApp();
});

describe("staffEnrolToken", () => {
  it("takes the one path segment after /staff/enrol/", () => {
    expect(staffEnrolToken("/staff/enrol/abc_-1")).toBe("abc_-1");
    expect(staffEnrolToken("/staff/enrol/a%20b")).toBe("a b");
    expect(staffEnrolToken("/staff/enrol")).toBeNull();
    expect(staffEnrolToken("/staff/enrol/a/b")).toBeNull();
    expect(staffEnrolToken("/settings")).toBeNull();
  });
});

describe("StaffEnrolScreen", () => {
  it("a valid link: shows whom it is for, makes the passkey with the token, signs in", async () => {
    const api = openLink({
      [`POST ${ENROLMENT}/options`]: json(200, creationOptionsJSON),
      [`POST ${ENROLMENT}`]: json(201, signedIn(staff)),
    });
    const create = vi.fn().mockResolvedValue(fakeAttestation());
    stubCreate(create);

    expect((await screen.findByTestId("staff-enrol-account")).textContent).toBe(
      "Henkilökunnan tunnus: Kaisa Virtanen (asiakaspalvelu.ita@example.fi)",
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Ota pääsyavain käyttöön");
    expect(document.title).toBe("Ota pääsyavain käyttöön – Asukasportaali");

    fireEvent.input(screen.getByTestId("staff-passkey-name"), { target: { value: " Työkone " } });
    fireEvent.click(screen.getByTestId("staff-enrol-create"));

    await waitFor(() => expect(currentPath.value).toBe("/"));
    expect(create).toHaveBeenCalledOnce();
    expect(api.writes()).toEqual([`POST ${ENROLMENT}/options`, `POST ${ENROLMENT}`]);
    const options = api.calls.find((c) => c.path === `${ENROLMENT}/options`);
    expect(options?.body).toEqual({});
    const finish = api.calls.find((c) => c.method === "POST" && c.path === ENROLMENT);
    expect(finish?.body).toMatchObject({ name: "Työkone", credential: { rawId: "AQID" } });
    expect(finish?.headers["X-CSRF-Token"]).toBe("csrf-s");
    expect(currentPrincipal()?.kind).toBe("staff");
    expect(screen.getByTestId("home-greeting").textContent).toBe(
      "Olet kirjautunut henkilökuntana: Kaisa Virtanen",
    );
  });

  it("works while a resident is signed in, and an empty name is sent as null", async () => {
    applySession(signedIn({ ...resident, language: "en" }));
    const api = openLink({
      [`POST ${ENROLMENT}/options`]: json(200, creationOptionsJSON),
      [`POST ${ENROLMENT}`]: json(201, signedIn(staff)),
    });
    stubCreate(vi.fn().mockResolvedValue(fakeAttestation()));
    expect((await screen.findByTestId("staff-enrol-account")).textContent).toContain(
      "Staff account: Kaisa Virtanen",
    );
    fireEvent.click(screen.getByTestId("staff-enrol-create"));
    await waitFor(() => expect(currentPrincipal()?.kind).toBe("staff"));
    expect(currentPath.value).toBe("/");
    expect(api.calls.find((c) => c.path === ENROLMENT && c.method === "POST")?.body).toMatchObject({
      name: null,
    });
  });

  it("an expired link: the problem's title and detail, and no button", async () => {
    const api = openLink({
      [`GET ${ENROLMENT}`]: problem(400, "Linkki ei ole voimassa", "Pyydä ylläpitäjältä uusi.", {
        type: "/problems/enrolment",
      }),
    });
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Linkki ei ole voimassa");
    expect(alert.textContent).toContain("Pyydä ylläpitäjältä uusi.");
    expect(screen.queryByTestId("staff-enrol-create")).toBeNull();
    expect(screen.queryByTestId("staff-passkey-name")).toBeNull();
    expect(main().querySelector("button")).toBeNull();
    expect(api.writes()).toEqual([]);
  });

  it("a cancelled prompt gets the friendly message and the button stays", async () => {
    openLink({ [`POST ${ENROLMENT}/options`]: json(200, creationOptionsJSON) });
    stubCreate(vi.fn().mockRejectedValue(notAllowed()));
    fireEvent.click(await screen.findByTestId("staff-enrol-create"));
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Pääsyavainta ei käytetty");
    expect(alert.textContent).not.toContain("timed out or was not allowed");
    expect(currentPrincipal()).toBeNull();
    expect(currentPath.value).toBe(`/staff/enrol/${TOKEN}`);
    expect(screen.getByTestId("staff-enrol-create")).toBeTruthy();
  });

  it("the server in trouble: a retry that loads the link again", async () => {
    const api = openLink({
      [`GET ${ENROLMENT}`]: [problem(503, "Huoltokatko", "Palvelu palaa pian."), json(200, who)],
    });
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Huoltokatko");
    fireEvent.click(screen.getByTestId("staff-enrol-retry"));
    expect(await screen.findByTestId("staff-enrol-create")).toBeTruthy();
    expect(api.calls.filter((c) => c.method === "GET")).toHaveLength(2);
  });
});
