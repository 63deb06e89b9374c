// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { ResidentPrincipal } from "../../api/types";
import { syncUnavailable } from "../../state/sync";
import { resetApp } from "../../test/reset";
import { resident } from "../../test/sessions";
import { TicketsScreen } from "./TicketsScreen";
import { closeClients, fakeServer, LEASE, openClient, ticket } from "./ticketsTestkit";

afterEach(() => {
  closeClients();
  resetApp();
});

const OTHER_LEASE = "00000000-0000-4000-8000-0000000000aa";

const oneHome: ResidentPrincipal = {
  ...resident,
  homes: [{ ...(resident.homes[0] as ResidentPrincipal["homes"][number]), leaseId: LEASE }],
};

const twoHomes: ResidentPrincipal = {
  ...resident,
  homes: [
    { ...(resident.homes[0] as ResidentPrincipal["homes"][number]), leaseId: LEASE },
    {
      ...(resident.homes[0] as ResidentPrincipal["homes"][number]),
      leaseId: OTHER_LEASE,
      address: "Nordsjövägen 3",
      unit: "B 7",
    },
  ],
};

const older = ticket({
  id: "00000000-0000-4000-8000-000000000101",
  number: "VI-2026-000001",
  status: "received",
  statusName: "Vastaanotettu",
  createdAt: "2026-02-01T08:00:00Z",
  expectedBy: "2026-02-15",
});
const newer = ticket({
  id: "00000000-0000-4000-8000-000000000102",
  number: "VI-2026-000005",
  createdAt: "2026-03-02T08:00:00Z",
});
const closedNewest = ticket({
  id: "00000000-0000-4000-8000-000000000103",
  number: "VI-2026-000009",
  status: "done",
  statusName: "Valmis",
  createdAt: "2026-03-05T08:00:00Z",
});
const elsewhere = ticket({
  id: "00000000-0000-4000-8000-000000000104",
  number: "VI-2026-000007",
  leaseId: OTHER_LEASE,
  category: "sauna",
  categoryName: "Sauna",
});

function numbersIn(testid: string): string[] {
  return within(screen.getByTestId(testid))
    .getAllByRole("link")
    .map((link) => link.textContent ?? "");
}

describe("My tickets", () => {
  it("lists open tickets first, newest first, then closed; a ticket not sent is waiting to send", async () => {
    const server = fakeServer([older, closedNewest, newer]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    const pendingId = "00000000-0000-4000-8000-000000000199";
    await client.mutate("createTicket", {
      id: pendingId,
      leaseId: LEASE,
      category: "bathroom",
      location: "Kylpyhuone",
      description: "Hana vuotaa.",
      masterKeyPermission: false,
      pets: false,
      contactPhone: "+358 40 000 0123",
    });
    render(<TicketsScreen principal={oneHome} />);

    await screen.findByTestId("tickets-open");
    expect(numbersIn("tickets-open")).toEqual([
      "Uusi vikailmoitus · Kylpyhuone ja WC",
      "VI-2026-000005 · Keittiö",
      "VI-2026-000001 · Keittiö",
    ]);
    expect(numbersIn("tickets-closed")).toEqual(["VI-2026-000009 · Keittiö"]);
    expect(screen.getByTestId(`ticket-status-${pendingId}`).textContent).toBe("Odottaa lähetystä");
    expect(screen.getByTestId(`ticket-status-${newer.id}`).textContent).toBe("Työn alla");
    expect(screen.getByTestId(`ticket-status-${older.id}`).textContent).toBe("Vastaanotettu");
    expect(screen.getByTestId(`ticket-link-${older.id}`).getAttribute("href")).toBe(
      `/tickets/${older.id}`,
    );
    const item = screen.getByTestId(`ticket-item-${older.id}`).textContent ?? "";
    expect(item).toContain("Sijainti: Keittiö");
    expect(item).toContain("Tehty 1. helmikuuta 2026");
    expect(item).toContain("Arvioitu valmistuminen 15. helmikuuta 2026");
    expect(screen.getByTestId("tickets-report").getAttribute("href")).toBe("/report");
  });

  it("shows the active home's tickets to someone with two homes, and all on request", async () => {
    await openClient(fakeServer([newer, elsewhere]));
    render(<TicketsScreen principal={twoHomes} />);
    await screen.findByTestId("tickets-open");
    expect(numbersIn("tickets-open")).toEqual(["VI-2026-000005 · Keittiö"]);

    const filter = screen.getByLabelText("Näytä asunto") as HTMLSelectElement;
    expect(filter.value).toBe(LEASE);
    filter.value = "all";
    filter.dispatchEvent(new Event("change", { bubbles: true }));
    await waitFor(() =>
      expect(numbersIn("tickets-open")).toEqual([
        "VI-2026-000007 · Sauna",
        "VI-2026-000005 · Keittiö",
      ]),
    );
    expect(screen.getByTestId(`ticket-item-${elsewhere.id}`).textContent).toContain(
      "Koti: Nordsjövägen 3, B 7",
    );
  });

  it("says so when there are none, with the way to report a defect", async () => {
    await openClient(fakeServer([]));
    render(<TicketsScreen principal={oneHome} />);
    expect((await screen.findByTestId("tickets-empty")).textContent).toBe(
      "Sinulla ei ole vikailmoituksia.",
    );
    expect(screen.getByRole("link", { name: "Tee vikailmoitus" }).getAttribute("href")).toBe(
      "/report",
    );
  });

  it("says the data cannot be kept on this browser instead of loading forever", async () => {
    render(<TicketsScreen principal={oneHome} />);
    expect(screen.getByTestId("tickets-loading")).toBeTruthy();
    syncUnavailable.value = true;
    const notice = await screen.findByTestId("tickets-unavailable");
    expect(notice.textContent).toContain("Tämä selain ei voi tallentaa tietoja laitteelle");
    expect(screen.queryByTestId("tickets-loading")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
  });
});
