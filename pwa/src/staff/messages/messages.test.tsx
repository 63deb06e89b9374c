// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { customerService, editor, renderConsole, resetConsole } from "../test/staffTestkit";
import type { StaffThread, StaffThreadSummary } from "./api";

const THREAD = "0192f0a4-0000-7000-8000-0000000a0001";
const PROPERTY = "0192f0a4-0000-7000-8000-0000000b0001";
const COLLEAGUE = "0192f0a4-0000-7000-8000-00000000c502";

const summary: StaffThreadSummary = {
  id: THREAD,
  leaseId: "0192f0a4-0000-7000-8000-0000000c0001",
  leaseNumber: "V-1001",
  propertyId: PROPERTY,
  propertyName: "Kontulan Kaari 5",
  unit: "A 12",
  category: "sauna",
  categoryName: "Saunavuoro",
  subject: "Saunavuoro torstaisin",
  status: "open",
  statusName: "Avoin",
  messageCount: 2,
  unread: 2,
  assignedTo: null,
  createdAt: "2026-11-28T08:00:00Z",
  lastMessageAt: "2026-11-29T09:30:00Z",
  closedAt: null,
};

const thread: StaffThread = {
  ...summary,
  unread: 0,
  startedByName: "Matti Meikäläinen",
  messages: [
    {
      id: "m1",
      seq: 1,
      authorKind: "resident",
      authorName: "Matti Meikäläinen",
      mine: false,
      body: "Saisiko saunavuoron torstaisin?",
      createdAt: "2026-11-28T08:00:00Z",
      attachments: [
        {
          id: "0192f0a4-0000-7000-8000-0000000d0001",
          mediaType: "image/jpeg",
          sizeBytes: 204800,
          width: 800,
          height: 600,
          hasThumbnail: true,
        },
      ],
    },
    {
      id: "m2",
      seq: 2,
      authorKind: "staff",
      authorName: "Kaisa Virtanen",
      mine: true,
      body: "Katsotaan vapaat vuorot.",
      createdAt: "2026-11-29T09:30:00Z",
      attachments: [],
    },
  ],
};

const regions = [
  {
    id: "r1",
    code: "ita",
    name: { fi: "Itä", sv: "Öst", en: "East" },
    properties: [{ id: PROPERTY, code: "KON5", name: "Kontulan Kaari 5" }],
  },
];
const colleagues = [{ id: COLLEAGUE, name: "Pekka Palvelu", roles: ["customer_service"] }];

function inboxApi(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    "GET /api/staff/messages": json(200, { items: [summary], total: 1 }),
    "GET /api/staff/messages/unread": json(200, { threads: 1, messages: 2 }),
    "GET /api/staff/regions": json(200, regions),
    "GET /api/staff/users": json(200, colleagues),
    "GET /api/messages/categories": json(200, [
      { code: "sauna", name: "Saunavuoro", mainTenantOnly: false, serviceRequest: true },
      { code: "other", name: "Muu asia", mainTenantOnly: false, serviceRequest: false },
    ]),
    ...extra,
  });
}

const queryOf = (api: ReturnType<typeof fakeApi>, path: string) =>
  api.fetch.mock.calls
    .map(([url]) => new URL(String(url), "http://localhost"))
    .filter((u) => u.pathname === path)
    .map((u) => u.searchParams);

beforeEach(() => setCookie("portal_csrf", "csrf-t"));
afterEach(resetConsole);

describe("inbox", () => {
  it("lists threads with their unread counts and the total in the heading", async () => {
    inboxApi();
    renderConsole("/staff/messages", customerService);
    const row = await screen.findByTestId(`inbox-row-${THREAD}`);
    expect(row.textContent).toContain("Saunavuoro torstaisin");
    expect(row.textContent).toContain("2 uutta");
    expect(row.textContent).toContain("Kontulan Kaari 5, A 12");
    expect(row.textContent).toContain("Ei vastuuhenkilöä");
    const heading = screen.getByRole("heading", { level: 1 });
    await waitFor(() => expect(heading.textContent).toContain("1 lukematta"));
    expect(screen.getByTestId("inbox-unread-summary").textContent).toContain(
      "lukemattomia viestejä 2",
    );
    const table = screen.getByRole("table");
    expect(table.querySelector("caption")?.textContent).toContain("1–1 / 1");
    // The result line is announced (role=status), once: the status filter has its own id.
    expect(screen.getByTestId("inbox-count").textContent).toBe("1–1 / 1");
    expect(screen.getAllByTestId("inbox-status")).toHaveLength(1);
  });

  it("sends the filters the user picks to the API", async () => {
    const api = inboxApi();
    renderConsole("/staff/messages", customerService);
    await screen.findByTestId(`inbox-row-${THREAD}`);
    await screen.findByRole("option", { name: "Kontulan Kaari 5" });
    // The categories are the server's, in the console's language.
    await screen.findByRole("option", { name: "Saunavuoro" });
    fireEvent.change(screen.getByLabelText("Tila"), { target: { value: "open" } });
    fireEvent.change(screen.getByLabelText("Aihe"), { target: { value: "sauna" } });
    fireEvent.change(screen.getByLabelText("Kiinteistö"), { target: { value: PROPERTY } });
    fireEvent.click(screen.getByLabelText("Vain lukemattomat"));
    fireEvent.click(screen.getByLabelText("Vain minulle osoitetut"));
    await waitFor(() => {
      const last = queryOf(api, "/api/staff/messages").at(-1);
      expect(last?.get("status")).toBe("open");
      expect(last?.get("category")).toBe("sauna");
      expect(last?.get("propertyId")).toBe(PROPERTY);
      expect(last?.get("unread")).toBe("true");
      expect(last?.get("assignedTo")).toBe(customerService.id);
    });
  });

  it("shows the server's problem when the inbox cannot be read", async () => {
    inboxApi({
      "GET /api/staff/messages": problem(503, "Palvelu ei vastaa", "Yritä hetken päästä."),
    });
    renderConsole("/staff/messages", customerService);
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Palvelu ei vastaa");
  });

  it("is closed to an editor", async () => {
    inboxApi();
    renderConsole("/staff/messages", editor);
    await waitFor(() => expect(screen.queryByTestId("inbox-table")).toBeNull());
  });
});

describe("thread", () => {
  function threadApi(extra: Parameters<typeof fakeApi>[0] = {}) {
    return fakeApi({
      [`GET /api/staff/messages/${THREAD}`]: json(200, thread),
      "GET /api/staff/users": json(200, colleagues),
      ...extra,
    });
  }

  it("shows the conversation, resident and staff apart, with attachment links", async () => {
    threadApi();
    renderConsole(`/staff/messages/${THREAD}`, customerService);
    expect((await screen.findByTestId("thread-heading")).textContent).toBe("Saunavuoro torstaisin");
    const first = screen.getByTestId("message-1");
    expect(first.textContent).toContain("Asukas");
    expect(first.textContent).toContain("Saisiko saunavuoron torstaisin?");
    const link = within(first).getByRole("link");
    expect(link.getAttribute("href")).toBe(
      `/api/staff/messages/${THREAD}/attachments/0192f0a4-0000-7000-8000-0000000d0001`,
    );
    expect(link.textContent).toContain("Liite 1: kuva, 200 kB");
    expect(screen.getByTestId("message-2").textContent).toContain("Henkilökunta");
    expect(screen.getByTestId("thread-facts").textContent).toContain("Matti Meikäläinen");
  });

  it("sends a reply and clears the box; the new message appears", async () => {
    const replied: StaffThread = {
      ...thread,
      status: "answered",
      statusName: "Vastattu",
      messages: [
        ...thread.messages,
        {
          ...(thread.messages[1] as StaffThread["messages"][number]),
          id: "m3",
          seq: 3,
          body: "Torstai klo 18 on vapaa.",
        },
      ],
    };
    const api = threadApi({ [`POST /api/staff/messages/${THREAD}/messages`]: json(201, replied) });
    renderConsole(`/staff/messages/${THREAD}`, customerService);
    const box = (await screen.findByLabelText("Vastaus asukkaalle")) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: "Torstai klo 18 on vapaa." } });
    fireEvent.click(screen.getByRole("button", { name: "Lähetä vastaus" }));
    expect((await screen.findByTestId("message-3")).textContent).toContain("klo 18");
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({
      body: "Torstai klo 18 on vapaa.",
    });
    expect(box.value).toBe("");
    expect(screen.getByTestId("thread-status").textContent).toBe("Vastattu");
  });

  it("shows the server's problem and keeps the reply when sending fails", async () => {
    threadApi({
      [`POST /api/staff/messages/${THREAD}/messages`]: problem(
        409,
        "Keskustelu on suljettu",
        "Suljettuun keskusteluun ei voi vastata.",
      ),
    });
    renderConsole(`/staff/messages/${THREAD}`, customerService);
    const box = (await screen.findByLabelText("Vastaus asukkaalle")) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: "Hei!" } });
    fireEvent.click(screen.getByRole("button", { name: "Lähetä vastaus" }));
    expect((await screen.findByTestId("error-alert")).textContent).toContain(
      "Keskustelu on suljettu",
    );
    expect(box.value).toBe("Hei!");
  });

  it("assigns the thread to a colleague and closes it", async () => {
    const assigned = { ...thread, assignedTo: COLLEAGUE };
    const closed = { ...assigned, status: "closed", statusName: "Suljettu" };
    const api = threadApi({
      [`POST /api/staff/messages/${THREAD}/assign`]: json(200, assigned),
      [`POST /api/staff/messages/${THREAD}/close`]: json(200, closed),
    });
    renderConsole(`/staff/messages/${THREAD}`, customerService);
    await screen.findByRole("option", { name: "Pekka Palvelu" });
    fireEvent.change(screen.getByLabelText("Osoita keskustelu"), { target: { value: COLLEAGUE } });
    fireEvent.click(screen.getByRole("button", { name: "Tallenna vastuuhenkilö" }));
    await waitFor(() =>
      expect(screen.getByTestId("thread-assignee").textContent).toBe("Pekka Palvelu"),
    );
    expect(api.calls.find((c) => c.path.endsWith("/assign"))?.body).toEqual({
      staffId: COLLEAGUE,
    });
    fireEvent.click(screen.getByRole("button", { name: "Sulje keskustelu" }));
    expect(await screen.findByTestId("thread-closed")).toBeTruthy();
    expect(screen.queryByLabelText("Vastaus asukkaalle")).toBeNull();
    expect(api.writes()).toEqual([
      `POST /api/staff/messages/${THREAD}/assign`,
      `POST /api/staff/messages/${THREAD}/close`,
    ]);
  });
});
