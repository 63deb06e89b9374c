// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { listDrafts } from "../../offline";
import { currentPath } from "../../state/route";
import { syncClient } from "../../state/sync";
import { closeTestClients, fixtureHome, fixtureResident } from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { fakeServer, LEASE, openClient, outbox, UUID_RE } from "./messagesTestkit";
import { NEW_THREAD_DRAFT, NewMessageScreen } from "./NewMessageScreen";
import { ThreadScreen } from "./ThreadScreen";

afterEach(() => {
  closeTestClients();
  resetApp();
});

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

async function ready() {
  await waitFor(() =>
    expect((screen.getByTestId("new-message-send") as HTMLButtonElement).disabled).toBe(false),
  );
}

function fill() {
  fireEvent.change(field("Aihe"), { target: { value: "disturbance" } });
  fireEvent.input(field("Otsikko"), { target: { value: "Meteliä yöllä" } });
  fireEvent.input(field("Viesti"), { target: { value: "Naapurissa soi musiikki kello 2." } });
}

describe("A new message", () => {
  it("queues exactly one sendMessage and goes to the new thread, shown as waiting to send", async () => {
    const server = fakeServer([]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    const principal = fixtureResident();
    render(<NewMessageScreen principal={principal} />);
    await ready();
    fill();
    fireEvent.click(screen.getByTestId("new-message-send"));

    await waitFor(() => expect(currentPath.value).toMatch(/^\/messages\/.+/));
    const id = currentPath.value.slice("/messages/".length);
    expect(id).toMatch(UUID_RE);
    expect(await outbox(client)).toEqual([
      expect.objectContaining({
        name: "sendMessage",
        args: {
          leaseId: LEASE,
          category: "disturbance",
          subject: "Meteliä yöllä",
          body: "Naapurissa soi musiikki kello 2.",
          id,
        },
      }),
    ]);

    resetApp();
    render(<ThreadScreen principal={principal} threadId={id} />);
    expect((await screen.findByTestId("thread-heading")).textContent).toBe("Meteliä yöllä");
    expect(screen.getByTestId("thread-status").textContent).toBe("Odottaa lähetystä");
    expect(screen.getByTestId("thread-facts").textContent).toContain("Häiriöilmoitus");
    const mine = screen.getByTestId(`thread-message-${id}`);
    expect(mine.textContent).toContain("Naapurissa soi musiikki kello 2.");
    expect(within(mine).getByTestId("thread-message-sender").textContent).toBe("Sinä");
    expect(within(mine).getByTestId("thread-message-pending").textContent).toBe(
      "Odottaa lähetystä",
    );
  });

  it("keeps what is typed as a draft across a remount, and sends it once", async () => {
    const server = fakeServer([]);
    const client = await openClient(server);
    server.mode = { kind: "offline" };
    render(<NewMessageScreen principal={fixtureResident()} />);
    await ready();
    fill();
    await waitFor(async () => {
      const drafts = await listDrafts(client.db, NEW_THREAD_DRAFT);
      expect(drafts.map((d) => d.value)).toEqual([
        {
          leaseId: LEASE,
          category: "disturbance",
          subject: "Meteliä yöllä",
          body: "Naapurissa soi musiikki kello 2.",
        },
      ]);
    });

    resetApp();
    render(<NewMessageScreen principal={fixtureResident()} />);
    await waitFor(() => expect(field("Viesti").value).toBe("Naapurissa soi musiikki kello 2."));
    expect(field("Otsikko").value).toBe("Meteliä yöllä");
    expect((field("Aihe") as unknown as HTMLSelectElement).value).toBe("disturbance");
    fireEvent.click(screen.getByTestId("new-message-send"));
    await waitFor(() => expect(currentPath.value).toMatch(/^\/messages\/.+/));
    const [draft] = await listDrafts(client.db, NEW_THREAD_DRAFT);
    const queued = await outbox(client);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.args).toMatchObject({ id: draft?.id, subject: "Meteliä yöllä" });
    expect(currentPath.value).toBe(`/messages/${draft?.id}`);
  });

  it("asks for every field instead of sending an empty message", async () => {
    const client = await openClient(fakeServer([]));
    render(<NewMessageScreen principal={fixtureResident()} />);
    await ready();
    fireEvent.click(screen.getByTestId("new-message-send"));
    expect(await screen.findByText("Valitse aihe.")).not.toBeNull();
    expect(screen.getByText("Kirjoita otsikko.")).not.toBeNull();
    expect(screen.getByText("Kirjoita viesti.")).not.toBeNull();
    const body = field("Viesti");
    expect(body.getAttribute("aria-invalid")).toBe("true");
    expect(body.getAttribute("maxlength")).toBe("4000");
    expect(field("Otsikko").getAttribute("maxlength")).toBe("200");
    expect(await outbox(client)).toEqual([]);
  });

  it("offers service requests to a main tenant, general messages only to other residents", async () => {
    await openClient(fakeServer([]));
    render(<NewMessageScreen principal={fixtureResident()} />);
    await ready();
    const options = () =>
      [...(field("Aihe") as unknown as HTMLSelectElement).options].map((o) => o.value);
    expect(options()).toContain("disturbance");
    expect(options()).toContain("lease_termination");
    expect(screen.getByRole("group", { name: "Palvelupyynnöt" })).not.toBeNull();
    resetApp();
    render(
      <NewMessageScreen principal={fixtureResident([{ ...fixtureHome, access: "resident" }])} />,
    );
    await ready();
    expect(options()).toEqual(["", "other", "keys", "lease_control"]);
  });

  it("shows why the server refused a new message, with the text kept in the form", async () => {
    const server = fakeServer([]);
    const client = await openClient(server);
    server.mode = {
      kind: "reject",
      problem: {
        code: "forbidden",
        title: "Ei käyttöoikeutta",
        detail: "Sinulla ei ole oikeutta näihin tietoihin.",
      },
    };
    const principal = fixtureResident();
    render(<NewMessageScreen principal={principal} />);
    await ready();
    fill();
    fireEvent.click(screen.getByTestId("new-message-send"));
    await waitFor(() => expect(currentPath.value).toMatch(/^\/messages\/.+/));
    const id = currentPath.value.slice("/messages/".length);
    await client.sync();

    resetApp();
    render(<ThreadScreen principal={principal} threadId={id} />);
    const shown = await screen.findByTestId("thread-created-rejections");
    expect(shown.textContent).toContain("Viestiäsi ei voitu lähettää.");
    expect(shown.textContent).toContain("Sinulla ei ole oikeutta näihin tietoihin.");
    expect(shown.textContent).toContain("Naapurissa soi musiikki kello 2.");
    expect(screen.getByRole("link", { name: "Muokkaa ja lähetä uudelleen" })).not.toBeNull();

    resetApp();
    render(<NewMessageScreen principal={principal} />);
    await waitFor(() => expect(field("Viesti").value).toBe("Naapurissa soi musiikki kello 2."));
    expect((await screen.findByTestId("new-message-rejections")).textContent).toContain(
      "Sinulla ei ole oikeutta näihin tietoihin.",
    );
    expect(syncClient.value).toBe(client);
  });
});
