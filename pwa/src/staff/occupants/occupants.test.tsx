// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentPath } from "../../state/route";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { customerService, editor, renderConsole, resetConsole } from "../test/staffTestkit";
import type { StaffOccupantChange } from "./api";

const LEASE = "0192f0a4-0000-7000-8000-0000000001e1";
const MOVE_IN_ID = "0192f0a4-0000-7000-8000-00000000c001";
const MOVE_OUT_ID = "0192f0a4-0000-7000-8000-00000000c002";
const OLD_ID = "0192f0a4-0000-7000-8000-00000000c003";
const PERSON = "0192f0a4-0000-7000-8000-00000000a001";

const base = {
  leaseId: LEASE,
  occupantId: null,
  decidedAt: null,
  reason: null,
  leaseNumber: "V-1001",
  propertyName: "Kontulantie 5",
  unit: "B 12",
  reportedBy: "0192f0a4-0000-7000-8000-0000000000f1",
  decidedBy: null,
};

const moveIn: StaffOccupantChange = {
  ...base,
  id: MOVE_IN_ID,
  kind: "move_in",
  status: "pending",
  details: {
    firstName: "Aino",
    lastName: "Laine",
    birthDate: "1990-05-01",
    movesInOn: "2026-12-01",
  },
  reportedAt: "2026-11-20T08:00:00Z",
};

const moveOut: StaffOccupantChange = {
  ...base,
  id: MOVE_OUT_ID,
  kind: "move_out",
  status: "pending",
  occupantId: PERSON,
  details: { occupantId: PERSON, movesOutOn: "2026-12-15" },
  reportedAt: "2026-11-25T08:00:00Z",
};

const oldRejected: StaffOccupantChange = {
  ...base,
  id: OLD_ID,
  kind: "birth",
  status: "rejected",
  details: { firstName: "Vauva", lastName: "Laine", birthDate: "2026-10-01" },
  reportedAt: "2026-10-02T08:00:00Z",
  decidedAt: "2026-10-03T08:00:00Z",
  reason: "Ilmoitettu kahdesti",
};

beforeEach(() => setCookie("portal_csrf", "csrf-o"));
afterEach(resetConsole);

describe("the list of occupant changes", () => {
  it("shows pending changes with kind, home, reporter and date; each links to its page", async () => {
    const api = fakeApi({ "GET /api/staff/occupant-changes": json(200, [moveIn, moveOut]) });
    renderConsole("/staff/occupants", customerService);
    const table = await screen.findByTestId("changes-table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("th")?.textContent)).toEqual([
      "Muutto sisään",
      "Muutto pois",
    ]);
    expect(rows[0]?.textContent).toContain("Kontulantie 5, B 12");
    expect(rows[0]?.textContent).toContain("Vuokrasopimus V-1001");
    expect(rows[0]?.textContent).toContain("Asunnon vuokralainen");
    expect(rows[0]?.textContent).toContain("Odottaa käsittelyä");
    const link = within(rows[0] as HTMLElement).getByRole("link", { name: "Muutto sisään" });
    expect(link.getAttribute("href")).toBe(`/staff/occupants/${MOVE_IN_ID}`);
    expect(new URL(String(api.fetch.mock.calls[0]?.[0]), "http://x").search).toBe(
      "?status=pending",
    );
  });

  it("puts pending first when every status is shown; the filters go into the URL", async () => {
    const api = fakeApi({
      // The server answers oldest first; the screen puts the pending one first.
      "GET /api/staff/occupant-changes": [json(200, [moveIn]), json(200, [oldRejected, moveIn])],
    });
    renderConsole("/staff/occupants", customerService);
    await screen.findByTestId("changes-table");
    fireEvent.change(screen.getByTestId("changes-status"), { target: { value: "all" } });
    await waitFor(() => expect(screen.getAllByRole("row")).toHaveLength(3));
    expect(location.search).toBe("?status=all");
    const last = api.fetch.mock.calls.at(-1)?.[0];
    expect(new URL(String(last), "http://x").searchParams.get("status")).toBe("all");
    const kinds = screen
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.querySelector("th")?.textContent);
    expect(kinds).toEqual(["Muutto sisään", "Syntymä"]);

    fireEvent.change(screen.getByTestId("changes-kind"), { target: { value: "birth" } });
    await waitFor(() => expect(screen.getAllByRole("row")).toHaveLength(2));
    expect(location.search).toBe("?status=all&kind=birth");
  });

  it("says so when nothing matches, and shows the server's problem", async () => {
    fakeApi({
      "GET /api/staff/occupant-changes": problem(503, "Palvelu ei vastaa", "Yritä hetken päästä."),
    });
    renderConsole("/staff/occupants", customerService);
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Palvelu ei vastaa");
  });

  it("is not open to an editor (no nav entry, no access)", async () => {
    fakeApi({});
    renderConsole("/staff/occupants", editor);
    const nav = await screen.findByTestId("staff-nav");
    expect(within(nav).queryByRole("link", { name: "Asukasmuutokset" })).toBeNull();
  });
});

describe("one occupant change", () => {
  it("shows what changes and approves: the register's result is told", async () => {
    const approved = {
      ...moveIn,
      status: "approved",
      occupantId: PERSON,
      decidedAt: "2026-11-30T10:00:00Z",
    };
    const api = fakeApi({
      [`GET /api/staff/occupant-changes/${MOVE_IN_ID}`]: json(200, moveIn),
      [`POST /api/staff/occupant-changes/${MOVE_IN_ID}/approve`]: json(200, approved),
    });
    renderConsole(`/staff/occupants/${MOVE_IN_ID}`, customerService);
    expect((await screen.findByTestId("change-heading")).textContent).toBe(
      "Muutto sisään: Kontulantie 5, B 12",
    );
    const what = screen.getByTestId("change-what");
    expect(what.textContent).toContain("Aino Laine");
    expect(what.textContent).toContain("1. toukokuuta 1990");
    expect(screen.getByTestId("register-unavailable")).toBeTruthy();

    fireEvent.click(screen.getByTestId("change-approve"));
    await waitFor(() =>
      expect(screen.getByTestId("change-result").textContent).toContain(
        "Aino Laine on nyt asukasrekisterissä 1. joulukuuta 2026 alkaen",
      ),
    );
    expect(api.writes()).toEqual([`POST /api/staff/occupant-changes/${MOVE_IN_ID}/approve`]);
    expect(screen.getByTestId("change-status").textContent).toBe("Hyväksytty");
    expect(screen.queryByTestId("decision-panel")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("change-result")));
  });

  it("requires a reason to reject, then sends it", async () => {
    const rejected = {
      ...moveOut,
      status: "rejected",
      reason: "Väärä päivä",
      decidedAt: "2026-11-30T10:00:00Z",
    };
    const api = fakeApi({
      [`GET /api/staff/occupant-changes/${MOVE_OUT_ID}`]: json(200, moveOut),
      [`POST /api/staff/occupant-changes/${MOVE_OUT_ID}/reject`]: json(200, rejected),
    });
    renderConsole(`/staff/occupants/${MOVE_OUT_ID}`, customerService);
    await screen.findByTestId("decision-panel");
    expect(screen.getByTestId("change-what").textContent).toContain("15. joulukuuta 2026");

    fireEvent.click(screen.getByTestId("change-reject"));
    const reason = screen.getByTestId("change-reason") as HTMLTextAreaElement;
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Kirjoita hylkäämisen syy.")).toBeTruthy();
    expect(document.activeElement).toBe(reason);
    expect(api.writes()).toEqual([]);

    fireEvent.input(reason, { target: { value: "  Väärä päivä " } });
    fireEvent.click(screen.getByTestId("change-reject"));
    await waitFor(() =>
      expect(screen.getByTestId("change-result").textContent).toContain("Ilmoitus hylätty"),
    );
    const post = api.calls.find((c) => c.method === "POST");
    expect(post?.path).toBe(`/api/staff/occupant-changes/${MOVE_OUT_ID}/reject`);
    expect(post?.body).toEqual({ reason: "Väärä päivä" });
    expect(screen.getByTestId("change-reason")).toBeTruthy();
  });

  it("shows the server's problem and keeps the reason typed", async () => {
    fakeApi({
      [`GET /api/staff/occupant-changes/${MOVE_OUT_ID}`]: json(200, moveOut),
      [`POST /api/staff/occupant-changes/${MOVE_OUT_ID}/reject`]: problem(
        409,
        "Ilmoitus on jo käsitelty",
        "Tämä asukasmuutos on jo hyväksytty tai hylätty.",
      ),
    });
    renderConsole(`/staff/occupants/${MOVE_OUT_ID}`, customerService);
    const reason = (await screen.findByTestId("change-reason")) as HTMLTextAreaElement;
    fireEvent.input(reason, { target: { value: "Väärä päivä" } });
    fireEvent.click(screen.getByTestId("change-reject"));
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Ilmoitus on jo käsitelty");
    expect((screen.getByTestId("change-reason") as HTMLTextAreaElement).value).toBe("Väärä päivä");
  });

  it("shows the home's register when the server sends it, the person marked", async () => {
    const withRegister = {
      ...moveOut,
      register: [
        {
          id: PERSON,
          firstName: "Olli",
          lastName: "Laine",
          role: "occupant",
          movedInOn: "2020-01-01",
          movedOutOn: null,
        },
      ],
    };
    fakeApi({ [`GET /api/staff/occupant-changes/${MOVE_OUT_ID}`]: json(200, withRegister) });
    renderConsole(`/staff/occupants/${MOVE_OUT_ID}`, customerService);
    const table = await screen.findByTestId("register-table");
    expect(table.textContent).toContain("Olli Laine");
    expect(table.textContent).toContain("Ilmoitus koskee tätä henkilöä");
    expect(screen.getByTestId("change-what").textContent).toContain("Olli Laine");
  });

  it("a processed change shows its decision and no buttons", async () => {
    fakeApi({ [`GET /api/staff/occupant-changes/${OLD_ID}`]: json(200, oldRejected) });
    renderConsole(`/staff/occupants/${OLD_ID}`, customerService);
    expect((await screen.findByTestId("change-reason")).textContent).toBe("Ilmoitettu kahdesti");
    expect(screen.queryByTestId("change-approve")).toBeNull();
    expect(currentPath.value).toBe(`/staff/occupants/${OLD_ID}`);
  });
});
