/**
 * Message threads as the screens read them: the synced `thread/<id>` rows (sync/view.py
 * `_threads`: a ThreadOut of backend/messages/schemas.py plus `leaseId`) and the optimistic
 * `message/<id>` rows a queued `sendMessage` puts in the view (offline/optimistic.ts): its
 * arguments with `pending: true` — a reply has `threadId`, a new thread `leaseId`, `category`
 * and `subject` (its `id` is the thread's).
 */
import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";
import type { RejectedMutation } from "../../offline";
import type { MessageCategory } from "../../offline/protocol.gen";

export type ThreadStatus = "open" | "answered" | "closed";

export interface ThreadMessage {
  id: string;
  seq: number;
  authorKind: "resident" | "staff";
  authorName: string;
  mine: boolean;
  body: string;
  createdAt: string;
  attachments?: unknown[];
}

/** `thread/<id>` */
export interface ThreadRow {
  id: string;
  leaseId: string;
  category: MessageCategory;
  categoryName: string;
  subject: string;
  status: ThreadStatus;
  statusName: string;
  startedByMe: boolean;
  messageCount: number;
  unread: number;
  createdAt: string;
  lastMessageAt: string;
  closedAt: string | null;
  messages: ThreadMessage[];
}

/** `message/<id>`: a sendMessage not applied by the server yet. */
export interface PendingSend {
  id: string;
  body: string;
  pending: true;
  threadId?: string;
  leaseId?: string;
  category?: MessageCategory;
  subject?: string;
}

/** The server's limits (backend/messages/schemas.py). */
export const LIMITS = { subject: 200, body: 4000 } as const;

/** The categories (backend/messages/categories.py), in the order the form offers them. */
export const GENERAL_CATEGORIES: readonly MessageCategory[] = [
  "other",
  "keys",
  "lease_control",
  "rent_and_payments",
  "lease_termination",
];
export const SERVICE_REQUESTS: readonly MessageCategory[] = [
  "disturbance",
  "diy_renovation",
  "lease_transfer",
  "apartment_inspection",
  "parking",
  "sauna",
];
const MAIN_TENANT_ONLY: ReadonlySet<string> = new Set<string>([
  ...SERVICE_REQUESTS,
  "rent_and_payments",
  "lease_termination",
]);

export function mainTenantOnly(category: string): boolean {
  return MAIN_TENANT_ONLY.has(category);
}

const CATEGORY_KEYS: Record<MessageCategory, MessageKey> = {
  rent_and_payments: "messages.category.rent_and_payments",
  lease_control: "messages.category.lease_control",
  parking: "messages.category.parking",
  sauna: "messages.category.sauna",
  keys: "messages.category.keys",
  disturbance: "messages.category.disturbance",
  diy_renovation: "messages.category.diy_renovation",
  lease_transfer: "messages.category.lease_transfer",
  apartment_inspection: "messages.category.apartment_inspection",
  lease_termination: "messages.category.lease_termination",
  other: "messages.category.other",
};

const STATUS_KEYS: Record<ThreadStatus, MessageKey> = {
  open: "messages.status.open",
  answered: "messages.status.answered",
  closed: "messages.status.closed",
};

/** The category's name: the server's (in the row) when there is one, else this catalog's. */
export function categoryName(code: string | undefined, serverName?: string): string {
  if (serverName) return serverName;
  const key = code ? CATEGORY_KEYS[code as MessageCategory] : undefined;
  return key ? t(key) : (code ?? "");
}

export function statusName(thread: Pick<ThreadRow, "status" | "statusName">): string {
  if (thread.statusName) return thread.statusName;
  const key = STATUS_KEYS[thread.status];
  return key ? t(key) : thread.status;
}

export function isNewThread(send: PendingSend): boolean {
  return !send.threadId && typeof send.subject === "string";
}

/** One item of the list: a synced thread, or a new one not sent yet. */
export interface ListedThread {
  id: string;
  leaseId: string;
  subject: string;
  category: string;
  categoryName: string;
  /** null: waiting to send (a new thread). */
  thread: ThreadRow | null;
  /** Replies of mine waiting to send. */
  pendingReplies: number;
  /** Sort key: the last activity (something waiting to send is the newest of all). */
  activity: string;
  /** Then: the last message's time (a new thread's is the newest). */
  last: string;
}

const PENDING = "\uffff";

/** Threads and new threads not sent yet, newest activity first. */
export function listThreads(
  threads: readonly ThreadRow[],
  sends: readonly PendingSend[],
): ListedThread[] {
  const ids = new Set(threads.map((thread) => thread.id));
  const replies = new Map<string, number>();
  for (const send of sends) {
    if (send.threadId) replies.set(send.threadId, (replies.get(send.threadId) ?? 0) + 1);
  }
  const listed: ListedThread[] = threads.map((thread) => {
    const pendingReplies = replies.get(thread.id) ?? 0;
    return {
      id: thread.id,
      leaseId: thread.leaseId,
      subject: thread.subject,
      category: thread.category,
      categoryName: categoryName(thread.category, thread.categoryName),
      thread,
      pendingReplies,
      activity: pendingReplies > 0 ? PENDING : thread.lastMessageAt,
      last: thread.lastMessageAt,
    };
  });
  for (const send of sends) {
    if (!isNewThread(send) || ids.has(send.id)) continue;
    listed.push({
      id: send.id,
      leaseId: send.leaseId ?? "",
      subject: send.subject ?? "",
      category: send.category ?? "",
      categoryName: categoryName(send.category),
      thread: null,
      pendingReplies: 0,
      activity: PENDING,
      last: PENDING,
    });
  }
  const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return listed.sort((a, b) => desc(a.activity, b.activity) || desc(a.last, b.last));
}

/** A sendMessage's arguments, read defensively (a rejected mutation's). */
export function sendArgs(rejection: RejectedMutation): Partial<PendingSend> {
  return rejection.mutation.args as Partial<PendingSend>;
}

/** Rejected sendMessage mutations: replies in this thread, or this new thread itself. */
export function rejectionsFor(
  rejected: readonly RejectedMutation[],
  threadId: string,
): { replies: RejectedMutation[]; created: RejectedMutation[] } {
  const mine = rejected.filter((r) => r.mutation.name === "sendMessage");
  return {
    replies: mine.filter((r) => sendArgs(r).threadId === threadId),
    created: mine.filter((r) => !sendArgs(r).threadId && sendArgs(r).id === threadId),
  };
}

/** A new UUID (the server takes client-chosen ids for threads and messages). */
export function newId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  if (random) return random;
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
