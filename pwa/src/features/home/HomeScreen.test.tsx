// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Home } from "../../api/types";
import type { PullResponse } from "../../offline/protocol";
import type { SyncClient } from "../../offline/sync";
import { fixtures } from "../../offline/testkit";
import type { SyncTransport } from "../../offline/transport";
import type { NewsRow, PropertyRow, RentSummaryRow, TicketRow } from "../../offline/views";
import { chosenLeaseId } from "../../state/activeHome";
import { language } from "../../state/language";
import { syncClient, syncUnavailable } from "../../state/sync";
import {
  closeTestClients,
  fakeSyncServer,
  fixtureHome as home1,
  secondHome as home2,
  FIXTURE_LEASE as LEASE,
  SECOND_LEASE as LEASE_2,
  openTestClient,
  fixtureResident as principal,
  recordedPatch,
} from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { HomeScreen } from "./HomeScreen";

type Patch = PullResponse["patch"];

const fixtureBody = fixtures.pullFull.response.body as unknown as PullResponse;

// Its ticket, in progress (read from the fixture: re-recording renumbers its ids).
const TICKET = fixtureBody.patch
  .flatMap((o) => (o.op === "put" && o.key.startsWith("ticket/") ? [o.key.slice(7)] : []))
  .at(0) as string;
const NEWS = "00000000-0000-4000-8000-000000000003"; // its unread news item

/** A value the fixture's pull puts, to build variants of it. */
function fixtureRow<T>(key: string): T {
  const op = fixtureBody.patch.find((o) => o.op === "put" && o.key === key);
  if (op?.op !== "put") throw new Error(`no ${key} in the fixture`);
  return structuredClone(op.value) as T;
}

const put = (key: string, value: unknown): Patch[number] => ({ op: "put", key, value });

/** The second home's rows: its building, one ticket, one news item. */
function secondHomeRows(): Patch {
  const ticket = fixtureRow<TicketRow>(`ticket/${TICKET}`);
  const property = fixtureRow<PropertyRow>(`property/${LEASE}`);
  const news = fixtureRow<NewsRow>(`news/${NEWS}`);
  const ticket2 = "00000000-0000-4000-8000-0000000000c1";
  const news2 = "00000000-0000-4000-8000-0000000000c2";
  return [
    put(`home/${LEASE_2}`, { ...home2, propertyId: "p2" }),
    put(`property/${LEASE_2}`, {
      ...property,
      leaseId: LEASE_2,
      emergencyPhone: "+358 40 000 0999",
    }),
    put(`ticket/${ticket2}`, {
      ...ticket,
      id: ticket2,
      leaseId: LEASE_2,
      number: "VI-2026-000777",
      category: "sauna",
      categoryName: "Sauna",
      status: "received",
      statusName: "Vastaanotettu",
    }),
    put(`news/${news2}`, { ...news, id: news2, title: "Pihatalkoot", leaseIds: [LEASE_2] }),
  ];
}

/** The resident's SyncClient after its first pull: the fixture plus `extra`; pushes fail. */
async function openClient(extra: Patch = []): Promise<SyncClient> {
  const server = fakeSyncServer({
    patch: [...recordedPatch(), ...extra],
    mode: { kind: "pushFails" }, // offline for pushes: mutations wait
  });
  return openTestClient({ transport: server.transport });
}

afterEach(() => {
  closeTestClients();
  chosenLeaseId.value = null;
  syncUnavailable.value = false;
  resetApp();
});

const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ");

describe("the resident's home screen", () => {
  it("shows the home, its 24/7 number, open tickets, news and rent from the offline data", async () => {
    await openClient();
    render(<HomeScreen principal={principal()} />);

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Hei Aino!");
    const card = screen.getByTestId(`home-${LEASE}`);
    expect(text(card)).toContain("Kontulankaari 5, B 12");
    expect(text(card)).toContain("Vuokralainen");
    expect(screen.queryByTestId("home-switcher")).toBeNull();

    const call = await screen.findByTestId("home-emergency-call");
    expect(call.getAttribute("href")).toBe("tel:+358400000000");
    expect(call.textContent).toBe("Soita päivystysnumeroon +358 40 000 0000");
    expect(text(screen.getByTestId("home-emergency"))).toContain("älä tee vikailmoitusta");

    const report = screen.getByTestId("home-report");
    expect(report.getAttribute("href")).toBe("/report");
    expect(report.textContent).toBe("Tee vikailmoitus");
    expect(screen.getByTestId("home-tickets-link").getAttribute("href")).toBe("/tickets");

    const ticket = screen.getByTestId(`home-ticket-${TICKET}`);
    expect(text(ticket)).toContain("VI-2026-000001: Keittiö");
    expect(text(ticket)).toContain("Tila: Työn alla");
    expect(text(ticket)).toContain("Arvioitu valmistuminen 16. maaliskuuta 2026");
    expect(within(ticket).getByRole("link").getAttribute("href")).toBe(`/tickets/${TICKET}`);
    expect(within(ticket).queryByTestId("home-ticket-waiting")).toBeNull();

    const news = screen.getByTestId(`home-news-${NEWS}`);
    expect(text(news)).toContain("Vesikatko 2.12.");
    expect(text(news)).toContain("Julkaistu 2. maaliskuuta 2026");
    expect(within(news).getByTestId("home-news-unread").textContent).toBe("Lukematon");

    expect(screen.getByTestId("home-rent-ok").textContent).toBe("Ei erääntyneitä vuokria.");
    expect(screen.getByTestId("home-rent-next").textContent).toBe("Ei avoimia laskuja.");

    const h2s = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(h2s).toEqual([
      "Kotisi",
      "Kiireellinen vika",
      "Vuokra",
      "Avoimet vikailmoitukset",
      "Tiedotteet",
    ]);
  });

  it("the home switcher changes the tickets, news and 24/7 number below it", async () => {
    await openClient(secondHomeRows());
    render(<HomeScreen principal={principal([home1, home2])} />);
    const switcher = screen.getByRole("group", { name: "Valitse, minkä kodin tiedot näytetään" });
    const first = within(switcher).getByRole("radio", { name: /Kontulankaari 5, B 12/ });
    const second = within(switcher).getByRole("radio", { name: /Vuosaarentie 3, C 4/ });
    expect((first as HTMLInputElement).checked).toBe(true);

    const list = await screen.findByTestId("home-ticket-list");
    expect(text(list)).toContain("VI-2026-000001");
    expect(text(list)).not.toContain("VI-2026-000777");

    fireEvent.click(second);
    await waitFor(() => expect((second as HTMLInputElement).checked).toBe(true));
    expect(chosenLeaseId.value).toBe(LEASE_2);
    expect(localStorage.getItem("resident-portal.active-home")).toBe(LEASE_2);
    const after = screen.getByTestId("home-ticket-list");
    expect(text(after)).toContain("VI-2026-000777: Sauna");
    expect(text(after)).not.toContain("VI-2026-000001");
    expect(text(screen.getByTestId("home-news-list"))).toContain("Pihatalkoot");
    expect(text(screen.getByTestId("home-news-list"))).not.toContain("Vesikatko");
    expect(screen.getByTestId("home-emergency-call").getAttribute("href")).toBe(
      "tel:+358400000999",
    );
    // Not the main tenant there: no rent.
    expect(screen.queryByTestId("home-rent")).toBeNull();
  });

  it("never shows rent to a resident who is not the main tenant, even if a row is there", async () => {
    const home = fixtureRow<Record<string, unknown>>(`home/${LEASE}`);
    await openClient([put(`home/${LEASE}`, { ...home, access: "resident" })]);
    render(<HomeScreen principal={principal([{ ...home1, access: "resident" }])} />);
    await screen.findByTestId("home-ticket-list");
    expect(text(screen.getByTestId(`home-${LEASE}`))).toContain("Asukas");
    expect(screen.queryByTestId("home-rent")).toBeNull();
    expect(screen.queryByRole("heading", { name: "Vuokra" })).toBeNull();
  });

  it("shows rent arrears prominently, with the overdue count and the next due date, in euros", async () => {
    const summary: RentSummaryRow = {
      ...fixtureRow<RentSummaryRow>(`rent/${LEASE}/summary`),
      debtCents: 123456,
      overdueCount: 2,
      nextDue: {
        id: "inv-1",
        periodStart: "2026-04-01",
        periodEnd: "2026-04-30",
        issuedOn: "2026-03-15",
        dueDate: "2026-04-05",
        amountCents: 85000,
        paidCents: 0,
        openCents: 85000,
        currency: "EUR",
        status: "unpaid",
        reference: null,
        rfReference: null,
        recipient: "Vuokranantaja Oy",
      },
    };
    await openClient([put(`rent/${LEASE}/summary`, summary)]);
    render(<HomeScreen principal={principal()} />);
    const debt = await screen.findByTestId("home-rent-debt");
    expect(text(debt)).toContain("Vuokrarästi: 1 234,56 €");
    expect(text(debt)).toContain("2 erääntynyttä laskua");
    expect(text(screen.getByTestId("home-rent-next"))).toBe(
      "Seuraava eräpäivä 5. huhtikuuta 2026: 850,00 €",
    );
    expect(screen.queryByTestId("home-rent-ok")).toBeNull();

    language.value = "en";
    await waitFor(() => expect(text(debt)).toContain("Rent arrears: €1,234.56"));
    expect(text(debt)).toContain("2 overdue invoices");
    expect(text(screen.getByTestId("home-rent-next"))).toBe("Next due date 5 April 2026: €850.00");
  });

  it("a defect notification filed offline is listed as waiting to send", async () => {
    const client = await openClient();
    render(<HomeScreen principal={principal()} />);
    await screen.findByTestId("home-ticket-list");
    const id = "00000000-0000-4000-8000-0000000000d1";
    await client.mutate("createTicket", {
      id,
      leaseId: LEASE,
      category: "bathroom",
      description: "Hana tippuu.",
      masterKeyPermission: true,
      pets: false,
      contactPhone: "+358 40 000 0123",
    });
    const pending = await screen.findByTestId(`home-ticket-${id}`);
    expect(within(pending).getByTestId("home-ticket-waiting").textContent).toBe(
      "Odottaa lähetystä",
    );
    expect(text(pending)).toContain("Uusi vikailmoitus: Kylpyhuone ja WC");
    expect(within(pending).getByRole("link").getAttribute("href")).toBe(`/tickets/${id}`);
    // Waiting ones come first.
    const items = within(screen.getByTestId("home-ticket-list")).getAllByRole("listitem");
    expect(items[0]).toBe(pending);
  });

  it("lists only open tickets; none open says so", async () => {
    const ticket = fixtureRow<TicketRow>(`ticket/${TICKET}`);
    await openClient([
      put(`ticket/${TICKET}`, { ...ticket, status: "done", statusName: "Valmis" }),
    ]);
    render(<HomeScreen principal={principal()} />);
    expect((await screen.findByTestId("home-tickets-empty")).textContent).toBe(
      "Sinulla ei ole avoimia vikailmoituksia.",
    );
  });

  it("news: urgent first, then the newest, at most three; expired and other homes' left out", async () => {
    const base = fixtureRow<NewsRow>(`news/${NEWS}`);
    const item = (n: number, fields: Partial<NewsRow>) =>
      put(`news/n${n}`, { ...base, id: `n${n}`, title: `Tiedote ${n}`, read: true, ...fields });
    await openClient([
      item(1, { publishedAt: "2026-03-05T08:00:00Z" }),
      item(2, { publishedAt: "2026-01-01T08:00:00Z", urgent: true }),
      item(3, { publishedAt: "2026-03-09T08:00:00Z", expiresAt: "2026-03-10T00:00:00Z" }),
      item(4, { publishedAt: "2026-03-08T08:00:00Z", leaseIds: [LEASE_2] }),
      item(5, { publishedAt: "2026-02-01T08:00:00Z" }),
    ]);
    render(<HomeScreen principal={principal()} />);
    const list = await screen.findByTestId("home-news-list");
    const titles = within(list)
      .getAllByRole("listitem")
      .map((li) => li.querySelector(".home-item__title")?.textContent);
    expect(titles).toEqual(["Tiedote 2", "Tiedote 1", "Vesikatko 2.12."]);
    expect(text(within(list).getAllByRole("listitem")[0] as HTMLElement)).toContain("Kiireellinen");
    expect(within(list).getAllByTestId("home-news-unread")).toHaveLength(1);
  });

  it("before the offline data opens: the homes from the sign-in and a polite loading state", () => {
    syncClient.value = null;
    render(<HomeScreen principal={principal([home1, home2])} />);
    expect(text(screen.getByTestId("home-list"))).toContain("Vuosaarentie 3, C 4");
    expect(screen.getByRole("status").textContent).toBe("Ladataan kotisi tietoja…");
    expect(screen.queryByTestId("home-ticket-list")).toBeNull();
    expect(screen.getByTestId("home-report").getAttribute("href")).toBe("/report");
  });

  it("a browser that cannot keep offline data says so instead of loading forever", () => {
    syncClient.value = null;
    syncUnavailable.value = true;
    render(<HomeScreen principal={principal([home1])} />);
    expect(screen.getByTestId("home-unavailable")).toBeTruthy();
    expect(screen.queryByTestId("home-loading")).toBeNull();
    expect(text(screen.getByTestId("home-list"))).toContain(home1.unit);
  });

  it("a new device waits for its first pull before saying there is nothing", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transport: SyncTransport = {
      async push() {
        throw new TypeError("Failed to fetch");
      },
      async pull() {
        await held;
        return structuredClone(fixtureBody);
      },
      async putBlob() {},
    };
    const client = await openTestClient({ transport }, { sync: false });
    render(<HomeScreen principal={principal()} />);
    expect(screen.getByRole("status").textContent).toBe("Ladataan kotisi tietoja…");
    expect(screen.queryByTestId("home-tickets-empty")).toBeNull();
    const synced = client.sync();
    release();
    await synced;
    expect((await screen.findByTestId(`home-ticket-${TICKET}`)).textContent).toContain(
      "VI-2026-000001",
    );
    expect(screen.queryByTestId("home-loading")).toBeNull();
  });

  it("a home whose lease has not started shows only its address and start date", async () => {
    await openClient();
    const future: Home = { ...home2, access: "before_start", startsOn: "2026-09-01" };
    chosenLeaseId.value = LEASE_2;
    render(<HomeScreen principal={principal([home1, future])} />);
    const card = screen.getByTestId(`home-${LEASE_2}`);
    expect(text(card)).toContain("Vuosaarentie 3, C 4");
    expect(text(card)).toContain("Vuokrasopimus alkaa 1. syyskuuta 2026");
    expect(text(card)).not.toContain("Vuosaaren Ranta");
    expect(text(await screen.findByTestId("home-before-start"))).toContain("1. syyskuuta 2026");
    expect(screen.queryByTestId("home-report")).toBeNull();
    expect(screen.queryByTestId("home-ticket-list")).toBeNull();
    expect(screen.getByTestId("home-emergency-missing")).toBeTruthy();
  });

  it("speaks Swedish and English", async () => {
    await openClient();
    language.value = "sv";
    render(<HomeScreen principal={principal()} />);
    expect((await screen.findByTestId("home-report")).textContent).toBe("Gör en felanmälan");
    expect(screen.getByTestId("home-emergency-call").textContent).toBe(
      "Ring jourtelefonen +358 40 000 0000",
    );
    expect(screen.getByTestId("home-news-unread").textContent).toBe("Oläst");
    language.value = "en";
    await waitFor(() =>
      expect(screen.getByTestId("home-report").textContent).toBe("Report a defect"),
    );
    expect(screen.getByTestId("home-rent-ok").textContent).toBe("No overdue rent.");
  });

  it("staff are pointed to their console", () => {
    render(
      <HomeScreen
        principal={{
          kind: "staff",
          id: "s1",
          name: "Kaisa Virtanen",
          email: "kaisa@example.fi",
          roles: [],
          language: "fi",
        }}
      />,
    );
    expect(screen.getByTestId("home-greeting").textContent).toBe(
      "Olet kirjautunut henkilökuntana: Kaisa Virtanen",
    );
    expect(screen.queryByTestId("home-list")).toBeNull();
    expect(screen.getByTestId("home-staff-console").getAttribute("href")).toBe("/staff");
  });
});
