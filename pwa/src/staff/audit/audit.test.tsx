// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { admin, customerService, renderConsole, resetConsole } from "../test/staffTestkit";
import type { AuditEvent } from "./api";
import { apiQuery, filtersFromQuery, filtersToQuery, NO_FILTERS } from "./auditFilters";

const KAISA = customerService.id;
const CHANGE = "0192f0a4-0000-7000-8000-00000000c001";

const approved: AuditEvent = {
  id: "0192f0a4-0000-7000-8000-0000000e0001",
  at: "2026-11-30T10:00:00Z",
  actorType: "staff",
  actorId: KAISA,
  actorName: "Kaisa Virtanen",
  action: "occupant_change.approved",
  entityType: "occupant_change",
  entityId: CHANGE,
  details: { kind: "move_in" },
  requestId: "req-1",
};

const unknown: AuditEvent = {
  id: "0192f0a4-0000-7000-8000-0000000e0002",
  at: "2026-11-30T09:00:00Z",
  actorType: "system",
  actorId: null,
  actorName: null,
  action: "something.new",
  entityType: null,
  entityId: null,
  details: { what: "occupant-change-queue", ids: ["a", "b"] },
  requestId: null,
};

/** The query string of the n-th GET /api/staff/audit (the last one by default). */
function apiCall(api: ReturnType<typeof fakeApi>, n = -1): URLSearchParams {
  const calls = api.fetch.mock.calls.filter((c) => String(c[0]).includes("/api/staff/audit"));
  return new URL(String(calls.at(n)?.[0]), "http://x").searchParams;
}

beforeEach(() => setCookie("portal_csrf", "csrf-a"));
afterEach(resetConsole);

describe("audit filters", () => {
  it("round-trip through the URL and drop what is malformed", () => {
    const filters = {
      ...NO_FILTERS,
      actorType: "staff" as const,
      actorId: KAISA,
      action: "office_code.issued",
      from: "2026-11-01",
      to: "2026-11-30",
      page: 2,
    };
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
    const bad = new URLSearchParams(
      "actorType=root&actorId=x&action=DROP TABLE&from=yesterday&page=-3",
    );
    expect(filtersFromQuery(bad)).toEqual(NO_FILTERS);
  });

  it("ask the API for whole local days, the last one included", () => {
    const q = apiQuery({ ...NO_FILTERS, from: "2026-11-01", to: "2026-11-30", page: 1 });
    expect(q.get("from")).toBe(new Date(2026, 10, 1).toISOString());
    expect(q.get("to")).toBe(new Date(2026, 11, 1).toISOString());
    expect(q.get("limit")).toBe("50");
    expect(q.get("offset")).toBe("50");
  });
});

describe("the audit log screen", () => {
  it("lists events with readable action names, raw codes as fallback, details as key: value", async () => {
    const api = fakeApi({
      "GET /api/staff/audit": json(200, { items: [approved, unknown], total: 2 }),
    });
    renderConsole("/staff/audit", admin);
    const table = await screen.findByTestId("audit-table");
    const names = within(table)
      .getAllByTestId("audit-action-name")
      .map((c) => c.textContent);
    expect(names).toEqual(["Hyväksyi asukasmuutoksen", "something.new"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]?.textContent).toContain("Kaisa Virtanen");
    expect(rows[0]?.textContent).toContain("Asukasmuutos");
    expect(rows[0]?.textContent).toContain("Pyyntö req-1");
    expect(rows[1]?.textContent).toContain("Järjestelmä");
    const details = within(rows[1] as HTMLElement).getByTestId("audit-details");
    expect([...details.querySelectorAll("div")].map((d) => d.textContent)).toEqual([
      "whatoccupant-change-queue",
      "idsa, b",
    ]);
    expect(details.querySelector("dt")?.textContent).toBe("what");
    expect(apiCall(api).get("limit")).toBe("50");
    expect(screen.getByTestId("audit-status").textContent).toBe("1–2 / 2");
  });

  it("puts the filters into the URL and the API's query", async () => {
    const api = fakeApi({ "GET /api/staff/audit": json(200, { items: [approved], total: 1 }) });
    renderConsole("/staff/audit", admin);
    await screen.findByTestId("audit-table");

    fireEvent.change(screen.getByTestId("audit-action"), {
      target: { value: "office_code.issued" },
    });
    fireEvent.change(screen.getByTestId("audit-actor-type"), { target: { value: "staff" } });
    fireEvent.input(screen.getByTestId("audit-entity-id"), { target: { value: ` ${CHANGE} ` } });
    fireEvent.input(screen.getByTestId("audit-from"), { target: { value: "2026-11-01" } });
    fireEvent.click(screen.getByTestId("audit-apply"));

    await waitFor(() => expect(apiCall(api).get("action")).toBe("office_code.issued"));
    const sent = apiCall(api);
    expect(sent.get("actorType")).toBe("staff");
    expect(sent.get("entityId")).toBe(CHANGE);
    expect(sent.get("from")).toBe(new Date(2026, 10, 1).toISOString());
    const url = new URLSearchParams(location.search);
    expect(url.get("action")).toBe("office_code.issued");
    expect(url.get("actorType")).toBe("staff");
    expect(url.get("entityId")).toBe(CHANGE);
    expect(url.get("from")).toBe("2026-11-01");
  });

  it("checks an id before asking, and keeps what was typed", async () => {
    const api = fakeApi({ "GET /api/staff/audit": json(200, { items: [], total: 0 }) });
    renderConsole("/staff/audit", admin);
    await screen.findByTestId("audit-empty");
    const field = screen.getByTestId("audit-actor-id") as HTMLInputElement;
    fireEvent.input(field, { target: { value: "Kaisa" } });
    fireEvent.click(screen.getByTestId("audit-apply"));
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(field.value).toBe("Kaisa");
    expect(api.fetch.mock.calls).toHaveLength(1);
    expect(location.search).toBe("");
  });

  it("filters by an actor from the table, and pages", async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...approved,
      id: `0192f0a4-0000-7000-8000-0000000e${String(i).padStart(4, "0")}`,
    }));
    const api = fakeApi({ "GET /api/staff/audit": json(200, { items: many, total: 120 }) });
    renderConsole("/staff/audit", admin);
    await screen.findByTestId("audit-table");
    fireEvent.click(screen.getByTestId("audit-next"));
    await waitFor(() => expect(apiCall(api).get("offset")).toBe("50"));
    expect(new URLSearchParams(location.search).get("page")).toBe("2");

    fireEvent.click(screen.getAllByTestId("audit-actor-link")[0] as HTMLElement);
    await waitFor(() => expect(apiCall(api).get("actorId")).toBe(KAISA));
    expect(apiCall(api).get("offset")).toBe("0");
    expect((screen.getByTestId("audit-actor-id") as HTMLInputElement).value).toBe(KAISA);
  });

  it("shows the server's problem", async () => {
    fakeApi({
      "GET /api/staff/audit": problem(400, "Virheellinen aikaväli", "Alun on oltava ennen loppua."),
    });
    renderConsole("/staff/audit?from=2026-11-30&to=2026-11-01", admin);
    expect((await screen.findByTestId("error-alert")).textContent).toContain(
      "Virheellinen aikaväli",
    );
  });

  it("is for admins only: no nav entry for customer service", async () => {
    fakeApi({ "GET /api/staff/occupant-changes": json(200, []) });
    renderConsole("/staff/occupants", customerService);
    const nav = await screen.findByTestId("staff-nav");
    expect(within(nav).queryByRole("link", { name: "Lokitiedot" })).toBeNull();
    expect(within(nav).getByRole("link", { name: "Asukasmuutokset" })).toBeTruthy();
    resetConsole();

    fakeApi({ "GET /api/staff/occupant-changes": json(200, []) });
    renderConsole("/staff/occupants", admin);
    const adminNav = await screen.findByTestId("staff-nav");
    expect(within(adminNav).getByRole("link", { name: "Lokitiedot" }).getAttribute("href")).toBe(
      "/staff/audit",
    );
  });
});
