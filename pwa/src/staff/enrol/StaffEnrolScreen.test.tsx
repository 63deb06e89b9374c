// @vitest-environment happy-dom

import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { currentPath, navigate } from "../../state/route";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { creationOptionsJSON, fakeAttestation, notAllowed } from "../../test/fakeCredentials";
import { resident, signedIn } from "../../test/sessions";
import { bindStaffDocument } from "../i18n/language";
import { StaffApp } from "../StaffApp";
import { applyStaffSession, currentStaff } from "../shell/session";
import { customerService, resetConsole, staffSessionOf } from "../test/staffTestkit";
import { staffEnrolToken } from "./StaffEnrolScreen";

const TOKEN = "tK9-x_0aBc";
const ENROLMENT = `/api/staff/enrolment/${TOKEN}`;
const who = { name: customerService.name, email: customerService.email };

function openLink(extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    [`GET ${ENROLMENT}`]: json(200, who),
    "GET /api/staff/tickets": json(200, { items: [], total: 0 }),
    "GET /api/tickets/categories": json(200, { groups: [], statuses: [] }),
    "GET /api/staff/regions": json(200, []),
    "GET /api/staff/users": json(200, []),
    ...extra,
  });
  navigate(`/staff/enrol/${TOKEN}`);
  render(<StaffApp />);
  return api;
}

function stubCreate(create: ReturnType<typeof vi.fn>) {
  vi.stubGlobal("navigator", { ...navigator, credentials: { create } });
}

const main = () => document.querySelector("main") as HTMLElement;

let unbind: () => void = () => undefined;
beforeEach(() => {
  setCookie("portal_csrf", "csrf-s");
  unbind = bindStaffDocument(document);
  applyStaffSession(staffSessionOf(null));
});
afterEach(() => {
  unbind();
  resetConsole();
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
  it("a valid link: shows whom it is for, makes the passkey with the token, opens the console", async () => {
    const api = openLink({
      [`POST ${ENROLMENT}/options`]: json(200, creationOptionsJSON),
      [`POST ${ENROLMENT}`]: json(201, signedIn(customerService)),
    });
    const create = vi.fn().mockResolvedValue(fakeAttestation());
    stubCreate(create);

    expect((await screen.findByTestId("staff-enrol-account")).textContent).toBe(
      "Henkilökunnan tunnus: Kaisa Virtanen (asiakaspalvelu.ita@example.fi)",
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Ota pääsyavain käyttöön");
    expect(document.title).toBe("Ota pääsyavain käyttöön – Asukasportaali – henkilökunta");

    fireEvent.input(screen.getByTestId("staff-passkey-name"), { target: { value: " Työkone " } });
    fireEvent.click(screen.getByTestId("staff-enrol-create"));

    // Signed in: the console opens on the first section of the user's roles.
    await waitFor(() => expect(currentPath.value).toBe("/staff/tickets"));
    expect(create).toHaveBeenCalledOnce();
    expect(api.writes()).toEqual([`POST ${ENROLMENT}/options`, `POST ${ENROLMENT}`]);
    const options = api.calls.find((c) => c.path === `${ENROLMENT}/options`);
    expect(options?.body).toEqual({});
    const finish = api.calls.find((c) => c.method === "POST" && c.path === ENROLMENT);
    expect(finish?.body).toMatchObject({ name: "Työkone", credential: { rawId: "AQID" } });
    expect(finish?.headers["X-CSRF-Token"]).toBe("csrf-s");
    expect(currentStaff()?.name).toBe("Kaisa Virtanen");
    expect(screen.getByTestId("staff-user-name").textContent).toBe("Kirjautunut: Kaisa Virtanen");
  });

  it("works while a resident is signed in, and an empty name is sent as null", async () => {
    applyStaffSession(signedIn({ ...resident, language: "en" }));
    const api = openLink({
      [`POST ${ENROLMENT}/options`]: json(200, creationOptionsJSON),
      [`POST ${ENROLMENT}`]: json(201, signedIn(customerService)),
    });
    stubCreate(vi.fn().mockResolvedValue(fakeAttestation()));
    expect((await screen.findByTestId("staff-enrol-account")).textContent).toContain(
      "Henkilökunnan tunnus: Kaisa Virtanen",
    );
    fireEvent.click(screen.getByTestId("staff-enrol-create"));
    await waitFor(() => expect(currentStaff()?.kind).toBe("staff"));
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
    expect(currentStaff()).toBeNull();
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
    expect(api.calls.filter((c) => c.path === ENROLMENT && c.method === "GET")).toHaveLength(2);
  });
});
