import { describe, expect, it } from "vitest";
import { applyOptimistic, PENDING_STATUS, rebase } from "./optimistic";
import type { PullResponse } from "./protocol";
import { fixtures } from "./testkit";

// The rows of a recorded first pull: a ticket in progress, a news item, the profile.
const { patch } = fixtures.pullFull.response.body as PullResponse;
const rows = new Map(patch.flatMap((op) => (op.op === "put" ? [[op.key, op.value]] : [])));
const keyOf = (prefix: string) => [...rows.keys()].find((key) => key.startsWith(prefix)) ?? "";
const ticketKey = keyOf("ticket/");
const newsKey = keyOf("news/");
const ticket = rows.get(ticketKey) as { id: string; timeline: unknown[] };
const news = rows.get(newsKey) as { id: string; read: boolean };
const profile = rows.get("profile") as Record<string, unknown>;
const read = (key: string) => rows.get(key);

describe("optimistic mutators on recorded rows", () => {
  it("createTicket adds a pending ticket row under the client's UUID", () => {
    const args = { id: "t2", category: "kitchen", description: "Hana vuotaa", photos: ["ab12"] };
    expect(applyOptimistic(read, "createTicket", args, 1)).toEqual([
      {
        op: "put",
        key: "ticket/t2",
        value: { ...args, status: PENDING_STATUS, pending: true, timeline: [] },
      },
    ]);
    // The server's row, once there, wins.
    expect(applyOptimistic(read, "createTicket", { id: ticket.id }, 2)).toEqual([]);
  });

  it("addTicketComment appends a pending event; a missing ticket changes nothing", () => {
    const args = { ticketId: ticket.id, text: "Hei" };
    const [change] = applyOptimistic(read, "addTicketComment", args, 7);
    expect(change).toEqual({
      op: "put",
      key: ticketKey,
      value: {
        ...ticket,
        timeline: [
          ...ticket.timeline,
          { id: "pending-7", kind: "comment", actorKind: "resident", text: "Hei", pending: true },
        ],
      },
    });
    expect(applyOptimistic(read, "addTicketComment", { ticketId: "nope", text: "x" }, 8)).toEqual(
      [],
    );
    expect(rows.get(ticketKey)).toBe(ticket); // pure: the input is untouched
  });

  it("addTicketPhoto adds a pending ticketPhoto row unless the server's is there", () => {
    const sha256 = "ab".repeat(32);
    const key = `ticketPhoto/${ticket.id}/${sha256}`;
    const args = { ticketId: ticket.id, sha256 };
    expect(applyOptimistic(read, "addTicketPhoto", args, 5)).toEqual([
      { op: "put", key, value: { ticketId: ticket.id, sha256, pending: true } },
    ]);
    const server = (k: string) => (k === key ? { ...args, pending: true } : rows.get(k));
    expect(applyOptimistic(server, "addTicketPhoto", args, 6)).toEqual([]);
    expect(applyOptimistic(read, "addTicketPhoto", { ticketId: ticket.id }, 7)).toEqual([]);
  });

  it("markNewsRead and updateProfile patch their rows", () => {
    expect(news.read).toBe(false);
    expect(applyOptimistic(read, "markNewsRead", { newsId: news.id }, 1)).toEqual([
      { op: "put", key: newsKey, value: { ...news, read: true } },
    ]);
    expect(applyOptimistic(read, "updateProfile", { email: "new@example.fi", x: 1 }, 2)).toEqual([
      {
        op: "put",
        key: "profile",
        value: { ...profile, email: "new@example.fi", pending: true, pendingFields: ["email"] },
      },
    ]);
  });

  it("updateProfile shows chosen notifications and quiet hours in the row's own names", () => {
    const args = {
      phone: null, // null: unchanged on the server
      notificationPreferences: { news: false, quietHours: { start: "22:00", end: "07:00" } },
    };
    const [change] = applyOptimistic(read, "updateProfile", args, 3);
    expect(change).toEqual({
      op: "put",
      key: "profile",
      value: {
        ...profile,
        notificationPreferences: { ...(profile.notificationPreferences as object), news: false },
        quietHours: { start: "22:00", end: "07:00" },
        pending: true,
        pendingFields: ["notificationPreferences", "quietHours"],
      },
    });
    // Applied on top of that (rebase): quiet hours removed, both changes still pending.
    const view = rebase(rows, [
      { id: 3, name: "updateProfile", args },
      { id: 4, name: "updateProfile", args: { notificationPreferences: { quietHours: null } } },
      { id: 5, name: "updateProfile", args: { language: "sv" } },
    ]);
    expect(view.get("profile")).toMatchObject({
      language: "sv",
      quietHours: null,
      notificationPreferences: { news: false, ticket_updates: true, urgent: true },
      pendingFields: ["notificationPreferences", "quietHours", "language"],
    });
    // Nothing to change (or no profile row yet): no change at all.
    expect(applyOptimistic(read, "updateProfile", { email: null }, 6)).toEqual([]);
    expect(applyOptimistic(() => undefined, "updateProfile", { email: "a@b.fi" }, 7)).toEqual([]);
  });

  it("markThreadRead clears the thread's unread count", () => {
    const key = "thread/t1";
    const thread = { id: "t1", subject: "Pihan valot", unread: 2 };
    const rowsWithThread = (k: string) => (k === key ? thread : read(k));
    expect(applyOptimistic(rowsWithThread, "markThreadRead", { threadId: "t1" }, 8)).toEqual([
      { op: "put", key, value: { ...thread, unread: 0 } },
    ]);
    expect(applyOptimistic(rowsWithThread, "markThreadRead", {}, 9)).toEqual([]);
  });

  it("cancelTicket marks the ticket cancelled; unknown names change nothing", () => {
    const [change] = applyOptimistic(read, "cancelTicket", { ticketId: ticket.id }, 3);
    expect(change?.op === "put" && change.value).toMatchObject({
      status: "cancelled",
      pending: true,
    });
    expect(applyOptimistic(read, "noSuchMutator", {}, 4)).toEqual([]);
  });

  it("rebase applies pending mutations in order on top of the server rows", () => {
    const view = rebase(rows, [
      { id: 1, name: "createTicket", args: { id: "t2" } },
      { id: 2, name: "addTicketComment", args: { ticketId: "t2", text: "Lisää" } },
    ]);
    expect(view.get("ticket/t2")).toMatchObject({
      status: PENDING_STATUS,
      timeline: [{ text: "Lisää", pending: true }],
    });
    expect(rows.has("ticket/t2")).toBe(false);
  });
});
