// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InvoiceRow, RentSummaryRow } from "../../offline/views";
import { chooseHome } from "../../state/activeHome";
import { language } from "../../state/language";
import {
  closeTestClients,
  FIXTURE_LEASE,
  fixtureHome,
  fixtureResident,
  openTestClient,
} from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { FIXTURE_TICKET, fakeServer } from "../tickets/ticketsTestkit";
import { RentScreen } from "./RentScreen";

afterEach(() => {
  closeTestClients();
  resetApp();
});

const OTHER_LEASE = "00000000-0000-4000-8000-0000000000aa";

function invoice(changes: Partial<InvoiceRow> & { id: string }): InvoiceRow {
  return {
    periodStart: "2026-03-01",
    periodEnd: "2026-03-31",
    issuedOn: "2026-02-15",
    dueDate: "2026-03-05",
    amountCents: 85000,
    paidCents: 0,
    openCents: 85000,
    currency: "EUR",
    status: "unpaid",
    reference: "12345 67890 12",
    rfReference: "RF47 1234 5678 9012",
    recipient: "Asuntopalvelu Oy",
    iban: "FI21 1234 5600 0007 85",
    barcode: "421123456000007850008500000000000000000123456789012260305",
    ...changes,
  };
}

const paid = invoice({
  id: "00000000-0000-4000-8000-000000000201",
  periodStart: "2026-01-01",
  periodEnd: "2026-01-31",
  dueDate: "2026-01-05",
  paidCents: 85000,
  openCents: 0,
  status: "paid",
});
const overdue = invoice({
  id: "00000000-0000-4000-8000-000000000202",
  periodStart: "2026-02-01",
  periodEnd: "2026-02-28",
  dueDate: "2026-02-05",
  paidCents: 35000,
  openCents: 50000,
  status: "overdue",
});
const partly = invoice({
  id: "00000000-0000-4000-8000-000000000203",
  periodStart: "2026-03-01",
  periodEnd: "2026-03-31",
  paidCents: 5000,
  openCents: 80000,
  status: "partially_paid",
});
const unpaid = invoice({
  id: "00000000-0000-4000-8000-000000000204",
  periodStart: "2026-04-01",
  periodEnd: "2026-04-30",
  dueDate: "2026-04-05",
});

function summary(changes: Partial<RentSummaryRow> = {}): RentSummaryRow {
  return {
    leaseId: FIXTURE_LEASE,
    currency: "EUR",
    debtCents: 0,
    balanceCents: 0,
    overdueCount: 0,
    nextDue: null,
    ...changes,
  };
}

async function showRent(
  rows: { summary: RentSummaryRow; invoices: InvoiceRow[]; lease?: string },
  principal = fixtureResident(),
) {
  const lease = rows.lease ?? FIXTURE_LEASE;
  const server = fakeServer(
    [FIXTURE_TICKET],
    [
      { op: "put", key: `rent/${lease}/summary`, value: rows.summary },
      ...rows.invoices.map((inv) => ({
        op: "put" as const,
        key: `rent/${lease}/invoice/${inv.id}`,
        value: inv,
      })),
    ],
  );
  await openTestClient({ transport: server.transport });
  render(<RentScreen principal={principal} />);
}

describe("RentScreen", () => {
  it("tells someone who is not the main tenant why there is nothing, without the data", async () => {
    const debt = summary({ debtCents: 50000, overdueCount: 1 });
    await showRent(
      { summary: debt, invoices: [overdue] },
      fixtureResident([{ ...fixtureHome, access: "resident" }]),
    );
    expect(screen.getByTestId("rent-not-main-tenant").textContent).toContain("vuokralaiselle");
    expect(screen.queryByTestId("rent-debt")).toBeNull();
    expect(screen.queryByTestId("rent-invoices")).toBeNull();
    expect(screen.queryByText(/12345 67890 12/)).toBeNull();
  });

  it("shows rent arrears prominently with the overdue count", async () => {
    await showRent({
      summary: summary({ debtCents: 50000, balanceCents: 215000, overdueCount: 1 }),
      invoices: [overdue, partly, unpaid],
    });
    const debt = await screen.findByTestId("rent-debt");
    expect(debt.textContent).toContain("Vuokrarästi: 500,00");
    expect(within(debt).getByTestId("rent-overdue-count").textContent).toBe(
      "1 lasku on erääntynyt.",
    );
    expect(screen.queryByTestId("rent-no-debt")).toBeNull();
    expect(screen.getByTestId("rent-balance").textContent).toContain("2\u00a0150,00");
  });

  it("says there is no overdue rent when there are no arrears", async () => {
    language.value = "en";
    await showRent({ summary: summary({ balanceCents: -1000 }), invoices: [paid] });
    expect((await screen.findByTestId("rent-no-debt")).textContent).toBe("No overdue rent.");
    expect(screen.queryByTestId("rent-debt")).toBeNull();
    expect(screen.getByTestId("rent-balance").textContent).toBe("Balance: €10.00 paid in advance");
  });

  it("lists invoices newest first with their status in words", async () => {
    language.value = "en";
    await showRent({ summary: summary(), invoices: [paid, overdue, unpaid, partly] });
    const list = await screen.findByTestId("rent-invoices");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-testid"))).toEqual([
      `rent-invoice-${unpaid.id}`,
      `rent-invoice-${partly.id}`,
      `rent-invoice-${overdue.id}`,
      `rent-invoice-${paid.id}`,
    ]);
    const status = (id: string) => screen.getByTestId(`rent-invoice-status-${id}`).textContent;
    expect(status(paid.id)).toBe("paid");
    expect(status(partly.id)).toBe("partially paid");
    expect(status(unpaid.id)).toBe("unpaid");
    expect(status(overdue.id)).toBe("overdue");
    expect(screen.getByTestId(`rent-invoice-open-${partly.id}`).textContent).toBe("€800.00");
    // Payment details only for what is still open.
    expect(screen.queryByTestId(`rent-pay-${paid.id}`)).toBeNull();
    const pay = screen.getByTestId(`rent-pay-${overdue.id}`);
    expect(within(pay).getByTestId(`rent-pay-${overdue.id}-recipient`).textContent).toBe(
      "Asuntopalvelu Oy",
    );
    expect(within(pay).getByText("FI21 1234 5600 0007 85")).toBeTruthy();
    expect(within(pay).getByText("RF47 1234 5678 9012")).toBeTruthy();
    expect(within(pay).getByText(overdue.barcode as string)).toBeTruthy();
    // A partly paid invoice's barcode carries the whole amount: the resident is told.
    expect(screen.getByTestId(`rent-pay-${overdue.id}-barcode-note`).textContent).toContain(
      "€500.00",
    );
  });

  it("copies the reference number and announces it", async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    await showRent({ summary: summary(), invoices: [unpaid] });
    const button = await screen.findByRole("button", { name: "Kopioi viitenumero" });
    const status = screen.getByTestId(`rent-pay-${unpaid.id}-reference-status`);
    expect(status.getAttribute("role")).toBe("status");
    expect(status.textContent).toBe("");
    fireEvent.click(button);
    await waitFor(() => expect(status.textContent).toContain("Kopioitu"));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith("123456789012");
  });

  it("selects the text when there is no clipboard", async () => {
    vi.stubGlobal("navigator", { ...navigator, clipboard: undefined });
    await showRent({ summary: summary(), invoices: [unpaid] });
    const button = await screen.findByRole("button", { name: "Kopioi virtuaaliviivakoodi" });
    fireEvent.click(button);
    const status = screen.getByTestId(`rent-pay-${unpaid.id}-barcode-status`);
    await waitFor(() => expect(status.textContent).toContain("teksti on valittu"));
    expect(window.getSelection()?.toString()).toBe(unpaid.barcode);
  });

  it("shows the chosen home of two", async () => {
    const other = { ...fixtureHome, leaseId: OTHER_LEASE, address: "Nordsjövägen 3" };
    chooseHome(OTHER_LEASE);
    await showRent(
      {
        summary: summary({ leaseId: OTHER_LEASE, debtCents: 12300, overdueCount: 2 }),
        invoices: [],
        lease: OTHER_LEASE,
      },
      fixtureResident([fixtureHome, other]),
    );
    expect((await screen.findByTestId("rent-overdue-count")).textContent).toBe(
      "2 laskua on erääntynyt.",
    );
    fireEvent.change(screen.getByLabelText("Näytä asunto"), {
      target: { value: FIXTURE_LEASE },
    });
    expect(await screen.findByTestId("rent-no-debt")).toBeTruthy();
  });
});
