// @vitest-environment happy-dom

import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem, type Reply } from "../../test/fakeApi";
import { customerService, renderConsole, resetConsole } from "../test/staffTestkit";
import { directory, OTHER_STAFF_ID, summary, TICKET_ID, ticket } from "./ticketsTestkit";

const PATH = `/api/staff/tickets/${TICKET_ID}`;

function ticketApi(extra: Record<string, Reply | Reply[]> = {}) {
  return fakeApi({
    [`GET ${PATH}`]: json(200, ticket),
    "GET /api/staff/users": json(200, directory),
    ...extra,
  });
}

async function openTicket(extra: Record<string, Reply | Reply[]> = {}) {
  const api = ticketApi(extra);
  renderConsole(`/staff/tickets/${TICKET_ID}`, customerService);
  await screen.findByTestId("ticket-must-know");
  return api;
}

beforeEach(() => setCookie("portal_csrf", "csrf-t"));
afterEach(resetConsole);

describe("the ticket view", () => {
  it("shows the number, master key and pets boxed, contact (audit-logged), photos, timeline", async () => {
    await openTicket();
    expect(screen.getByTestId("ticket-heading").textContent).toBe("Vikailmoitus VI-2026-00042");
    expect(document.title).toBe("Vikailmoitus – Asukasportaali – henkilökunta");
    expect(screen.getByTestId("ticket-master-key").textContent).toBe(
      "Yleisavainta EI saa käyttää: sovi käynti asukkaan kanssa",
    );
    expect(screen.getByTestId("ticket-pets").textContent).toBe("Asunnossa on lemmikkejä");
    const contact = screen.getByTestId("ticket-contact");
    expect(contact.textContent).toContain("Mikko Laine");
    expect(
      within(contact).getByRole("link", { name: "+358 40 000 0101" }).getAttribute("href"),
    ).toBe("tel:+358400000101");
    expect(contact.textContent).toContain("kirjataan lokiin");
    expect(screen.getByTestId("ticket-facts").textContent).toContain("Kontulan Kaari");
    expect(screen.getByTestId("ticket-description-text").textContent).toContain("hana vuotaa");

    const photo = within(screen.getByTestId("ticket-photos")).getByRole("link", {
      name: "Kuva 1: avaa täysikokoisena",
    });
    expect(photo.getAttribute("href")).toBe(`${PATH}/photos/0192f0a4-0000-7000-8000-0000000000f1`);
    expect(photo.querySelector("img")?.getAttribute("src")).toBe(
      `${PATH}/photos/0192f0a4-0000-7000-8000-0000000000f1/thumbnail`,
    );

    const note = screen.getByTestId("event-0192f0a4-0000-7000-8000-0000000000e2");
    expect(note.textContent).toContain("Sisäinen muistiinpano");
    expect(note.textContent).toContain("tilataan putkimies");
    const comment = screen.getByTestId("event-0192f0a4-0000-7000-8000-0000000000e1");
    expect(comment.textContent).toContain("Näkyy asukkaalle");
  });

  it("schedules a visit: the window goes to POST /transition, then the ticket is read again", async () => {
    const scheduled = {
      ...ticket,
      status: "scheduled",
      statusName: "Aikataulutettu",
      updatedAt: "2026-11-14T08:00:00Z",
    };
    const api = await openTicket({
      [`POST ${PATH}/transition`]: json(200, { ...summary, status: "scheduled" }),
      [`GET ${PATH}`]: [json(200, ticket), json(200, scheduled)],
    });
    fireEvent.change(screen.getByLabelText("Uusi tila"), { target: { value: "scheduled" } });
    fireEvent.input(screen.getByLabelText("Alkaa"), { target: { value: "2026-12-02T09:00" } });
    fireEvent.input(screen.getByLabelText("Päättyy"), { target: { value: "2026-12-02T11:00" } });
    fireEvent.input(screen.getByLabelText("Viesti (vapaaehtoinen)"), {
      target: { value: "Putkimies tulee aamupäivällä." },
    });
    fireEvent.click(screen.getByTestId("transition-submit"));

    await waitFor(() =>
      expect(screen.getByTestId("ticket-message").textContent).toBe(
        "Tila muutettu: Aikataulutettu.",
      ),
    );
    const post = api.calls.find((c) => c.method === "POST");
    expect(post?.path).toBe(`${PATH}/transition`);
    expect(post?.headers["X-CSRF-Token"]).toBe("csrf-t");
    expect(post?.body).toEqual({
      to: "scheduled",
      scheduledStart: new Date("2026-12-02T09:00").toISOString(),
      scheduledEnd: new Date("2026-12-02T11:00").toISOString(),
      note: "Putkimies tulee aamupäivällä.",
      visibility: "public",
    });
    expect(api.calls.filter((c) => c.method === "GET" && c.path === PATH)).toHaveLength(2);
    await waitFor(() =>
      expect(screen.getByTestId("ticket-facts").textContent).toContain("Aikataulutettu"),
    );
  });

  it("rejecting needs a reason before anything is sent; the server's problem keeps the text", async () => {
    const api = await openTicket({
      [`POST ${PATH}/transition`]: problem(
        409,
        "Tila on jo muuttunut",
        "Lataa vikailmoitus uudelleen.",
      ),
    });
    fireEvent.change(screen.getByLabelText("Uusi tila"), { target: { value: "rejected" } });
    fireEvent.click(screen.getByTestId("transition-submit"));
    const reason = screen.getByLabelText("Hylkäämisen syy (näkyy asukkaalle)");
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    const describedBy = reason.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe("Kirjoita hylkäämisen syy.");
    expect(document.activeElement).toBe(reason);
    expect(api.writes()).toEqual([]);

    fireEvent.input(reason, { target: { value: "Ei vuokranantajan vastuulla." } });
    fireEvent.click(screen.getByTestId("transition-submit"));
    expect((await screen.findByTestId("error-alert")).textContent).toContain(
      "Tila on jo muuttunut",
    );
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({
      to: "rejected",
      reason: "Ei vuokranantajan vastuulla.",
    });
    expect((screen.getByTestId("transition-reason") as HTMLTextAreaElement).value).toBe(
      "Ei vuokranantajan vastuulla.",
    );
  });

  it("only the moves staff may make are offered; a closed ticket offers none", async () => {
    await openTicket();
    const options = [...(screen.getByLabelText("Uusi tila") as HTMLSelectElement).options];
    expect(options.map((o) => o.value)).toEqual([
      "",
      "in_progress",
      "scheduled",
      "waiting_for_parts",
      "done",
      "rejected",
    ]);
    resetConsole();
    setCookie("portal_csrf", "csrf-t");
    ticketApi({ [`GET ${PATH}`]: json(200, { ...ticket, status: "done", statusName: "Valmis" }) });
    renderConsole(`/staff/tickets/${TICKET_ID}`);
    await screen.findByTestId("ticket-must-know");
    expect(screen.queryByTestId("transition-to")).toBeNull();
    expect(screen.getByText("Suljetun vikailmoituksen tilaa ei voi muuttaa.")).toBeTruthy();
  });

  it("an internal note and an assignment", async () => {
    const api = await openTicket({
      [`POST ${PATH}/comments`]: json(201, summary),
      [`POST ${PATH}/assign`]: json(200, { ...summary, assigneeId: OTHER_STAFF_ID }),
    });
    fireEvent.input(screen.getByLabelText("Teksti"), {
      target: { value: "Avain haettu toimistolta." },
    });
    expect((screen.getByTestId("comment-visibility-internal") as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByTestId("comment-submit"));
    await waitFor(() => expect(screen.getByTestId("ticket-message").textContent).toBe("Lisätty."));
    expect(api.calls.find((c) => c.path === `${PATH}/comments`)?.body).toEqual({
      text: "Avain haettu toimistolta.",
      visibility: "internal",
    });

    const assignee = screen.getByTestId("assign-select") as HTMLSelectElement;
    expect([...assignee.options].map((o) => o.textContent)).toEqual([
      "Ei käsittelijää",
      "Kaisa Virtanen",
      "Heikki Huolto",
    ]);
    fireEvent.change(assignee, { target: { value: OTHER_STAFF_ID } });
    fireEvent.click(screen.getByTestId("assign-submit"));
    await waitFor(() =>
      expect(screen.getByTestId("ticket-message").textContent).toBe("Käsittelijä tallennettu."),
    );
    expect(api.calls.find((c) => c.path === `${PATH}/assign`)?.body).toEqual({
      assigneeId: OTHER_STAFF_ID,
    });
  });
});
