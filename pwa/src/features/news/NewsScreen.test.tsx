// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Home } from "../../api/types";
import { chosenLeaseId } from "../../state/activeHome";
import { language } from "../../state/language";
import { currentPath } from "../../state/route";
import { syncClient, syncUnavailable } from "../../state/sync";
import {
  closeTestClients,
  fixtureHome,
  secondHome as home2,
  FIXTURE_LEASE as LEASE,
  SECOND_LEASE as LEASE_2,
  fixtureResident as principal,
} from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { NewsItemScreen } from "./NewsItemScreen";
import { NewsScreen } from "./NewsScreen";
import { FIXTURE_NEWS, fakeServer, newsRow, openClient, outbox } from "./newsTestkit";

const ID = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, "0")}`;

afterEach(() => {
  closeTestClients();
  chosenLeaseId.value = null;
  syncUnavailable.value = false;
  resetApp();
});

const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();

/** The titles of the listed news, in order. */
function listedTitles(): string[] {
  return within(screen.getByTestId("news-list"))
    .getAllByRole("listitem")
    .map((li) => text(li.querySelector("h2") as HTMLElement));
}

/** Six items of the fixture's home: two read, one expired, one of another home. */
const sixItems = () => [
  newsRow({ id: ID(1), title: "Vanha tiedote", publishedAt: "2026-01-10T08:00:00Z", read: true }),
  newsRow({ id: ID(2), title: "Uusin tiedote", publishedAt: "2026-03-09T08:00:00Z" }),
  newsRow({
    id: ID(3),
    title: "Kiinnitetty ohje",
    publishedAt: "2025-12-01T08:00:00Z",
    pinned: true,
    read: true,
  }),
  newsRow({
    id: ID(4),
    title: "Vesivahinko rapussa",
    publishedAt: "2026-02-01T08:00:00Z",
    urgent: true,
  }),
  newsRow({
    id: ID(5),
    title: "Vanhentunut",
    publishedAt: "2026-03-10T08:00:00Z",
    expiresAt: "2026-03-11T00:00:00Z",
  }),
  newsRow({ id: ID(6), title: "Toisen talon tiedote", leaseIds: [LEASE_2] }),
];

describe("the news list", () => {
  it("urgent first and marked, pinned next, then the newest; expired ones left out", async () => {
    await openClient(fakeServer({ news: sixItems() }));
    render(<NewsScreen principal={principal()} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Tiedotteet");
    await screen.findByTestId("news-list");
    expect(listedTitles()).toEqual([
      "Vesivahinko rapussa",
      "Kiinnitetty ohje",
      "Uusin tiedote",
      "Vanha tiedote",
    ]);
    const urgent = screen.getByTestId(`news-item-${ID(4)}`);
    expect(within(urgent).getByTestId("news-urgent").textContent).toBe("Kiireellinen");
    expect(
      within(screen.getByTestId(`news-item-${ID(3)}`)).getByTestId("news-pinned"),
    ).toBeTruthy();
    expect(text(urgent)).toContain("Julkaistu 1. helmikuuta 2026");
    expect(within(urgent).getByRole("link").getAttribute("href")).toBe(`/news/${ID(4)}`);
  });

  it("marks unread ones in words, not only by looks", async () => {
    await openClient(fakeServer({ news: sixItems() }));
    render(<NewsScreen principal={principal()} />);
    await screen.findByTestId("news-list");
    const unread = (id: string) =>
      within(screen.getByTestId(`news-item-${id}`)).queryByTestId("news-unread");
    expect(unread(ID(2))?.textContent).toBe("Lukematon");
    expect(unread(ID(4))?.textContent).toBe("Lukematon");
    expect(unread(ID(1))).toBeNull();
    expect(unread(ID(3))).toBeNull();
    expect(screen.getAllByTestId("news-unread")).toHaveLength(2);

    language.value = "sv";
    await waitFor(() => expect(unread(ID(2))?.textContent).toBe("Oläst"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Nyheter");
  });

  it("opening an item navigates to it", async () => {
    await openClient(fakeServer());
    render(<NewsScreen principal={principal()} />);
    fireEvent.click(await screen.findByTestId(`news-link-${FIXTURE_NEWS.id}`));
    expect(currentPath.value).toBe(`/news/${FIXTURE_NEWS.id}`);
  });

  it("with two homes: the active home's news by default, the other home or both on choice", async () => {
    await openClient(fakeServer({ news: sixItems() }));
    chosenLeaseId.value = LEASE_2;
    render(<NewsScreen principal={principal([fixtureHome, home2])} />);
    const filter = screen.getByLabelText("Näytä asunto") as HTMLSelectElement;
    expect(filter.value).toBe(LEASE_2);
    await screen.findByTestId("news-list");
    expect(listedTitles()).toEqual(["Toisen talon tiedote"]);

    fireEvent.change(filter, { target: { value: LEASE } });
    await waitFor(() => expect(listedTitles()).toHaveLength(4));
    expect(listedTitles()).not.toContain("Toisen talon tiedote");

    fireEvent.change(filter, { target: { value: "all" } });
    await waitFor(() => expect(listedTitles()).toHaveLength(5));
    expect(text(screen.getByTestId(`news-item-${ID(6)}`))).toContain("Koti: Vuosaarentie 3, C 4");
  });

  it("no news says so", async () => {
    await openClient(fakeServer({ news: [] }));
    render(<NewsScreen principal={principal()} />);
    expect((await screen.findByTestId("news-empty")).textContent).toBe("Ei tiedotteita.");
    expect(screen.queryByTestId("news-list")).toBeNull();
  });

  it("a home whose lease has not started says when its news begin", async () => {
    await openClient(fakeServer({ news: [] }));
    const future: Home = { ...home2, access: "before_start", startsOn: "2026-09-01" };
    render(<NewsScreen principal={principal([future])} />);
    expect(text(await screen.findByTestId("news-before-start"))).toContain("1. syyskuuta 2026");
  });

  it("waits politely before the offline data is open", () => {
    syncClient.value = null;
    render(<NewsScreen principal={principal()} />);
    expect(screen.getByRole("status").textContent).toBe("Ladataan tiedotteita…");
  });
});

describe("one news item", () => {
  it("shows title, date and the body as plain paragraphs, never as HTML", async () => {
    const body = "Hei <b>kaikki</b>!\n\n<img src=x onerror=alert(1)>Toinen kappale\nrivi kaksi";
    await openClient(
      fakeServer({ news: [newsRow({ id: ID(1), title: "Pihatalkoot", body, read: true })] }),
    );
    render(<NewsItemScreen principal={principal()} newsId={ID(1)} />);
    expect((await screen.findByTestId("news-item-heading")).textContent).toBe("Pihatalkoot");
    expect(screen.getByTestId("news-item-date").textContent).toContain(
      "Julkaistu 2. maaliskuuta 2026",
    );
    const shown = screen.getByTestId("news-item-body");
    const paragraphs = shown.querySelectorAll("p");
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]?.textContent).toBe("Hei <b>kaikki</b>!");
    expect(paragraphs[1]?.querySelectorAll("br")).toHaveLength(1);
    expect(shown.querySelector("b, img")).toBeNull();
    expect(screen.queryByTestId("news-fell-back")).toBeNull();
    expect(screen.getByTestId("news-back").getAttribute("href")).toBe("/news");
  });

  it("opening an unread item marks it read at once and queues markNewsRead exactly once", async () => {
    const server = fakeServer();
    const client = await openClient(server);
    const shown = render(<NewsItemScreen principal={principal()} newsId={FIXTURE_NEWS.id} />);
    await screen.findByTestId("news-item-heading");
    await waitFor(() =>
      expect(client.state.row<{ read: boolean }>(`news/${FIXTURE_NEWS.id}`).value?.read).toBe(true),
    );
    // Re-rendered (another language) and opened again: still one.
    language.value = "en";
    await screen.findByText("Back to the news");
    shown.unmount();
    const again = render(<NewsItemScreen principal={principal()} newsId={FIXTURE_NEWS.id} />);
    await screen.findByTestId("news-item-heading");
    expect(await outbox(client)).toEqual([
      expect.objectContaining({ name: "markNewsRead", args: { newsId: FIXTURE_NEWS.id } }),
    ]);

    // The list shows it read before the server has heard of it.
    again.unmount();
    render(<NewsScreen principal={principal()} />);
    await screen.findByTestId("news-list");
    expect(screen.queryByTestId("news-unread")).toBeNull();

    // Online: sent once, and it stays read.
    server.mode = { kind: "apply" };
    await client.sync();
    await waitFor(async () => expect(await outbox(client)).toEqual([]));
    expect(server.received("markNewsRead")).toHaveLength(1);
    expect(client.state.row<{ read: boolean }>(`news/${FIXTURE_NEWS.id}`).value?.read).toBe(true);
    expect(screen.queryByTestId("news-unread")).toBeNull();
  });

  it("an item already read queues nothing", async () => {
    const client = await openClient(fakeServer({ news: [newsRow({ id: ID(1), read: true })] }));
    render(<NewsItemScreen principal={principal()} newsId={ID(1)} />);
    await screen.findByTestId("news-item-heading");
    expect(await outbox(client)).toEqual([]);
  });

  it("says when it is shown in Finnish because the resident's language was missing", async () => {
    const item = newsRow({
      id: ID(1),
      title: "Vesikatko",
      body: "Vesi on poikki.",
      language: "sv",
      fellBack: ["title", "body"],
      read: true,
    });
    await openClient(fakeServer({ news: [item] }));
    language.value = "sv";
    render(<NewsItemScreen principal={principal()} newsId={ID(1)} />);
    expect((await screen.findByTestId("news-fell-back")).textContent).toBe(
      "Det här meddelandet visas på finska, eftersom det inte finns på det språk du valt.",
    );
    expect(screen.getByTestId("news-item-body").getAttribute("lang")).toBe("fi");
    expect(screen.getByTestId("news-item-heading").querySelector("[lang='fi']")).not.toBeNull();
  });

  it("a missing or expired item is 'not found' with a way back", async () => {
    const expired = newsRow({ id: ID(2), expiresAt: "2026-01-01T00:00:00Z" });
    const client = await openClient(fakeServer({ news: [expired] }));
    const first = render(<NewsItemScreen principal={principal()} newsId={ID(1)} />);
    expect((await screen.findByTestId("news-not-found")).textContent).toContain(
      "Tiedotetta ei löytynyt",
    );
    expect(screen.getByTestId("news-back").getAttribute("href")).toBe("/news");
    first.unmount();
    render(<NewsItemScreen principal={principal()} newsId={ID(2)} />);
    expect(await screen.findByTestId("news-not-found")).toBeTruthy();
    expect(await outbox(client)).toEqual([]);
  });
});
