// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { listDrafts, type SyncClient } from "../../offline";
import { language } from "../../state/language";
import { fakeApi } from "../../test/fakeApi";
import {
  closeTestClients,
  FIXTURE_LEASE,
  fixtureHome,
  fixtureResident,
  openTestClient,
  type Patch,
} from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { FIXTURE_TICKET, fakeServer, outbox } from "../tickets/ticketsTestkit";
import { OccupantsScreen } from "./OccupantsScreen";
import {
  addDays,
  maskIdentityCodes,
  type OccupantChangeRow,
  type OccupantsRow,
  todayIso,
} from "./occupantModel";
import { DRAFT_KIND } from "./useChangeDraft";

afterEach(() => {
  closeTestClients();
  resetApp();
});

const today = todayIso();
const movesIn = addDays(today, 10);

function change(changes: Partial<OccupantChangeRow> & { id: string }): OccupantChangeRow {
  return {
    leaseId: FIXTURE_LEASE,
    kind: "move_in",
    status: "pending",
    details: {
      firstName: "Matti",
      lastName: "Meikäläinen",
      birthDate: "1990-05-01",
      movesInOn: "2026-03-01",
    },
    occupantId: null,
    reportedAt: "2026-02-20T10:00:00Z",
    decidedAt: null,
    reason: null,
    ...changes,
  };
}

const VILLE = "00000000-0000-4000-8000-000000000402";

/** `occupants/<lease>`: a main tenant (who cannot "move out") and an occupant. */
const REGISTER: OccupantsRow = [
  {
    id: "00000000-0000-4000-8000-000000000401",
    firstName: "Aino",
    lastName: "Asukas",
    role: "main_tenant",
    movedInOn: "2024-06-01",
    movedOutOn: null,
  },
  {
    id: VILLE,
    firstName: "Ville",
    lastName: "Asukas",
    role: "occupant",
    movedInOn: "2024-06-01",
    movedOutOn: null,
  },
];
const REGISTER_PUT: Patch = [{ op: "put", key: `occupants/${FIXTURE_LEASE}`, value: REGISTER }];

function optionsOf(select: HTMLSelectElement): (string | null)[] {
  return within(select)
    .getAllByRole("option")
    .map((o) => o.textContent);
}

async function show(
  rows: OccupantChangeRow[] = [],
  principal = fixtureResident(),
  extra: Patch = [],
) {
  const server = fakeServer(
    [FIXTURE_TICKET],
    [
      ...rows.map((row) => ({ op: "put" as const, key: `occupantChange/${row.id}`, value: row })),
      ...extra,
    ],
  );
  const client = await openTestClient({ transport: server.transport });
  const view = render(<OccupantsScreen principal={principal} />);
  return { server, client, view };
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

function type(label: string, value: string): void {
  fireEvent.input(field(label), { target: { value } });
}

async function fillMoveIn() {
  fireEvent.click(await screen.findByLabelText("Someone moves in"));
  type("First name", "  Liisa  Maria ");
  type("Last name", "Virtanen");
  type("Date of birth", "2001-02-03");
  type("Date of moving in", movesIn);
}

const moveInArgs = {
  leaseId: FIXTURE_LEASE,
  kind: "move_in",
  firstName: "Liisa Maria",
  lastName: "Virtanen",
  birthDate: "2001-02-03",
  movesInOn: movesIn,
};

async function drafts(client: SyncClient) {
  return (await listDrafts(client.db, DRAFT_KIND)).map((d) => d.value);
}

describe("OccupantsScreen", () => {
  it("tells someone who is not the main tenant who reports changes, without a form", async () => {
    await show(
      [change({ id: "00000000-0000-4000-8000-000000000301" })],
      fixtureResident([{ ...fixtureHome, access: "resident" }]),
    );
    expect(screen.getByTestId("occupants-not-main-tenant").textContent).toContain("vuokralainen");
    expect(screen.queryByTestId("occupant-form")).toBeNull();
    expect(screen.queryByText(/Meikäläinen/)).toBeNull();
  });

  it("lists the reports made with their status in words and a rejection's reason", async () => {
    language.value = "en";
    await show([
      change({ id: "00000000-0000-4000-8000-000000000301", reportedAt: "2026-01-10T10:00:00Z" }),
      change({
        id: "00000000-0000-4000-8000-000000000302",
        status: "approved",
        reportedAt: "2026-01-11T10:00:00Z",
      }),
      change({
        id: "00000000-0000-4000-8000-000000000303",
        kind: "birth",
        status: "rejected",
        reason: "Please attach the child's name as in the register.",
        details: { firstName: "Vauva", lastName: "Meikäläinen", birthDate: "2026-01-02" },
        reportedAt: "2026-01-12T10:00:00Z",
      }),
    ]);
    const list = await screen.findByTestId("occupants-reports");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-testid"))).toEqual([
      "occupant-report-00000000-0000-4000-8000-000000000303",
      "occupant-report-00000000-0000-4000-8000-000000000302",
      "occupant-report-00000000-0000-4000-8000-000000000301",
    ]);
    const status = (n: string) =>
      screen.getByTestId(`occupant-report-status-00000000-0000-4000-8000-000000000${n}`)
        .textContent;
    expect(status("301")).toBe("being processed");
    expect(status("302")).toBe("approved");
    expect(status("303")).toBe("rejected");
    expect(
      screen.getByTestId("occupant-report-reason-00000000-0000-4000-8000-000000000303").textContent,
    ).toBe("Reason: Please attach the child's name as in the register.");
  });

  it("queues exactly one reportOccupantChange and shows it waiting to send", async () => {
    language.value = "en";
    const { server, client } = await show();
    server.mode = { kind: "offline" };
    await fillMoveIn();
    expect(screen.getByText(/customer service reviews every report/i)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    await waitFor(async () => expect(await outbox(client)).toHaveLength(1));
    const [queued] = await outbox(client);
    expect(queued?.name).toBe("reportOccupantChange");
    expect(queued?.args).toEqual(moveInArgs);
    expect((await screen.findByTestId("occupant-form-status")).textContent).toContain(
      "waiting to send",
    );
    const list = await screen.findByTestId("occupants-reports");
    await waitFor(() => expect(within(list).getByText("waiting to send")).toBeTruthy());
    expect(within(list).getByText(/Liisa Maria Virtanen/)).toBeTruthy();
    // The form starts again, empty.
    expect(field("Someone moves in").checked).toBe(false);
  });

  it("ties validation errors to their fields and queues nothing", async () => {
    language.value = "en";
    const { client } = await show();
    fireEvent.click(await screen.findByRole("button", { name: "Send report" }));
    const kindError = await screen.findByText("Choose what changes.");
    expect(field("Someone moves in").getAttribute("aria-describedby")).toBe(kindError.id);

    fireEvent.click(screen.getByLabelText("Someone moves in"));
    type("Date of birth", addDays(today, 1));
    type("Date of moving in", addDays(today, 400));
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    const first = field("First name");
    await waitFor(() => expect(first.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = (input: HTMLInputElement) =>
      (input.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent)
        .join(" ");
    expect(describedBy(first)).toContain("Enter the first name.");
    expect(describedBy(field("Last name"))).toContain("Enter the last name.");
    expect(describedBy(field("Date of birth"))).toContain(
      "The date of birth cannot be in the future.",
    );
    expect(describedBy(field("Date of moving in"))).toContain("at most 3 months in the past");
    expect(screen.getByTestId("occupant-form-errors").textContent).toBe(
      "Correct the 4 fields marked below.",
    );
    expect(await outbox(client)).toEqual([]);
  });

  it("shows a rejection with its reason and keeps the draft in the form", async () => {
    language.value = "en";
    const { server, client } = await show();
    server.mode = {
      kind: "reject",
      problem: {
        code: "invalid-input",
        title: "Check the report",
        detail: "The date can be at most 6 months ahead.",
      },
    };
    await fillMoveIn();
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    const rejection = await screen.findByText("The date can be at most 6 months ahead.");
    expect(rejection.closest("[role=alert]")).toBeTruthy();
    expect(screen.getByText(/What you wrote is kept in the form/)).toBeTruthy();
    await waitFor(() => expect(field("First name").value).toBe("Liisa Maria"));
    expect(field("Someone moves in").checked).toBe(true);
    expect(field("Date of moving in").value).toBe(movesIn);
    const kept = await drafts(client);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ leaseId: FIXTURE_LEASE, form: { lastName: "Virtanen" } });
    expect(server.pushes).toHaveLength(1);
  });

  it("keeps what is typed as a draft across visits", async () => {
    language.value = "en";
    const { client, view } = await show();
    fireEvent.click(await screen.findByLabelText("Someone moves in"));
    type("First name", "Pekka");
    await waitFor(async () => expect(await drafts(client)).toHaveLength(1));
    view.unmount();
    render(<OccupantsScreen principal={fixtureResident()} />);
    await waitFor(() => expect(field("First name").value).toBe("Pekka"));
    expect(field("Someone moves in").checked).toBe(true);
  });

  it("shows the register from the offline data with no network, for a name change", async () => {
    language.value = "en";
    const api = fakeApi({});
    const { server, client } = await show([], fixtureResident(), REGISTER_PUT);
    server.mode = { kind: "offline" };
    fireEvent.click(await screen.findByLabelText("Someone's name changed"));
    const person = (await screen.findByLabelText("Person")) as HTMLSelectElement;
    expect(optionsOf(person)).toEqual(["Choose a person", "Aino Asukas", "Ville Asukas"]);
    fireEvent.change(person, { target: { value: VILLE } });
    type("New first name", "Vilho");
    type("New last name", "Asukas");
    type("Name in use from", today);
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    await waitFor(async () => expect(await outbox(client)).toHaveLength(1));
    expect((await outbox(client))[0]?.args).toEqual({
      leaseId: FIXTURE_LEASE,
      kind: "name_change",
      occupantId: VILLE,
      firstName: "Vilho",
      lastName: "Asukas",
      effectiveOn: today,
    });
    expect(api.calls).toEqual([]); // nothing asked over REST: the register came with the sync
  });

  it("reports someone moving out offline, chosen from the register (not a signatory)", async () => {
    language.value = "en";
    const api = fakeApi({});
    const { server, client } = await show([], fixtureResident(), REGISTER_PUT);
    server.mode = { kind: "offline" };
    fireEvent.click(await screen.findByLabelText("Someone moves out"));
    const person = (await screen.findByLabelText("Person")) as HTMLSelectElement;
    expect(optionsOf(person)).toEqual(["Choose a person", "Ville Asukas"]);
    fireEvent.change(person, { target: { value: VILLE } });
    type("Date of moving out", today);
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    await waitFor(async () => expect(await outbox(client)).toHaveLength(1));
    const [queued] = await outbox(client);
    expect(queued?.name).toBe("reportOccupantChange");
    expect(queued?.args).toEqual({
      leaseId: FIXTURE_LEASE,
      kind: "move_out",
      occupantId: VILLE,
      movesOutOn: today,
    });
    expect((await screen.findByTestId("occupant-form-status")).textContent).toContain(
      "waiting to send",
    );
    // The waiting report names the person from the register.
    const list = await screen.findByTestId("occupants-reports");
    await waitFor(() => expect(within(list).getByText("waiting to send")).toBeTruthy());
    expect(within(list).getByText(/Ville Asukas/)).toBeTruthy();
    expect(api.calls).toEqual([]);
    expect(server.pushes).toEqual([]);
  });

  it("keeps a rejected moving-out report as a draft with the person chosen", async () => {
    language.value = "en";
    const { server, client } = await show([], fixtureResident(), REGISTER_PUT);
    server.mode = {
      kind: "reject",
      problem: {
        code: "invalid-input",
        title: "Check the report",
        detail: "This person has already moved out.",
      },
    };
    fireEvent.click(await screen.findByLabelText("Someone moves out"));
    fireEvent.change(await screen.findByLabelText("Person"), { target: { value: VILLE } });
    type("Date of moving out", today);
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    expect(await screen.findByText("This person has already moved out.")).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByLabelText("Person") as HTMLSelectElement).value).toBe(VILLE),
    );
    expect(field("Date of moving out").value).toBe(today);
    const kept = await drafts(client);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ form: { kind: "move_out", occupantId: VILLE } });
  });

  it("says so when the register has not reached the device, and queues nothing", async () => {
    language.value = "en";
    const { client } = await show([], fixtureResident(), [
      { op: "del", key: `occupants/${FIXTURE_LEASE}` },
    ]);
    fireEvent.click(await screen.findByLabelText("Someone moves out"));
    expect((await screen.findByTestId("occupant-register-missing")).textContent).toBe(
      "The register of occupants is not on this device yet. It arrives with the next sync when there is a connection.",
    );
    expect(screen.queryByLabelText("Person")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    await waitFor(() =>
      expect(screen.getByTestId("occupant-form-errors").textContent).toMatch(/Correct the/),
    );
    expect(await outbox(client)).toEqual([]);
  });
});

describe("maskIdentityCodes", () => {
  it("keeps only the birth-date part of a personal identity code", () => {
    expect(maskIdentityCodes("Liisa 010203A123B")).toBe("Liisa 010203-****");
    expect(maskIdentityCodes("Liisa Virtanen")).toBe("Liisa Virtanen");
  });
});
