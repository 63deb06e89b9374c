// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ResidentPrincipal } from "../../api/types";
import { listDrafts, saveDraft, setPersistRequester, sha256Hex } from "../../offline";
import { freshAccount } from "../../offline/testkit";
import { language } from "../../state/language";
import { currentPath } from "../../state/route";
import { closeSync } from "../../state/sync";
import {
  closeTestClients,
  fakeSyncServer,
  fixtureHome,
  fixtureResident,
  FIXTURE_LEASE as LEASE,
  openTestClient,
} from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { setPhotoPreparer } from "./downscale";
import { ReportScreen } from "./ReportScreen";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const aino = fixtureResident([fixtureHome], { email: "aino@example.fi", language: "en" });

/** The server: the first pull is the recorded full pull; pushes wait (fail) or are refused. */
const fakeServer = () => fakeSyncServer({ mode: { kind: "pushFails" } });

const REFUSED = {
  kind: "reject",
  problem: {
    code: "contact-window-required",
    title: "Yhteystietoja puuttuu",
    detail: "Tell us when maintenance can reach you.",
  },
} as const;

async function openClient(server = fakeServer(), existing?: string) {
  const account = existing ?? freshAccount();
  const client = await openTestClient(
    { transport: server.transport },
    { account, seed: existing === undefined },
  );
  return { client, server, account };
}

function photoBytes(name: string): ArrayBuffer {
  return new TextEncoder().encode(`jpeg:${name}`).buffer as ArrayBuffer;
}

let persistRequests = 0;

beforeEach(() => {
  persistRequests = 0;
  setPersistRequester(async () => {
    persistRequests += 1;
    return true;
  });
  language.value = "en";
  currentPath.value = "/report";
  setPhotoPreparer(async (file) => ({
    bytes: photoBytes((file as File).name),
    type: "image/jpeg",
    width: 2048,
    height: 1536,
  }));
});

afterEach(() => {
  closeTestClients();
  setPhotoPreparer(null);
  setPersistRequester(null);
  resetApp();
});

const step = (name: string) => screen.findByTestId(`report-step-${name}`);
const next = () => fireEvent.click(screen.getByTestId("report-next"));
const radio = (name: string | RegExp) => screen.getByRole("radio", { name });
const type = (testid: string, value: string) =>
  fireEvent.input(screen.getByTestId(testid), { target: { value } });

function errorOf(control: HTMLElement): string {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ");
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" | ");
}

async function pickPhotos(...names: string[]) {
  const input = screen.getByTestId("report-photo-input") as HTMLInputElement;
  const files = names.map((name) => new File(["raw"], name, { type: "image/png" }));
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

/** Steps 1–5 the quick way (each checked in the full walk). */
async function upToPhotos(description = "The tap drips all the time.") {
  fireEvent.click(await screen.findByTestId("report-urgent-no"));
  await step("area");
  fireEvent.click(radio("Asunto"));
  next();
  await step("category");
  fireEvent.click(radio(/Keittiö/));
  next();
  await step("location");
  next();
  await step("description");
  type("report-description", description);
  next();
  await step("photos");
}

describe("the defect notification wizard", () => {
  it("walks through all eight steps and queues exactly one createTicket", async () => {
    const { client } = await openClient();
    render(<ReportScreen principal={aino} />);

    // 1. Emergency check first.
    await step("emergency");
    expect(screen.getByTestId("report-step-count").textContent).toBe("Step 1 of 8");
    expect(screen.getByText(/water leaking, no heating in winter, locked out/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "No, continue" }));

    // 2. Area: Next without an answer tells why, on the field, and focuses it.
    const areaStep = await step("area");
    await waitFor(() => expect(persistRequests).toBe(1)); // the first draft asks to persist
    expect(screen.getByTestId("report-step-count").textContent).toBe("Step 2 of 8");
    expect(document.activeElement?.id).toBe("report-step-heading");
    expect(within(areaStep).queryByText(/Which home/)).toBeNull(); // one home: not asked
    expect(within(areaStep).queryByText(/Kiireellinen/)).toBeNull(); // never the emergency group
    next();
    const apartment = radio("Asunto");
    expect(errorOf(apartment)).toBe(
      "Choose whether the defect is in your apartment or in a common area.",
    );
    expect(apartment.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(apartment);
    fireEvent.click(apartment);
    next();

    // 3. Category, with the usual handling time.
    await step("category");
    const kitchen = radio(/Keittiö/);
    expect(kitchen.getAttribute("aria-describedby")).toBeTruthy();
    expect(errorOf(kitchen)).toBe("usually handled within 14 days");
    expect(screen.queryByRole("radio", { name: /Vesivuoto/ })).toBeNull();
    fireEvent.click(kitchen);
    next();

    // 4. Location.
    await step("location");
    type("report-location", "Kitchen, under the sink");
    next();

    // 5. Description is required.
    await step("description");
    next();
    expect(errorOf(screen.getByTestId("report-description"))).toContain("Describe the defect.");
    type("report-description", "  The tap drips all the time.  ");
    next();

    // 6. Photos: downscaled, stored, shown with a remove button.
    await step("photos");
    await pickPhotos("a.png", "b.png");
    await waitFor(() => expect(screen.getAllByTestId("report-photo")).toHaveLength(2));
    expect(screen.getByTestId("report-photos-status").textContent).toBe(
      "Photo added. 2 of 5 photos.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Remove photo 1" }));
    expect(screen.getAllByTestId("report-photo")).toHaveLength(1);
    next();

    // 7. Master key, pets, phone (prefilled from the profile row).
    await step("access");
    expect((screen.getByTestId("report-phone") as HTMLInputElement).value).toBe("+358 40 000 0123");
    fireEvent.click(radio("No, contact me first"));
    next();
    expect(errorOf(screen.getByTestId("report-contact-window"))).toContain(
      "Tell us when you can be reached",
    );
    expect(errorOf(radio("No pets"))).toBe("Choose whether there are pets in the home.");
    type("report-contact-window", "Weekdays 8–12");
    fireEvent.click(radio("No pets"));
    next();

    // 8. Review, then send.
    await step("review");
    expect(screen.getByTestId("review-category").textContent).toBe("Keittiö");
    expect(screen.getByTestId("review-location").textContent).toBe("Kitchen, under the sink");
    expect(screen.getByTestId("review-contact-window").textContent).toBe("Weekdays 8–12");
    expect(screen.getByRole("button", { name: "Edit: Description" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Send the defect notification" }));

    await waitFor(() => expect(currentPath.value).toMatch(/^\/tickets\//));
    const id = currentPath.value.slice("/tickets/".length);
    expect(id).toMatch(UUID);
    const outbox = await client.db.getAll("outbox");
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.draftId).toBe(id);
    expect(outbox[0]?.mutation.name).toBe("createTicket");
    expect(outbox[0]?.mutation.args).toEqual({
      id,
      leaseId: LEASE,
      category: "kitchen",
      location: "Kitchen, under the sink",
      description: "The tap drips all the time.",
      masterKeyPermission: false,
      contactWindow: "Weekdays 8–12",
      pets: false,
      contactPhone: "+358 40 000 0123",
      photos: [await sha256Hex(photoBytes("b.png"))],
    });
    // Waiting to send: shown at once; the draft is kept until the server applied it.
    expect(client.state.view.value.get(`ticket/${id}`)).toMatchObject({ pending: true });
    expect((await listDrafts(client.db, "ticket")).map((d) => d.id)).toEqual([id]);
    const blob = await client.db.get("blobs", await sha256Hex(photoBytes("b.png")));
    expect(blob?.type).toBe("image/jpeg");
  });

  it("an urgent defect shows the 24/7 number to call, and no form", async () => {
    const { client } = await openClient();
    render(<ReportScreen principal={aino} />);
    fireEvent.click(await screen.findByRole("button", { name: "Yes, it is urgent" }));
    const call = await screen.findByRole("link", { name: "Call +358 40 000 0000" });
    expect(call.getAttribute("href")).toBe("tel:+358400000000");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toContain(
      "Urgent defect: call the 24/7 maintenance line",
    );
    expect(screen.queryAllByRole("radio")).toEqual([]);
    expect(screen.queryAllByRole("textbox")).toEqual([]);
    expect(screen.queryByTestId("report-next")).toBeNull();
    expect(await listDrafts(client.db, "ticket")).toEqual([]);
    expect(persistRequests).toBe(0);
  });

  it("restores the draft when the wizard is opened again, also after an app restart", async () => {
    const { client, server, account } = await openClient();
    const first = render(<ReportScreen principal={aino} />);
    await upToPhotos("Half-written description");
    fireEvent.click(screen.getByTestId("report-back"));
    await step("description");
    type("report-description", "Half-written description, more");
    first.unmount(); // e.g. the browser was closed: the last keystrokes were saved
    await waitFor(async () => {
      const [saved] = await listDrafts(client.db, "ticket");
      expect(saved?.value).toMatchObject({ description: "Half-written description, more" });
    });

    closeSync(); // the app closed; a new start opens the same offline database
    await openClient(server, account);
    render(<ReportScreen principal={aino} />);
    await screen.findByTestId("report-restored");
    await step("description");
    expect(screen.getByTestId("report-step-count").textContent).toBe("Step 5 of 8");
    expect((screen.getByTestId("report-description") as HTMLTextAreaElement).value).toBe(
      "Half-written description, more",
    );
    next();
    await step("photos");
  });

  it("continues the newest of several drafts and discards one only after confirmation", async () => {
    const { client } = await openClient();
    const older = "11111111-1111-4111-8111-111111111111";
    const newer = "22222222-2222-4222-8222-222222222222";
    const base = { leaseId: LEASE, area: "apartment", category: "kitchen", photos: [] };
    await saveDraft(
      client.db,
      older,
      "ticket",
      { ...base, step: "location", description: "Old" },
      1,
    );
    await saveDraft(
      client.db,
      newer,
      "ticket",
      { ...base, step: "description", description: "New" },
      2,
    );
    render(<ReportScreen principal={aino} />);
    await step("description");
    expect((screen.getByTestId("report-description") as HTMLTextAreaElement).value).toBe("New");
    const others = screen.getByTestId("report-others");
    expect(within(others).getByText("Keittiö: Old")).toBeTruthy();

    fireEvent.click(screen.getByTestId("report-discard"));
    fireEvent.click(within(screen.getByTestId("report-discard-dialog")).getByText("Cancel"));
    expect((await listDrafts(client.db, "ticket")).map((d) => d.id).sort()).toEqual([older, newer]);

    fireEvent.click(screen.getByTestId("report-discard"));
    fireEvent.click(screen.getByTestId("report-discard-confirm"));
    await step("emergency");
    await waitFor(async () =>
      expect((await listDrafts(client.db, "ticket")).map((d) => d.id)).toEqual([older]),
    );
    fireEvent.click(within(screen.getByTestId("report-others")).getByText("Continue"));
    await step("location");
  });

  it("deletes the stored bytes of a removed photo and of a discarded draft's photos", async () => {
    const { client } = await openClient();
    const first = await client.addPhoto(photoBytes("first.png"), "image/jpeg");
    const second = await client.addPhoto(photoBytes("second.png"), "image/jpeg");
    const draft = { leaseId: LEASE, area: "apartment", category: "kitchen", step: "photos" };
    await saveDraft(
      client.db,
      crypto.randomUUID(),
      "ticket",
      { ...draft, photos: [first, second] },
      1,
    );
    render(<ReportScreen principal={aino} />);
    await step("photos");
    expect(screen.getAllByTestId("report-photo")).toHaveLength(2);

    fireEvent.click(screen.getByRole("button", { name: "Remove photo 1" }));
    await waitFor(async () => expect(await client.db.getAllKeys("blobs")).toEqual([second]));

    fireEvent.click(screen.getByTestId("report-discard"));
    fireEvent.click(screen.getByTestId("report-discard-confirm"));
    await step("emergency");
    await waitFor(async () => expect(await client.db.getAllKeys("blobs")).toEqual([]));
    expect(await listDrafts(client.db, "ticket")).toEqual([]);
  });

  it("shows why a sent notification was refused, with the draft intact, and sends it again", async () => {
    const server = fakeServer();
    const { client } = await openClient(server);
    server.mode = REFUSED;
    const first = render(<ReportScreen principal={aino} />);
    await upToPhotos("Refused description");
    next();
    await step("access");
    fireEvent.click(radio("Yes, maintenance may enter with the master key"));
    fireEvent.click(radio("No pets"));
    next();
    await step("review");
    fireEvent.click(screen.getByTestId("report-send"));
    await waitFor(() => expect(currentPath.value).toMatch(/^\/tickets\//));
    const id = currentPath.value.slice("/tickets/".length);
    await waitFor(() => expect(client.state.rejected.value).toHaveLength(1));
    first.unmount();

    // Back to /report: the refusal and everything typed are there.
    server.mode = { kind: "pushFails" };
    render(<ReportScreen principal={aino} />);
    await step("review");
    expect(screen.getByTestId("report-rejected").textContent).toContain(
      "Tell us when maintenance can reach you.",
    );
    expect(screen.getByTestId("report-rejected").getAttribute("role")).toBe("alert");
    expect(screen.getByTestId("review-description").textContent).toBe("Refused description");
    expect((await listDrafts(client.db, "ticket")).map((d) => d.id)).toEqual([id]);

    fireEvent.click(screen.getByRole("button", { name: "Edit: Description" }));
    await step("description");
    type("report-description", "Refused description, fixed");
    fireEvent.click(screen.getByRole("button", { name: "Back to review" }));
    await step("review");
    currentPath.value = "/report";
    fireEvent.click(screen.getByTestId("report-send"));
    await waitFor(() => expect(currentPath.value).toBe(`/tickets/${id}`));
    const live = (await client.db.getAll("outbox")).filter((e) => !e.rejected);
    expect(live).toHaveLength(1);
    expect(live[0]?.mutation.args).toMatchObject({ id, description: "Refused description, fixed" });
    expect(client.state.rejected.value).toEqual([]);
  });
  it("asks which home when two homes have started (never one that has not)", async () => {
    const { client } = await openClient();
    const second = { ...aino.homes[0], leaseId: "lease-2", address: "Nordsjövägen 3", unit: "C 4" };
    const future = { ...second, leaseId: "lease-3", access: "before_start" as const, unit: "D 1" };
    const principal = { ...aino, homes: [aino.homes[0], second, future] } as ResidentPrincipal;
    render(<ReportScreen principal={principal} />);
    fireEvent.click(await screen.findByTestId("report-urgent-no"));
    const homes = within(await screen.findByTestId("report-home")).getAllByRole("radio");
    expect(homes.map((r) => r.parentElement?.textContent)).toEqual([
      "Kontulankaari 5 B 12Kontulankaari 5",
      "Nordsjövägen 3 C 4Kontulankaari 5",
    ]);
    expect((homes[0] as HTMLInputElement).checked).toBe(true); // the active home
    fireEvent.click(radio(/Nordsjövägen 3 C 4/));
    await waitFor(async () => {
      const [saved] = await listDrafts(client.db, "ticket");
      expect(saved?.value).toMatchObject({ leaseId: "lease-2" });
    });
  });
});
