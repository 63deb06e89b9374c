// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Home } from "../../api/types";
import { closeTestClients, fixtureHome, fixtureResident } from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { MessagesScreen } from "./MessagesScreen";
import { fakeServer, message, openClient, thread } from "./messagesTestkit";

afterEach(() => {
  closeTestClients();
  resetApp();
});

const OLD = "00000000-0000-4000-8000-00000000a001";
const NEWEST = "00000000-0000-4000-8000-00000000a002";
const MIDDLE = "00000000-0000-4000-8000-00000000a003";

const threads = [
  thread({
    id: OLD,
    subject: "Saunavuoro torstaisin",
    category: "sauna",
    categoryName: "Saunavuoro",
    status: "closed",
    statusName: "Suljettu",
    messages: [message({ id: `${OLD}1`, seq: 1, createdAt: "2026-01-10T08:00:00Z" })],
  }),
  thread({
    id: NEWEST,
    subject: "Avain hukassa",
    unread: 2,
    status: "answered",
    statusName: "Vastattu",
    messages: [
      message({ id: `${NEWEST}1`, seq: 1, createdAt: "2026-03-01T08:00:00Z" }),
      message({
        id: `${NEWEST}2`,
        seq: 2,
        authorKind: "staff",
        authorName: "Kaisa Virtanen",
        mine: false,
        createdAt: "2026-03-03T10:00:00Z",
      }),
      message({
        id: `${NEWEST}3`,
        seq: 3,
        authorKind: "staff",
        authorName: "Kaisa Virtanen",
        mine: false,
        createdAt: "2026-03-03T10:05:00Z",
      }),
    ],
  }),
  thread({
    id: MIDDLE,
    subject: "Vuokranmaksu",
    category: "rent_and_payments",
    categoryName: "Vuokra ja maksut",
    messages: [message({ id: `${MIDDLE}1`, seq: 1, createdAt: "2026-02-15T08:00:00Z" })],
  }),
];

function items(): HTMLElement[] {
  return within(screen.getByTestId("messages-list")).getAllByRole("listitem");
}

describe("The message list", () => {
  it("lists threads newest activity first, with unread ones marked in words and counted", async () => {
    await openClient(fakeServer(threads));
    render(<MessagesScreen principal={fixtureResident()} />);
    await screen.findByTestId("messages-list");
    expect(items().map((li) => li.getAttribute("data-testid"))).toEqual([
      `messages-item-${NEWEST}`,
      `messages-item-${MIDDLE}`,
      `messages-item-${OLD}`,
    ]);
    const newest = items()[0] as HTMLElement;
    expect(within(newest).getByRole("link", { name: "Avain hukassa" }).getAttribute("href")).toBe(
      `/messages/${NEWEST}`,
    );
    expect(screen.getByTestId(`messages-unread-${NEWEST}`).textContent).toBe("2 lukematonta");
    expect(newest.textContent).toContain("Aihe: Avaimet");
    expect(newest.querySelector("time")?.getAttribute("datetime")).toBe("2026-03-03T10:05:00Z");
    expect(screen.getByTestId(`messages-status-${NEWEST}`).textContent).toBe("Vastattu");
    expect(screen.getByTestId(`messages-status-${OLD}`).textContent).toBe("Suljettu");
    expect(screen.queryByTestId(`messages-unread-${MIDDLE}`)).toBeNull();
    expect(screen.getByTestId("messages-unread-total").textContent).toBe(
      "Sinulla on 2 lukematonta viestiä.",
    );
    expect(screen.getByRole("link", { name: "Uusi viesti" }).getAttribute("href")).toBe(
      "/messages/new",
    );
  });

  it("shows a new message not sent yet first, as waiting to send, then a thread with a waiting reply", async () => {
    const server = fakeServer(threads);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    const id = "0192f0a4-0000-4000-8000-0000000000b1";
    await client.mutate("sendMessage", {
      leaseId: fixtureHome.leaseId,
      category: "disturbance",
      subject: "Meteliä yöllä",
      body: "Naapurissa soi musiikki.",
      id,
    });
    await client.mutate("sendMessage", {
      threadId: OLD,
      body: "Vielä yksi kysymys",
      id: "0192f0a4-0000-4000-8000-0000000000b2",
    });
    render(<MessagesScreen principal={fixtureResident()} />);
    await screen.findByTestId("messages-list");
    const first = items()[0] as HTMLElement;
    expect(first.getAttribute("data-testid")).toBe(`messages-item-${id}`);
    expect(first.textContent).toContain("Meteliä yöllä");
    expect(first.textContent).toContain("Aihe: Häiriöilmoitus");
    expect(screen.getByTestId(`messages-status-${id}`).textContent).toBe("Odottaa lähetystä");
    expect(items()[1]?.getAttribute("data-testid")).toBe(`messages-item-${OLD}`);
    expect(screen.getByTestId(`messages-item-${OLD}`).textContent).toContain(
      "Vastauksesi odottaa lähetystä",
    );
  });

  it("says so when there are no messages", async () => {
    await openClient(fakeServer([]));
    render(<MessagesScreen principal={fixtureResident()} />);
    expect((await screen.findByTestId("messages-empty")).textContent).toBe(
      "Sinulla ei ole vielä viestejä.",
    );
  });

  it("shows the active home's threads, or every home's with the filter", async () => {
    const other: Home = {
      ...fixtureHome,
      leaseId: "00000000-0000-4000-8000-000000000002",
      address: "Itäkatu 1",
      unit: "C 3",
    };
    const elsewhere = thread({
      id: "00000000-0000-4000-8000-00000000a004",
      leaseId: other.leaseId,
      subject: "Toisen asunnon avain",
    });
    await openClient(fakeServer([...threads, elsewhere]));
    render(<MessagesScreen principal={fixtureResident([fixtureHome, other])} />);
    await screen.findByTestId("messages-list");
    expect(items()).toHaveLength(3);
    expect(screen.queryByText("Toisen asunnon avain")).toBeNull();
    fireEvent.change(screen.getByLabelText("Näytä asunto"), { target: { value: "all" } });
    expect(items()).toHaveLength(4);
    expect(screen.getByTestId(`messages-item-${elsewhere.id}`).textContent).toContain(
      "Asunto: Itäkatu 1, C 3",
    );
  });
});
