/**
 * Test helpers for Settings: a browser with push (fakes of its APIs), the offline `profile`
 * row on the fake sync server, and switching the browser's connection off and on.
 */
import { vi } from "vitest";
import { freshAccount } from "../../offline/testkit";
import {
  fakeSyncServer,
  openTestClient,
  type PushMode,
  put,
  recordedPatch,
  recordedRow,
} from "../../test/offlineResident";
import type { PushEnv, PushSubscriptionLike, SubscriptionJSON } from "./notifications/push";
import type { ProfileRow } from "./profile";

// The server's applicationServerKey: an uncompressed P-256 point (65 bytes) as base64url.
export const KEY_BYTES = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : (i * 7) % 256));
export const PUBLIC_KEY = btoa(String.fromCharCode(...KEY_BYTES))
  .replace(/\+/g, "-")
  .replace(/\//g, "_")
  .replace(/=+$/, "");

export const ENDPOINT = "https://push.example.net/send/device-1";
export const SUBSCRIPTION_JSON: SubscriptionJSON = {
  endpoint: ENDPOINT,
  expirationTime: null,
  keys: { p256dh: "BPh2o0Qx-example-p256dh", auth: "c2VjcmV0LWF1dGgtMTY" },
};

interface FakeOptions {
  /** Notification.permission before anything is asked. */
  permission?: NotificationPermission;
  /** What the person answers to the prompt. */
  answer?: NotificationPermission;
  subscribed?: boolean;
  userAgent?: string;
  standalone?: boolean;
  supported?: boolean;
}

/** A browser with push: Notification, a registration with a PushManager, its subscription. */
export function fakeBrowser(options: FakeOptions = {}) {
  const answer = options.answer ?? "granted";
  const notification = {
    permission: options.permission ?? (options.subscribed ? "granted" : "default"),
    requestPermission: vi.fn(async () => {
      notification.permission = answer;
      return answer;
    }),
  };
  let current: PushSubscriptionLike | null = null;
  const unsubscribe = vi.fn(async () => {
    current = null;
    return true;
  });
  const makeSubscription = (key: Uint8Array): PushSubscriptionLike => ({
    endpoint: ENDPOINT,
    options: { applicationServerKey: key.slice().buffer },
    toJSON: () => structuredClone(SUBSCRIPTION_JSON),
    unsubscribe,
  });
  if (options.subscribed) current = makeSubscription(KEY_BYTES);
  const pushManager = {
    getSubscription: vi.fn(async () => current),
    subscribe: vi.fn(
      async (init: { userVisibleOnly: boolean; applicationServerKey: Uint8Array<ArrayBuffer> }) => {
        current = makeSubscription(init.applicationServerKey);
        return current;
      },
    ),
  };
  const registration = { active: {}, pushManager };
  const supported = options.supported ?? true;
  const env: PushEnv = {
    navigator: {
      userAgent: options.userAgent ?? "Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile",
      ...(options.standalone === undefined ? {} : { standalone: options.standalone }),
      ...(supported
        ? {
            serviceWorker: {
              getRegistration: async () => registration,
              ready: Promise.resolve(registration),
            },
          }
        : {}),
    },
    notification: supported ? notification : undefined,
    pushManager: supported,
    displayStandalone: false,
  };
  return { env, notification, pushManager, unsubscribe };
}

export const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/** The recorded pull's `profile` row (Aino: aino@example.fi, every notification on). */
export function profileRow(changes: Partial<ProfileRow> = {}): ProfileRow {
  return { ...recordedRow<ProfileRow>("profile"), ...changes };
}

/**
 * The resident's offline data synced once from the fake server with `profile` as its
 * profile row; then the server behaves as `mode` (default: applies what is pushed).
 */
export async function offlineProfile(
  profile: ProfileRow = profileRow(),
  mode?: PushMode,
  account = freshAccount(),
) {
  const patch = recordedPatch().map((op) =>
    op.op === "put" && op.key === "profile" ? put("profile", profile) : op,
  );
  const server = fakeSyncServer({ patch });
  const client = await openTestClient({ transport: server.transport }, { account });
  if (mode) server.mode = mode;
  return { server, client, account };
}

/** `navigator.onLine` as the browser would say it, with the event it fires on a change. */
export function connection(online: boolean) {
  const spy = vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  return {
    set(next: boolean) {
      spy.mockReturnValue(next);
      dispatchEvent(new Event(next ? "online" : "offline"));
    },
  };
}
