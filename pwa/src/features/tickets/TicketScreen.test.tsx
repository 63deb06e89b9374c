// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { listDrafts } from "../../offline";
import { resetApp } from "../../test/reset";
import { resident } from "../../test/sessions";
import { TicketScreen } from "./TicketScreen";
import {
  closeClients,
  event,
  FIXTURE_TICKET,
  fakeServer,
  openClient,
  outbox,
  ticket,
} from "./ticketsTestkit";

afterEach(() => {
  closeClients();
  resetApp();
});

const ID = FIXTURE_TICKET.id;

const withStaffComment = ticket({
  id: ID,
  timeline: [
    ...FIXTURE_TICKET.timeline,
    event({
      id: "00000000-0000-4000-8000-000000000201",
      kind: "comment",
      actorKind: "staff",
      actorName: "Kaisa Virtanen",
      text: "Huoltomies tulee tiistaina.",
      createdAt: "2026-03-03T10:15:00Z",
    }),
    event({
      id: "00000000-0000-4000-8000-000000000202",
      kind: "comment",
      actorKind: "resident",
      actorName: "Aino Asukas",
      text: "Kiitos, olen kotona.",
      createdAt: "2026-03-03T11:00:00Z",
    }),
  ],
});

function show(ticketId = ID) {
  render(<TicketScreen principal={resident} ticketId={ticketId} />);
}

function commentBox(): HTMLTextAreaElement {
  return screen.getByLabelText("Kommentti") as HTMLTextAreaElement;
}

describe("The ticket timeline", () => {
  it("shows the ticket, its status and the staff's comment from the synced row", async () => {
    await openClient(fakeServer([withStaffComment]));
    show();
    expect((await screen.findByTestId("ticket-heading")).textContent).toBe(
      "VI-2026-000001 · Keittiö",
    );
    expect(screen.getByTestId("ticket-status").textContent).toBe("Työn alla");
    expect(screen.getByTestId("ticket-expected-by").textContent).toBe("16. maaliskuuta 2026");
    const facts = screen.getByTestId("ticket-facts").textContent ?? "";
    expect(facts).toContain("Astianpesukone vuotaa.");
    expect(facts).toContain("Huolto saa mennä asuntoon yleisavaimellaKyllä");
    expect(facts).toContain("Asunnossa on lemmikkejäEi");
    expect(facts).toContain("+358 40 000 0123");

    const timeline = screen.getByTestId("ticket-timeline");
    const items = within(timeline).getAllByRole("listitem");
    expect(items).toHaveLength(4);
    expect(items[0]?.textContent).toContain("Tila: Vastaanotettu");
    expect(items[1]?.textContent).toContain("Tila: Työn alla");
    const staff = screen.getByTestId("ticket-event-00000000-0000-4000-8000-000000000201");
    expect(staff.textContent).toContain("Huoltomies tulee tiistaina.");
    expect(within(staff).getByTestId("ticket-event-actor").textContent).toBe(
      "Kaisa Virtanen (henkilökunta)",
    );
    expect(staff.querySelector("time")?.getAttribute("datetime")).toBe("2026-03-03T10:15:00Z");
    const mine = screen.getByTestId("ticket-event-00000000-0000-4000-8000-000000000202");
    expect(within(mine).getByTestId("ticket-event-actor").textContent).toBe("Aino Asukas (asukas)");
    expect(screen.queryByTestId("ticket-event-pending")).toBeNull();
  });

  it("shows the scheduled visit, server photos and a photo waiting to upload", async () => {
    const sha = "a".repeat(64);
    const scheduled = ticket({
      id: ID,
      status: "scheduled",
      scheduledStart: "2026-03-10T08:00:00Z",
      scheduledEnd: "2026-03-10T10:00:00Z",
      photos: [
        {
          id: "00000000-0000-4000-8000-000000000301",
          position: 1,
          mediaType: "image/jpeg",
          width: 800,
          height: 600,
        },
      ],
    });
    await openClient(
      fakeServer(
        [scheduled],
        [
          {
            op: "put",
            key: `ticketPhoto/${ID}/${sha}`,
            value: { ticketId: ID, sha256: sha, pending: true },
          },
        ],
      ),
    );
    show();
    expect((await screen.findByTestId("ticket-status")).textContent).toBe("Aikataulutettu");
    expect(screen.getByTestId("ticket-scheduled").textContent).toContain("2026");
    const photo = screen.getByRole("img", { name: "Avaa kuva 1" });
    expect(photo.getAttribute("src")).toBe(
      `/api/tickets/${ID}/photos/00000000-0000-4000-8000-000000000301/thumbnail`,
    );
    expect(screen.getByTestId(`ticket-photo-pending-${sha}`).textContent).toBe(
      "Kuva odottaa lähetystä",
    );
  });

  it("shows a new comment at once as waiting to send and queues exactly one addTicketComment", async () => {
    const server = fakeServer([withStaffComment]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    show();
    await waitFor(() => expect(commentBox()).not.toBeNull());
    await waitFor(() =>
      expect((screen.getByTestId("ticket-comment-send") as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.input(commentBox(), { target: { value: "Vuoto on pahentunut." } });
    fireEvent.click(screen.getByTestId("ticket-comment-send"));

    const pending = await screen.findByTestId("ticket-event-pending");
    const item = pending.closest("li") as HTMLElement;
    expect(item.textContent).toContain("Vuoto on pahentunut.");
    expect(item.textContent).toContain("Odottaa lähetystä");
    expect(screen.getByTestId("ticket-comment-status").textContent).toBe(
      "Kommentti lisätty. Se odottaa lähetystä.",
    );
    expect(commentBox().value).toBe("");
    expect(await outbox(client)).toEqual([
      expect.objectContaining({
        name: "addTicketComment",
        args: { ticketId: ID, text: "Vuoto on pahentunut." },
      }),
    ]);
    expect(within(screen.getByTestId("ticket-timeline")).getAllByRole("listitem")).toHaveLength(5);
  });

  it("keeps what is typed as a draft across a reload of the screen", async () => {
    await openClient(fakeServer([withStaffComment]));
    show();
    await waitFor(() =>
      expect((screen.getByTestId("ticket-comment-send") as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.input(commentBox(), { target: { value: "Puolikas viesti" } });
    const client = (await import("../../state/sync")).syncClient.value;
    await waitFor(async () => {
      const drafts = client ? await listDrafts(client.db, "ticketComment") : [];
      expect(drafts.map((d) => d.value)).toEqual([{ ticketId: ID, text: "Puolikas viesti" }]);
    });
    resetApp();
    show();
    await waitFor(() => expect(commentBox().value).toBe("Puolikas viesti"));
  });

  it("asks for the comment text instead of sending an empty one", async () => {
    const server = fakeServer([withStaffComment]);
    const client = await openClient(server);
    show();
    await waitFor(() =>
      expect((screen.getByTestId("ticket-comment-send") as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId("ticket-comment-send"));
    expect(await screen.findByText("Kirjoita kommentti.")).not.toBeNull();
    expect(commentBox().getAttribute("aria-invalid")).toBe("true");
    expect(commentBox().getAttribute("maxlength")).toBe("4000");
    expect(await outbox(client)).toEqual([]);
  });

  it("shows a rejected comment's reason and keeps its text", async () => {
    const server = fakeServer([withStaffComment]);
    const client = await openClient(server);
    server.mode = {
      kind: "reject",
      problem: {
        code: "ticket-closed",
        title: "Vikailmoitus on suljettu",
        detail: "Suljettuun vikailmoitukseen ei voi enää kommentoida.",
      },
    };
    show();
    await waitFor(() =>
      expect((screen.getByTestId("ticket-comment-send") as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.input(commentBox(), { target: { value: "Tuleeko korjaaja huomenna?" } });
    fireEvent.click(screen.getByTestId("ticket-comment-send"));

    const rejections = await screen.findByTestId("ticket-comment-rejections");
    expect(rejections.textContent).toContain("Kommenttiasi ei voitu lähettää.");
    expect(rejections.textContent).toContain(
      "Suljettuun vikailmoitukseen ei voi enää kommentoida.",
    );
    await waitFor(() => expect(commentBox().value).toBe("Tuleeko korjaaja huomenna?"));
    expect(screen.queryByTestId("ticket-event-pending")).toBeNull();
    const drafts = await listDrafts(client.db, "ticketComment");
    expect(drafts.map((d) => d.value)).toEqual([
      { ticketId: ID, text: "Tuleeko korjaaja huomenna?" },
    ]);
    expect(server.pushes.flatMap((p) => p.mutations.map((m) => m.name))).toEqual([
      "addTicketComment",
    ]);
  });
});

describe("Cancel, rate and reopen", () => {
  it("offers none of them while the work is in progress", async () => {
    await openClient(fakeServer([withStaffComment]));
    show();
    await screen.findByTestId("ticket-heading");
    expect(screen.queryByTestId("ticket-actions")).toBeNull();
    expect(screen.queryByRole("button", { name: "Peru vikailmoitus" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Lähetä arvio" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Avaa vikailmoitus uudelleen" })).toBeNull();
  });

  it("cancels a received ticket with a reason, and then no longer offers to", async () => {
    const server = fakeServer([ticket({ id: ID, status: "received", canCancel: true })]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Peru vikailmoitus" }));
    expect(screen.queryByRole("button", { name: "Lähetä arvio" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Avaa vikailmoitus uudelleen" })).toBeNull();
    const reason = screen.getByLabelText("Syy (vapaaehtoinen)") as HTMLTextAreaElement;
    expect(reason.getAttribute("maxlength")).toBe("1000");
    await waitFor(() =>
      expect((screen.getByTestId("ticket-cancel-confirm") as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    fireEvent.input(reason, { target: { value: "Korjasin itse." } });
    fireEvent.click(screen.getByTestId("ticket-cancel-confirm"));
    await waitFor(() =>
      expect(screen.getByTestId("ticket-status").textContent).toContain("Peruttu"),
    );
    expect(screen.queryByRole("button", { name: "Peru vikailmoitus" })).toBeNull();
    expect(await outbox(client)).toEqual([
      expect.objectContaining({
        name: "cancelTicket",
        args: { ticketId: ID, reason: "Korjasin itse." },
      }),
    ]);
  });

  it("offers rating and reopening for done work, and rates with stars and a comment", async () => {
    const done = ticket({
      id: ID,
      status: "done",
      closedAt: "2026-03-02T08:00:00Z",
      canRate: true,
      canReopen: true,
    });
    const server = fakeServer([done]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    show();
    expect(
      await screen.findByRole("button", { name: "Avaa vikailmoitus uudelleen" }),
    ).not.toBeNull();
    expect(screen.queryByRole("button", { name: "Peru vikailmoitus" })).toBeNull();
    await waitFor(() =>
      expect((screen.getByTestId("ticket-rate-send") as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId("ticket-rate-send"));
    expect(await screen.findByText("Valitse arvosana 1–5.")).not.toBeNull();
    fireEvent.click(screen.getByLabelText(/4 tähteä/));
    fireEvent.input(screen.getByLabelText("Kommentti (vapaaehtoinen)"), {
      target: { value: "Nopeaa työtä." },
    });
    fireEvent.click(screen.getByTestId("ticket-rate-send"));
    await waitFor(() => expect(screen.queryByTestId("ticket-rate-form")).toBeNull());
    expect(await outbox(client)).toEqual([
      expect.objectContaining({
        name: "rateTicket",
        args: { ticketId: ID, stars: 4, comment: "Nopeaa työtä." },
      }),
    ]);
  });

  it("reopens only with a reason", async () => {
    const done = ticket({ id: ID, status: "done", canRate: false, canReopen: true });
    const server = fakeServer([done]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Avaa vikailmoitus uudelleen" }));
    expect(screen.queryByTestId("ticket-rate-form")).toBeNull();
    await waitFor(() =>
      expect((screen.getByTestId("ticket-reopen-confirm") as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    fireEvent.click(screen.getByTestId("ticket-reopen-confirm"));
    expect(await screen.findByText("Kerro syy.")).not.toBeNull();
    expect(await outbox(client)).toEqual([]);
    fireEvent.input(screen.getByLabelText("Miksi avaat vikailmoituksen uudelleen?"), {
      target: { value: "Vuotaa taas." },
    });
    fireEvent.click(screen.getByTestId("ticket-reopen-confirm"));
    await waitFor(async () =>
      expect(await outbox(client)).toEqual([
        expect.objectContaining({
          name: "reopenTicket",
          args: { ticketId: ID, reason: "Vuotaa taas." },
        }),
      ]),
    );
  });
});

describe("Adding photos", () => {
  it("stores a photo, queues addTicketPhoto and shows it as waiting to upload", async () => {
    const server = fakeServer([withStaffComment]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    show();
    const input = (await screen.findByLabelText("Lisää kuvia")) as HTMLInputElement;
    expect(screen.getByTestId("ticket-photos").textContent).toContain("Voit lisätä vielä 5.");
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], "vuoto.jpg", {
      type: "image/jpeg",
    });
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    fireEvent.change(input);

    expect(await screen.findByText("Kuva odottaa lähetystä")).not.toBeNull();
    const queued = await outbox(client);
    expect(queued.map((m) => m.name)).toEqual(["addTicketPhoto"]);
    const sha256 = String(queued[0]?.args.sha256 ?? "");
    expect(queued[0]?.args).toEqual({ ticketId: ID, sha256 });
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await client.db.get("blobs", sha256)).toMatchObject({ type: "image/jpeg" });
    expect(screen.getByTestId("ticket-photos").textContent).toContain("Voit lisätä vielä 4.");
  });
});

describe("A ticket that is not there", () => {
  it("says it was not found or is no longer theirs, with a way back", async () => {
    await openClient(fakeServer([withStaffComment]));
    show("00000000-0000-4000-8000-000000000999");
    expect((await screen.findByTestId("ticket-not-found")).textContent).toBe(
      "Vikailmoitusta ei löytynyt, tai se ei ole enää sinun.",
    );
    expect(screen.getByTestId("ticket-back").getAttribute("href")).toBe("/tickets");
  });
});
