// generated — do not edit. Source: sync/protocol.py (uv run python -m sync.typescript).

export const SCHEMA_VERSION = 1;

export interface AddTicketCommentArgs {
  text: string;
  ticketId: string;
}

export interface AddTicketPhotoArgs {
  ticketId: string;
  sha256: string;
}

export interface BirthIn {
  kind: "birth";
  firstName: string;
  lastName: string;
  birthDate: string;
}

export interface CancelTicketArgs {
  reason?: string | null;
  ticketId: string;
}

export interface ClearOp {
  op: "clear";
}

/** ``photos``: upload hashes (``PUT /api/blobs/{sha256}``), uploaded before or after. */
export interface CreateTicketArgs {
  id: string;
  leaseId: string;
  category: string;
  description: string;
  masterKeyPermission: boolean;
  pets: boolean;
  contactPhone: string;
  location?: string;
  contactWindow?: string | null;
  photos?: Array<string>;
}

export interface DelOp {
  op: "del";
  key: string;
}

/** ``reportOccupantChange``: these fields plus one of the occupancy API's change bodies (``OccupantChangeIn``, tagged by ``kind``). */
export interface LeaseArgs {
  leaseId: string;
}

export interface MarkNewsReadArgs {
  newsId: string;
}

/** What opening a thread does over REST: customer service's messages count as read. */
export interface MarkThreadReadArgs {
  threadId: string;
}

export type MessageCategory =
  | "apartment_inspection"
  | "disturbance"
  | "diy_renovation"
  | "keys"
  | "lease_control"
  | "lease_termination"
  | "lease_transfer"
  | "other"
  | "parking"
  | "rent_and_payments"
  | "sauna";

/** Someone moves in. No identity code: staff complete it in the ERP. */
export interface MoveInIn {
  kind: "move_in";
  firstName: string;
  lastName: string;
  birthDate: string;
  movesInOn: string;
}

export interface MoveOutIn {
  kind: "move_out";
  occupantId: string;
  movesOutOn: string;
}

export interface Mutation {
  clientId: string;
  id: number;
  name: string;
  args: Record<string, unknown>;
}

export interface MutationResult {
  clientId: string;
  id: number;
  status: "applied" | "rejected" | "skipped";
  problem?: SyncProblem | null;
}

export interface NameChangeIn {
  kind: "name_change";
  occupantId: string;
  firstName: string;
  lastName: string;
  effectiveOn: string;
}

/** ``sendMessage`` starting a thread (with ``id`` chosen by the client). */
export interface NewThreadArgs {
  category: MessageCategory;
  subject: string;
  body: string;
  id?: string | null;
  leaseId: string;
}

/** Only the fields sent change. */
export interface NotificationPreferencesIn {
  ticketUpdates?: boolean;
  messageReplies?: boolean;
  news?: boolean;
  urgent?: boolean;
  quietHours?: QuietHoursWire | null;
}

/** The data of a server-sent ``poke`` event: pull now. */
export interface PokeEvent {
  reason: "change" | "push";
}

export interface PullRequest {
  schemaVersion: number;
  clientGroupId: string;
  cookie: number | null;
}

export interface PullResponse {
  cookie: number;
  lastMutationIdChanges: Record<string, number>;
  patch: Array<ClearOp | PutOp | DelOp>;
}

export interface PushRequest {
  schemaVersion: number;
  clientGroupId: string;
  mutations: Array<Mutation>;
}

/** Results in batch order; mutations after a gap or a temporary error are absent. */
export interface PushResponse {
  results: Array<MutationResult>;
  lastMutationIds: Record<string, number>;
  stopped?: "gap" | "temporary-error" | null;
}

export interface PutOp {
  op: "put";
  key: string;
  value: unknown;
}

/** Local time ("HH:MM", the portal's time zone); may cross midnight. */
export interface QuietHoursWire {
  start: string;
  end: string;
}

export interface RateTicketArgs {
  stars: number;
  comment?: string;
  ticketId: string;
}

export interface ReopenTicketArgs {
  reason: string;
  ticketId: string;
}

/** ``sendMessage`` in an existing thread. */
export interface ReplyArgs {
  body: string;
  id?: string | null;
  threadId: string;
}

/** The body of the 409 answer to an unsupported ``schemaVersion``: update the app. The client recognizes it by ``type``; title and detail are in the reader's language. */
export interface SchemaVersionProblem {
  type: "/problems/sync-schema-version";
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
}

/** An RFC 9457-like problem the client can show (title and detail localized). */
export interface SyncProblem {
  code: string;
  title: string;
  detail: string;
}

/** Contact details, language and notification preferences (only what is sent changes). */
export interface UpdateProfileArgs {
  email?: string | null;
  phone?: string | null;
  language?: "en" | "fi" | "sv" | null;
  notificationPreferences?: NotificationPreferencesIn;
}

export type PatchOp = ClearOp | PutOp | DelOp;

/** The mutators the server knows (``Mutation.name``). */
export type MutatorName =
  | "addTicketComment"
  | "addTicketPhoto"
  | "cancelTicket"
  | "createTicket"
  | "markNewsRead"
  | "markThreadRead"
  | "rateTicket"
  | "reopenTicket"
  | "reportOccupantChange"
  | "sendMessage"
  | "updateProfile";

/** The ``args`` of each mutator. */
export interface MutatorArgs {
  addTicketComment: AddTicketCommentArgs;
  addTicketPhoto: AddTicketPhotoArgs;
  cancelTicket: CancelTicketArgs;
  createTicket: CreateTicketArgs;
  markNewsRead: MarkNewsReadArgs;
  markThreadRead: MarkThreadReadArgs;
  rateTicket: RateTicketArgs;
  reopenTicket: ReopenTicketArgs;
  reportOccupantChange: LeaseArgs & (MoveInIn | MoveOutIn | NameChangeIn | BirthIn);
  sendMessage: ReplyArgs | NewThreadArgs;
  updateProfile: UpdateProfileArgs;
}
