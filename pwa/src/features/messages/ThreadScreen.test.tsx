// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { listDrafts } from "../../offline";
import { closeTestClients, fixtureResident } from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { fakeServer, message, openClient, outbox, thread, UUID_RE } from "./messagesTestkit";
import { REPLY_DRAFT, ThreadScreen } from "./ThreadScreen";

afterEach(() => {
  closeTestClients();
  resetApp();
});

const ID = "00000000-0000-4000-8000-00000000c001";
const FIRST = "00000000-0000-4000-8000-00000000c101";
const STAFF = "00000000-0000-4000-8000-00000000c102";
const ANON = "00000000-0000-4000-8000-00000000c103";

const conversation = thread({
  id: ID,
  subject: "Avain hukassa",
  status: "answered",
  statusName: "Vastattu",
  messages: [
    message({ id: FIRST, seq: 1, body: "Kadotin avaimeni.", createdAt: "2026-03-01T08:00:00Z" }),
    message({
      id: STAFF,
      seq: 2,
      authorKind: "staff",
      authorName: "Kaisa Virtanen",
      mine: false,
      body: "Uuden avaimen voi noutaa toimistolta.",
      createdAt: "2026-03-02T09:30:00Z",
    }),
    message({
      id: ANON,
      seq: 3,
      authorKind: "staff",
      authorName: "",
      mine: false,
      body: "Toimisto on auki klo 9–15.",
      createdAt: "2026-03-02T10:00:00Z",
    }),
  ],
});

function show(threadId = ID) {
  render(<ThreadScreen principal={fixtureResident()} threadId={threadId} />);
}

function replyBox(): HTMLTextAreaElement {
  return screen.getByLabelText("Vastauksesi") as HTMLTextAreaElement;
}

async function ready() {
  await waitFor(() =>
    expect((screen.getByTestId("thread-reply-send") as HTMLButtonElement).disabled).toBe(false),
  );
}

describe("A thread", () => {
  it("shows the conversation oldest first, with who wrote each message and when", async () => {
    await openClient(fakeServer([conversation]));
    show();
    expect((await screen.findByTestId("thread-heading")).textContent).toBe("Avain hukassa");
    expect(screen.getByTestId("thread-status").textContent).toBe("Vastattu");
    expect(screen.getByTestId("thread-facts").textContent).toContain("Avaimet");
    const items = within(screen.getByTestId("thread-messages")).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-testid"))).toEqual([
      `thread-message-${FIRST}`,
      `thread-message-${STAFF}`,
      `thread-message-${ANON}`,
    ]);
    const senders = items.map((li) => within(li).getByTestId("thread-message-sender").textContent);
    expect(senders).toEqual(["Sinä", "Asiakaspalvelu, Kaisa Virtanen", "Asiakaspalvelu"]);
    expect(items[1]?.textContent).toContain("Uuden avaimen voi noutaa toimistolta.");
    expect(items[1]?.querySelector("time")?.getAttribute("datetime")).toBe("2026-03-02T09:30:00Z");
    expect(screen.queryByTestId("thread-message-pending")).toBeNull();
  });

  it("shows a reply at once as waiting to send and queues exactly one sendMessage", async () => {
    const server = fakeServer([conversation]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    show();
    await ready();
    fireEvent.input(replyBox(), { target: { value: "Kiitos, haen sen huomenna." } });
    fireEvent.click(screen.getByTestId("thread-reply-send"));

    const pending = await screen.findByTestId("thread-message-pending");
    const item = pending.closest("li") as HTMLElement;
    expect(item.textContent).toContain("Kiitos, haen sen huomenna.");
    expect(pending.textContent).toBe("Odottaa lähetystä");
    expect(within(item).getByTestId("thread-message-sender").textContent).toBe("Sinä");
    expect(within(screen.getByTestId("thread-messages")).getAllByRole("listitem")).toHaveLength(4);
    expect(screen.getByTestId("thread-reply-status").textContent).toBe(
      "Vastaus lisätty. Se odottaa lähetystä.",
    );
    expect(replyBox().value).toBe("");
    const queued = await outbox(client);
    expect(queued).toEqual([
      expect.objectContaining({
        name: "sendMessage",
        args: { threadId: ID, body: "Kiitos, haen sen huomenna.", id: expect.any(String) },
      }),
    ]);
    expect(queued[0]?.args).toMatchObject({ id: expect.stringMatching(UUID_RE) });
  });

  it("keeps a reply being typed as a draft across a remount", async () => {
    const client = await openClient(fakeServer([conversation]));
    show();
    await ready();
    fireEvent.input(replyBox(), { target: { value: "Puolikas vastaus" } });
    await waitFor(async () => {
      const drafts = await listDrafts(client.db, REPLY_DRAFT);
      expect(drafts.map((d) => d.value)).toEqual([{ threadId: ID, text: "Puolikas vastaus" }]);
    });
    resetApp();
    show();
    await waitFor(() => expect(replyBox().value).toBe("Puolikas vastaus"));
  });

  it("shows a rejected reply's reason and puts its text back", async () => {
    const server = fakeServer([conversation]);
    const client = await openClient(server);
    server.mode = {
      kind: "reject",
      problem: {
        code: "thread-closed",
        title: "Keskustelu on suljettu",
        detail: "Tämä keskustelu on suljettu, joten siihen ei voi enää lisätä viestejä.",
      },
    };
    show();
    await ready();
    fireEvent.input(replyBox(), { target: { value: "Onko avain jo valmis?" } });
    fireEvent.click(screen.getByTestId("thread-reply-send"));

    const rejections = await screen.findByTestId("thread-reply-rejections");
    expect(rejections.textContent).toContain("Vastaustasi ei voitu lähettää.");
    expect(rejections.textContent).toContain(
      "Tämä keskustelu on suljettu, joten siihen ei voi enää lisätä viestejä.",
    );
    expect(rejections.textContent).toContain("Onko avain jo valmis?");
    await waitFor(() => expect(replyBox().value).toBe("Onko avain jo valmis?"));
    expect(screen.queryByTestId("thread-message-pending")).toBeNull();
    const drafts = await listDrafts(client.db, REPLY_DRAFT);
    expect(drafts.map((d) => d.value)).toEqual([{ threadId: ID, text: "Onko avain jo valmis?" }]);
    expect(server.pushes.flatMap((p) => p.mutations.map((m) => m.name))).toEqual(["sendMessage"]);
  });

  it("has no reply box when the thread is closed", async () => {
    await openClient(
      fakeServer([
        thread({
          ...conversation,
          status: "closed",
          statusName: "Suljettu",
          closedAt: "2026-03-04T08:00:00Z",
        }),
      ]),
    );
    show();
    expect((await screen.findByTestId("thread-status")).textContent).toBe("Suljettu");
    expect(screen.getByTestId("thread-closed").textContent).toContain(
      "Tämä keskustelu on suljettu",
    );
    expect(screen.queryByLabelText("Vastauksesi")).toBeNull();
    expect(screen.queryByTestId("thread-reply-form")).toBeNull();
  });

  it("marks an unread thread read when it is opened: sent once", async () => {
    const server = fakeServer([thread({ ...conversation, unread: 2 })]);
    await openClient(server);
    show();
    await screen.findByTestId("thread-heading");
    await waitFor(() => {
      const sent = server.pushes.flatMap((push) => push.mutations);
      expect(sent.map((m) => [m.name, m.args])).toEqual([["markThreadRead", { threadId: ID }]]);
    });
  });

  it("says so when the thread is not there", async () => {
    await openClient(fakeServer([conversation]));
    show("00000000-0000-4000-8000-00000000cfff");
    expect((await screen.findByTestId("thread-not-found")).textContent).toContain(
      "Viestiä ei löytynyt",
    );
  });
});
