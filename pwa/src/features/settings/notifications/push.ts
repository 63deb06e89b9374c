/**
 * The browser's push APIs behind a small surface. Every function takes the objects it uses
 * (`navigator`, `Notification`, a registration) as parameters, so tests pass fakes and nothing
 * here touches a global by itself (except `browserEnv`, which collects the real ones).
 */

/** What `PushSubscription.toJSON()` gives: the body of `POST /api/me/push-subscriptions`. */
export interface SubscriptionJSON {
  endpoint?: string;
  expirationTime?: number | null;
  keys?: Record<string, string>;
}

export interface PushSubscriptionLike {
  readonly endpoint: string;
  readonly options?: { readonly applicationServerKey?: ArrayBuffer | null };
  toJSON(): SubscriptionJSON;
  unsubscribe(): Promise<boolean>;
}

export interface PushManagerLike {
  getSubscription(): Promise<PushSubscriptionLike | null>;
  subscribe(options: {
    userVisibleOnly: boolean;
    applicationServerKey: Uint8Array<ArrayBuffer>;
  }): Promise<PushSubscriptionLike>;
}

export interface RegistrationLike {
  readonly active?: unknown;
  readonly pushManager: PushManagerLike;
}

export interface ServiceWorkerContainerLike {
  getRegistration(): Promise<RegistrationLike | undefined>;
  readonly ready: Promise<RegistrationLike>;
}

export interface NavigatorLike {
  readonly userAgent: string;
  readonly maxTouchPoints?: number;
  /** Safari on iOS only: true when opened from the Home Screen. */
  readonly standalone?: boolean;
  readonly serviceWorker?: ServiceWorkerContainerLike;
}

export interface NotificationLike {
  readonly permission: NotificationPermission;
  /** Old Safari takes a callback and returns nothing; everyone else returns a promise. */
  requestPermission(
    callback?: (permission: NotificationPermission) => void,
  ): Promise<NotificationPermission> | undefined;
}

/** Everything the notification settings read from the browser. */
export interface PushEnv {
  navigator: NavigatorLike;
  /** The `Notification` constructor, when the browser has one. */
  notification: NotificationLike | undefined;
  /** Whether `PushManager` exists at all. */
  pushManager: boolean;
  /** `(display-mode: standalone)`: running as an installed app. */
  displayStandalone: boolean;
}

/** The real browser's objects. */
export function browserEnv(): PushEnv {
  const hasWindow = typeof window !== "undefined";
  return {
    navigator: navigator as unknown as NavigatorLike,
    notification:
      typeof Notification === "undefined" ? undefined : (Notification as NotificationLike),
    pushManager: typeof PushManager !== "undefined",
    displayStandalone:
      hasWindow &&
      typeof window.matchMedia === "function" &&
      window.matchMedia("(display-mode: standalone)").matches,
  };
}

/** iPhone, iPad (iPadOS also says "Macintosh", but has a touch screen) or iPod. */
export function isIOS(nav: NavigatorLike): boolean {
  const agent = nav.userAgent;
  return (
    /iPhone|iPad|iPod/.test(agent) || (/Macintosh/.test(agent) && (nav.maxTouchPoints ?? 0) > 1)
  );
}

export type DeviceState =
  /** No service worker, PushManager or Notification. */
  | "unsupported"
  /** iOS in a browser tab: push needs the app added to the Home Screen. */
  | "install"
  /** The person (or a policy) blocked notifications for the site. */
  | "denied"
  /** This browser has a push subscription. */
  | "on"
  | "off";

/** The state of THIS device, without asking anything of the person. */
export async function deviceState(env: PushEnv): Promise<DeviceState> {
  const nav = env.navigator;
  if (isIOS(nav) && nav.standalone !== true && !env.displayStandalone) return "install";
  const notification = env.notification;
  if (!nav.serviceWorker || !env.pushManager || !notification) return "unsupported";
  if (notification.permission === "denied") return "denied";
  const subscription = await currentSubscription(nav);
  return subscription && notification.permission === "granted" ? "on" : "off";
}

/** This browser's push subscription, if it has one (never waits for a service worker). */
export async function currentSubscription(
  nav: NavigatorLike,
): Promise<PushSubscriptionLike | null> {
  const registration = await nav.serviceWorker?.getRegistration();
  return registration ? registration.pushManager.getSubscription() : null;
}

/** Ask for permission: call it directly from the tap, before anything else is awaited. */
export function requestPermission(notification: NotificationLike): Promise<NotificationPermission> {
  return new Promise((resolve, reject) => {
    try {
      const answer = notification.requestPermission(resolve);
      if (answer) answer.then(resolve, reject);
    } catch (error) {
      reject(error);
    }
  });
}

/** Thrown when no service worker is registered (e.g. the dev server): nothing to subscribe. */
export class NoServiceWorkerError extends Error {
  constructor() {
    super("no service worker registration");
    this.name = "NoServiceWorkerError";
  }
}

/** The active registration: one exists once the app registered its worker. */
export async function activeRegistration(nav: NavigatorLike): Promise<RegistrationLike> {
  const container = nav.serviceWorker;
  const registration = await container?.getRegistration();
  if (!container || !registration) throw new NoServiceWorkerError();
  return registration.active ? registration : container.ready;
}

/** Bytes of base64url (padded or not), e.g. the server's applicationServerKey. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Subscribe with the server's key; an existing subscription with the same key is reused
 * (`fresh` false), one made with another key is replaced.
 */
export async function subscribeDevice(
  registration: RegistrationLike,
  publicKey: string,
): Promise<{ subscription: PushSubscriptionLike; fresh: boolean }> {
  const key = base64UrlToBytes(publicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing) {
    const current = existing.options?.applicationServerKey;
    if (!current || sameBytes(new Uint8Array(current), key)) {
      return { subscription: existing, fresh: false };
    }
    await existing.unsubscribe();
  }
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: key,
  });
  return { subscription, fresh: true };
}
