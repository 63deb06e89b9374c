// @vitest-environment happy-dom

import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentPath } from "../../state/route";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { customerService, renderConsole, resetConsole } from "../test/staffTestkit";
import {
  categories,
  directory,
  OTHER_STAFF_ID,
  PROPERTY_ID,
  summary,
  TICKET_ID,
} from "./ticketsTestkit";

function queueApi(total = 1, properties: Parameters<typeof fakeApi>[0][string] = json(403, {})) {
  return fakeApi({
    "GET /api/staff/tickets": json(200, { items: [summary], total }),
    "GET /api/tickets/categories": json(200, categories),
    "GET /api/staff/regions": properties,
    "GET /api/staff/users": json(200, directory),
  });
}

/** The query strings the queue was asked with, in order. */
function queueQueries(api: ReturnType<typeof fakeApi>): string[] {
  return api.fetch.mock.calls
    .map(([input]) => new URL(String(input), "http://localhost:3000"))
    .filter((url) => url.pathname === "/api/staff/tickets")
    .map((url) => url.search.slice(1));
}

beforeEach(() => setCookie("portal_csrf", "csrf-q"));
afterEach(resetConsole);

describe("the ticket queue", () => {
  it("lists the tickets with their number linking to the ticket, overdue marked", async () => {
    queueApi();
    renderConsole("/staff/tickets");
    const row = await screen.findByTestId("queue-row-VI-2026-00042");
    const cells = within(row);
    expect(cells.getByRole("link", { name: "VI-2026-00042" }).getAttribute("href")).toBe(
      `/staff/tickets/${TICKET_ID}`,
    );
    expect(row.textContent).toContain("Kontulan Kaari, A 12");
    expect(row.textContent).toContain("Myöhässä");
    expect(screen.getByTestId("queue-status").textContent).toBe("1–1 / 1");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Vikailmoitukset");
    // Without the regions (that request failed) the filter offers the properties in the queue.
    const property = screen.getByLabelText("Kiinteistö") as HTMLSelectElement;
    expect([...property.options].map((o) => o.textContent)).toEqual([
      "Kaikki kiinteistöt",
      "Kontulan Kaari",
    ]);
  });

  it("each filter goes into the URL and the API query", async () => {
    const api = queueApi();
    renderConsole("/staff/tickets");
    await screen.findByTestId("queue-row-VI-2026-00042");

    fireEvent.click(screen.getByLabelText("Vastaanotettu"));
    fireEvent.click(screen.getByLabelText("Odottaa osia"));
    fireEvent.change(screen.getByLabelText("Luokka"), { target: { value: "water_drains" } });
    fireEvent.change(screen.getByLabelText("Kiinteistö"), { target: { value: PROPERTY_ID } });
    fireEvent.change(screen.getByLabelText("Käsittelijä"), { target: { value: OTHER_STAFF_ID } });
    fireEvent.change(screen.getByLabelText("Järjestys"), { target: { value: "-expected_by" } });
    fireEvent.click(screen.getByLabelText("Vain myöhässä olevat"));
    fireEvent.input(screen.getByLabelText("Vikailmoituksen numero tai osoite"), {
      target: { value: " Kontulantie 5 " },
    });
    fireEvent.click(screen.getByTestId("queue-search-submit"));

    const expected =
      `status=received&status=waiting_for_parts&category=water_drains&propertyId=${PROPERTY_ID}` +
      `&assigneeId=${OTHER_STAFF_ID}&overdue=true&q=Kontulantie+5&sort=-expected_by`;
    await waitFor(() => expect(queueQueries(api).at(-1)).toBe(`${expected}&limit=50&offset=0`));
    expect(location.search).toBe(`?${expected}`);
    expect(currentPath.value).toBe("/staff/tickets");
  });

  it("a link with filters opens with them (unassigned, older than 7 days)", async () => {
    const api = queueApi();
    renderConsole("/staff/tickets?status=scheduled&unassigned=true&olderThan=7");
    await screen.findByTestId("queue-row-VI-2026-00042");
    const [query] = queueQueries(api);
    expect(query).toMatch(
      /^status=scheduled&createdBefore=\d{4}-\d{2}-\d{2}&unassigned=true&sort=created&limit=50&offset=0$/,
    );
    expect((screen.getByLabelText("Aikataulutettu") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Käsittelijä") as HTMLSelectElement).value).toBe("unassigned");
    expect((screen.getByLabelText("Ikä") as HTMLSelectElement).value).toBe("7");
  });

  it("pages with limit/offset, and clearing the filters starts over", async () => {
    const api = queueApi(120);
    renderConsole("/staff/tickets?overdue=true");
    await screen.findByTestId("queue-row-VI-2026-00042");
    fireEvent.click(screen.getByTestId("queue-next"));
    await waitFor(() =>
      expect(queueQueries(api).at(-1)).toBe("overdue=true&sort=created&limit=50&offset=50"),
    );
    expect(location.search).toBe("?overdue=true&page=2");
    fireEvent.click(screen.getByTestId("queue-clear"));
    await waitFor(() => expect(queueQueries(api).at(-1)).toBe("sort=created&limit=50&offset=0"));
    expect(location.search).toBe("");
  });

  it("the server's problem is shown, and Try again asks again", async () => {
    const api = fakeApi({
      "GET /api/staff/tickets": [
        problem(400, "Virheellinen haku", "Tarkista rajaukset."),
        json(200, { items: [], total: 0 }),
      ],
      "GET /api/tickets/categories": json(200, categories),
      "GET /api/staff/regions": json(200, [
        {
          id: "r1",
          code: "ita",
          name: { fi: "Itä" },
          properties: [{ id: PROPERTY_ID, name: "Kontulan Kaari" }],
        },
      ]),
      "GET /api/staff/users": json(200, directory),
    });
    renderConsole("/staff/tickets", customerService);
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Tarkista rajaukset.");
    fireEvent.click(screen.getByRole("button", { name: "Yritä uudelleen" }));
    expect((await screen.findByTestId("queue-empty")).textContent).toContain("ei löytynyt");
    expect(queueQueries(api)).toHaveLength(2);
  });
});
