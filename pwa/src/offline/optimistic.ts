/**
 * Optimistic mutators: what a pending mutation is assumed to do to the synced rows until
 * the server's answer arrives. Pure functions of (rows, args) → changes; the overlay is
 * rebuilt from the server's rows plus every still-pending mutation after each pull.
 *
 * Row keys and values follow the server's client view: `ticket/<id>` (a TicketOut with `timeline`),
 * `ticketPhoto/<ticketId>/<sha256>` (a photo not uploaded yet), `news/<id>` (with `read`), `profile`.
 */

export type RowReader = (key: string) => unknown;

export type RowChange = { op: "put"; key: string; value: unknown } | { op: "del"; key: string };

export type MutatorName =
  | "createTicket"
  | "addTicketComment"
  | "addTicketPhoto"
  | "cancelTicket"
  | "rateTicket"
  | "reopenTicket"
  | "sendMessage"
  | "markNewsRead"
  | "markThreadRead"
  | "updateProfile"
  | "reportOccupantChange";

type Args = Record<string, unknown>;
type Mutator = (rows: RowReader, args: Args, meta: { mutationId: number }) => RowChange[];

/** A row the server has not confirmed yet. */
export const PENDING_STATUS = "pending";

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function str(args: Args, name: string): string | null {
  const value = args[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** Merge `fields` into an existing row; nothing if the row is not there. */
function patchRow(rows: RowReader, key: string, fields: Args): RowChange[] {
  const current = record(rows(key));
  return current ? [{ op: "put", key, value: { ...current, ...fields } }] : [];
}

function appendEvent(rows: RowReader, key: string, event: Args, fields: Args = {}): RowChange[] {
  const current = record(rows(key));
  if (!current) return [];
  const timeline = Array.isArray(current.timeline) ? current.timeline : [];
  return [{ op: "put", key, value: { ...current, ...fields, timeline: [...timeline, event] } }];
}

const createTicket: Mutator = (rows, args) => {
  const id = str(args, "id");
  if (!id) return [];
  const key = `ticket/${id}`;
  if (rows(key) !== undefined) return []; // the server's row wins
  const photos = Array.isArray(args.photos) ? args.photos : [];
  return [
    {
      op: "put",
      key,
      value: { ...args, id, status: PENDING_STATUS, pending: true, timeline: [], photos },
    },
  ];
};

const addTicketComment: Mutator = (rows, args, { mutationId }) => {
  const ticketId = str(args, "ticketId");
  const text = str(args, "text");
  if (!ticketId || !text) return [];
  const event = {
    id: str(args, "id") ?? `pending-${mutationId}`,
    kind: "comment",
    actorKind: "resident",
    text,
    pending: true,
  };
  return appendEvent(rows, `ticket/${ticketId}`, event);
};

/** A `ticketPhoto/<ticketId>/<sha256>` row like the server's (sync/view.py), unless it is there. */
const addTicketPhoto: Mutator = (rows, args) => {
  const ticketId = str(args, "ticketId");
  const sha256 = str(args, "sha256");
  if (!ticketId || !sha256) return [];
  const key = `ticketPhoto/${ticketId}/${sha256}`;
  if (rows(key) !== undefined) return []; // the server's row wins
  return [{ op: "put", key, value: { ticketId, sha256, pending: true } }];
};

function ticketAction(kind: string, fields: (args: Args) => Args): Mutator {
  return (rows, args, { mutationId }) => {
    const ticketId = str(args, "ticketId");
    if (!ticketId) return [];
    const event = { id: `pending-${mutationId}`, kind, actorKind: "resident", pending: true };
    return appendEvent(rows, `ticket/${ticketId}`, event, { ...fields(args), pending: true });
  };
}

const markNewsRead: Mutator = (rows, args) => {
  const newsId = str(args, "newsId");
  return newsId ? patchRow(rows, `news/${newsId}`, { read: true }) : [];
};

const markThreadRead: Mutator = (rows, args) => {
  const threadId = str(args, "threadId");
  return threadId ? patchRow(rows, `thread/${threadId}`, { unread: 0 }) : [];
};

const CONTACT_FIELDS = ["email", "phone", "language"] as const;

/** The wire's preference names → the profile row's (sync/view.py keeps the stored names). */
const PREFERENCE_KEYS: Record<string, string> = {
  ticketUpdates: "ticket_updates",
  messageReplies: "message_replies",
  news: "news",
  urgent: "urgent",
};

/**
 * What the server will have: contact fields (null means "unchanged" there), the chosen
 * notification kinds and quiet hours (kept beside them in the row). `pendingFields` names the
 * row's fields still waiting to be sent, so each part of Settings can say so.
 */
const updateProfile: Mutator = (rows, args) => {
  const current = record(rows("profile"));
  if (!current) return [];
  const fields: Args = {};
  for (const name of CONTACT_FIELDS) {
    if (args[name] !== undefined && args[name] !== null) fields[name] = args[name];
  }
  const chosen = record(args.notificationPreferences);
  if (chosen) {
    const kinds: Args = { ...(record(current.notificationPreferences) ?? {}) };
    let changed = false;
    for (const [wire, name] of Object.entries(PREFERENCE_KEYS)) {
      if (typeof chosen[wire] !== "boolean") continue;
      kinds[name] = name === "urgent" ? true : chosen[wire]; // urgent cannot be turned off
      changed = true;
    }
    if (changed) fields.notificationPreferences = kinds;
    if (chosen.quietHours !== undefined) fields.quietHours = chosen.quietHours;
  }
  const names = Object.keys(fields);
  if (names.length === 0) return [];
  const before = Array.isArray(current.pendingFields) ? (current.pendingFields as string[]) : [];
  const pendingFields = [...new Set([...before, ...names])];
  return [
    { op: "put", key: "profile", value: { ...current, ...fields, pending: true, pendingFields } },
  ];
};

const sendMessage: Mutator = (rows, args) => {
  const id = str(args, "id");
  if (!id || rows(`message/${id}`) !== undefined) return [];
  return [{ op: "put", key: `message/${id}`, value: { ...args, id, pending: true } }];
};

/** No local effect (the server decides what the resident sees). */
const none: Mutator = () => [];

export const mutators: Record<MutatorName, Mutator> = {
  createTicket,
  addTicketComment,
  addTicketPhoto,
  cancelTicket: ticketAction("cancel", () => ({ status: "cancelled" })),
  rateTicket: ticketAction("rating", (args) => ({ rating: { stars: args.stars, pending: true } })),
  reopenTicket: ticketAction("reopen", () => ({})),
  sendMessage,
  markNewsRead,
  markThreadRead,
  updateProfile,
  reportOccupantChange: none,
};

export function isMutatorName(name: string): name is MutatorName {
  return Object.hasOwn(mutators, name);
}

/** The changes one mutation makes to `rows`; an unknown name changes nothing. */
export function applyOptimistic(
  rows: RowReader,
  name: string,
  args: Args,
  mutationId: number,
): RowChange[] {
  return isMutatorName(name) ? mutators[name](rows, args, { mutationId }) : [];
}

/** Server rows + pending mutations in order → the view the UI shows. */
export function rebase(
  server: ReadonlyMap<string, unknown>,
  pending: ReadonlyArray<{ id: number; name: string; args: Args }>,
): Map<string, unknown> {
  const view = new Map(server);
  const read: RowReader = (key) => view.get(key);
  for (const mutation of pending) {
    for (const change of applyOptimistic(read, mutation.name, mutation.args, mutation.id)) {
      if (change.op === "put") view.set(change.key, change.value);
      else view.delete(change.key);
    }
  }
  return view;
}
