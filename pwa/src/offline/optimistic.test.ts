import { describe, expect, it } from "vitest";
import { applyOptimistic, PENDING_STATUS, rebase } from "./optimistic";

const ticket = { id: "t1", status: "received", timeline: [{ id: "e1", kind: "created" }] };
const rows = new Map<string, unknown>([
  ["ticket/t1", ticket],
  ["news/n1", { id: "n1", title: "Vesikatko", read: false }],
  ["profile", { email: "old@example.fi", phone: "+358401111111", language: "fi" }],
]);
const read = (key: string) => rows.get(key);

describe("optimistic mutators", () => {
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
    expect(applyOptimistic(read, "createTicket", { id: "t1" }, 2)).toEqual([]);
  });

  it("addTicketComment appends a pending event; a missing ticket changes nothing", () => {
    const [change] = applyOptimistic(read, "addTicketComment", { ticketId: "t1", text: "Hei" }, 7);
    expect(change).toEqual({
      op: "put",
      key: "ticket/t1",
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
    expect(rows.get("ticket/t1")).toBe(ticket); // pure: the input is untouched
  });

  it("markNewsRead and updateProfile patch their rows", () => {
    expect(applyOptimistic(read, "markNewsRead", { newsId: "n1" }, 1)).toEqual([
      { op: "put", key: "news/n1", value: { id: "n1", title: "Vesikatko", read: true } },
    ]);
    expect(applyOptimistic(read, "updateProfile", { email: "new@example.fi", x: 1 }, 2)).toEqual([
      {
        op: "put",
        key: "profile",
        value: { email: "new@example.fi", phone: "+358401111111", language: "fi", pending: true },
      },
    ]);
  });

  it("cancelTicket marks the ticket cancelled; unknown names change nothing", () => {
    const [change] = applyOptimistic(read, "cancelTicket", { ticketId: "t1" }, 3);
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
