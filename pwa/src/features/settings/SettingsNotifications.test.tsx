// @vitest-environment happy-dom

import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { language } from "../../state/language";
import { applySession } from "../../state/session";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { resetApp } from "../../test/reset";
import { resident, signedIn, staff } from "../../test/sessions";
import type { NotificationPreferences } from "./notifications/api";
import type { PushEnv, PushSubscriptionLike, SubscriptionJSON } from "./notifications/push";
import { SettingsNotifications } from "./SettingsNotifications";
import { SettingsScreen } from "./SettingsScreen";

// The server's applicationServerKey: an uncompressed P-256 point (65 bytes) as base64url.
const KEY_BYTES = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : (i * 7) % 256));
const PUBLIC_KEY = btoa(String.fromCharCode(...KEY_BYTES))
  .replace(/\+/g, "-")
  .replace(/\//g, "_")
  .replace(/=+$/, "");

const ENDPOINT = "https://push.example.net/send/device-1";
const SUBSCRIPTION_JSON: SubscriptionJSON = {
  endpoint: ENDPOINT,
  expirationTime: null,
  keys: { p256dh: "BPh2o0Qx-example-p256dh", auth: "c2VjcmV0LWF1dGgtMTY" },
};

const PREFS: NotificationPreferences = {
  ticketUpdates: true,
  messageReplies: true,
  news: true,
  urgent: true,
  quietHours: null,
};

function profile(prefs: Partial<NotificationPreferences> = {}) {
  return {
    firstName: "Aino",
    lastName: "Virtanen",
    email: "aino.virtanen@example.fi",
    phone: null,
    language: "en",
    refundIban: null,
    notificationPreferences: { ...PREFS, ...prefs },
  };
}

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
function fakeBrowser(options: FakeOptions = {}) {
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

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

beforeEach(() => {
  setCookie("portal_csrf", "csrf-9");
  language.value = "en";
});
afterEach(resetApp);

function show(browser: ReturnType<typeof fakeBrowser>, routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ "GET /api/me/profile": json(200, profile()), ...routes });
  render(<SettingsNotifications env={browser.env} />);
  return api;
}

describe("push on this device", () => {
  it("explains what is sent and asks nothing of the browser before the tap", async () => {
    const browser = fakeBrowser();
    const api = show(browser);
    const button = await screen.findByTestId("push-turn-on");
    expect(button.textContent).toBe("Turn on notifications on this device");
    expect(document.body.textContent).toContain("customer service answers your message");
    expect(document.body.textContent).toContain("there is news about your building");
    expect(document.body.textContent).toContain("fetches the details when you open it");
    expect(screen.getByTestId("push-off").textContent).toBe(
      "Notifications are off for this device.",
    );
    // The explanation is tied to the button.
    const described = button.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(described)?.textContent).toContain("your browser asks");
    await screen.findByTestId("push-prefs");
    expect(browser.notification.requestPermission).not.toHaveBeenCalled();
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled();
    expect(api.writes()).toEqual([]);
    expect(api.calls.map((c) => c.path)).not.toContain("/api/push/public-key");
  });

  it("after the tap and a granted permission: subscribes, POSTs the subscription once, says on", async () => {
    const browser = fakeBrowser({ answer: "granted" });
    const api = show(browser, {
      "GET /api/push/public-key": json(200, { publicKey: PUBLIC_KEY }),
      "POST /api/me/push-subscriptions": json(201, {
        id: "sub-1",
        deviceLabel: "Chrome on Android",
        createdAt: "2026-11-30T12:00:00Z",
      }),
    });
    fireEvent.click(await screen.findByTestId("push-turn-on"));
    expect(browser.notification.requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId("push-on")).toBeTruthy();
    expect(screen.getByTestId("push-on").textContent).toContain(
      "Notifications are on for this device.",
    );
    expect(screen.getByTestId("push-status").textContent).toBe(
      "Notifications are now on for this device.",
    );
    expect(screen.getByTestId("push-status").getAttribute("role")).toBe("status");
    expect(browser.pushManager.subscribe).toHaveBeenCalledTimes(1);
    const init = browser.pushManager.subscribe.mock.calls[0]?.[0];
    expect(init?.userVisibleOnly).toBe(true);
    expect([...(init?.applicationServerKey ?? [])]).toEqual([...KEY_BYTES]);
    expect(api.writes()).toEqual(["POST /api/me/push-subscriptions"]);
    const post = api.calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual(SUBSCRIPTION_JSON);
    expect(post?.headers["X-CSRF-Token"]).toBe("csrf-9");
    expect(screen.getByTestId("push-turn-off")).toBeTruthy();
  });

  it("shows the busy state while it works", async () => {
    const browser = fakeBrowser();
    let release: (reply: Response) => void = () => undefined;
    show(browser, {
      "GET /api/push/public-key": json(200, { publicKey: PUBLIC_KEY }),
      "POST /api/me/push-subscriptions": json(201, { id: "sub-1" }),
    });
    const button = (await screen.findByTestId("push-turn-on")) as HTMLButtonElement;
    const realFetch = globalThis.fetch;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes("public-key")) {
          return new Promise<Response>((resolve) => {
            release = resolve;
          });
        }
        return realFetch(input, init);
      }),
    );
    fireEvent.click(button);
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.textContent).toBe("Just a moment…");
    expect(button.getAttribute("aria-busy")).toBe("true");
    release(
      new Response(JSON.stringify({ publicKey: PUBLIC_KEY }), {
        status: 200,
        headers: { "Content-Type": "application/json" },
      }),
    );
    expect(await screen.findByTestId("push-on")).toBeTruthy();
  });

  it("a denied permission shows how to allow notifications, and subscribes nothing", async () => {
    const browser = fakeBrowser({ answer: "denied" });
    const api = show(browser);
    fireEvent.click(await screen.findByTestId("push-turn-on"));
    const howTo = await screen.findByTestId("push-denied");
    expect(howTo.textContent).toContain("blocked in this browser");
    expect(within(howTo).getAllByRole("listitem")).toHaveLength(3);
    expect(howTo.textContent).toContain("Under Notifications, choose Allow.");
    expect(screen.getByTestId("push-status").textContent).toBe(
      "Notifications are blocked. See below how to allow them.",
    );
    expect(screen.queryByTestId("push-turn-on")).toBeNull();
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled();
    expect(api.writes()).toEqual([]);
  });

  it("already blocked: the how-to at once, without a prompt", async () => {
    const browser = fakeBrowser({ permission: "denied" });
    show(browser);
    expect(await screen.findByTestId("push-denied")).toBeTruthy();
    expect(screen.queryByTestId("push-turn-on")).toBeNull();
    expect(browser.notification.requestPermission).not.toHaveBeenCalled();
  });

  it("a dismissed prompt keeps the button and says so", async () => {
    const browser = fakeBrowser({ answer: "default" });
    const api = show(browser);
    fireEvent.click(await screen.findByTestId("push-turn-on"));
    await waitFor(() =>
      expect(screen.getByTestId("push-status").textContent).toContain(
        "Notifications were not allowed",
      ),
    );
    expect(screen.getByTestId("push-turn-on")).toBeTruthy();
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled();
    expect(api.writes()).toEqual([]);
  });

  it("a refusal from the server is shown, and the new subscription is taken back", async () => {
    const browser = fakeBrowser();
    show(browser, {
      "GET /api/push/public-key": json(200, { publicKey: PUBLIC_KEY }),
      "POST /api/me/push-subscriptions": problem(
        409,
        "Too many devices",
        "Notifications can go to at most 10 devices.",
      ),
    });
    fireEvent.click(await screen.findByTestId("push-turn-on"));
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Too many devices");
    expect(browser.unsubscribe).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("push-off")).toBeTruthy();
    expect(screen.getByTestId("push-status").textContent).toBe("");
  });

  it("a browser failure while subscribing is shown in the resident's words", async () => {
    const browser = fakeBrowser();
    browser.pushManager.subscribe.mockRejectedValueOnce(
      new DOMException("Registration failed - push service error", "AbortError"),
    );
    const api = show(browser, {
      "GET /api/push/public-key": json(200, { publicKey: PUBLIC_KEY }),
    });
    fireEvent.click(await screen.findByTestId("push-turn-on"));
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Notifications could not be turned on");
    expect(alert.textContent).toContain("did not answer");
    expect(alert.textContent).not.toContain("push service error");
    expect(api.writes()).toEqual([]);
  });

  it("turning off: finds this device's row by its endpoint, DELETEs it and unsubscribes", async () => {
    const browser = fakeBrowser({ subscribed: true });
    const api = show(browser, {
      "GET /api/me/push-subscriptions": json(200, [
        { id: "sub-other", endpoint: "https://push.example.net/send/other" },
        { id: "sub-7", endpoint: ENDPOINT },
      ]),
      "DELETE /api/me/push-subscriptions/sub-7": { status: 204 },
    });
    fireEvent.click(await screen.findByTestId("push-turn-off"));
    expect(await screen.findByTestId("push-off")).toBeTruthy();
    expect(api.writes()).toEqual(["DELETE /api/me/push-subscriptions/sub-7"]);
    expect(browser.unsubscribe).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("push-status").textContent).toBe(
      "Notifications are now off for this device.",
    );
    expect(browser.notification.requestPermission).not.toHaveBeenCalled();
  });

  it("when the server cannot delete, the device stays on and the problem is shown", async () => {
    const browser = fakeBrowser({ subscribed: true });
    show(browser, {
      "GET /api/me/push-subscriptions": json(200, [{ id: "sub-7", endpoint: ENDPOINT }]),
      "DELETE /api/me/push-subscriptions/sub-7": problem(503, "Service unavailable", "Later."),
    });
    fireEvent.click(await screen.findByTestId("push-turn-off"));
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Service unavailable");
    expect(browser.unsubscribe).not.toHaveBeenCalled();
    expect(screen.getByTestId("push-on")).toBeTruthy();
  });

  it("a browser without push says so", async () => {
    show(fakeBrowser({ supported: false }));
    expect((await screen.findByTestId("push-unsupported")).textContent).toContain(
      "cannot show notifications",
    );
    expect(screen.queryByTestId("push-turn-on")).toBeNull();
    // The preferences still work without push.
    expect(await screen.findByTestId("push-prefs")).toBeTruthy();
  });

  it("iPhone Safari not on the Home Screen: the install hint, in Finnish", async () => {
    language.value = "fi";
    const browser = fakeBrowser({ userAgent: IPHONE_SAFARI, standalone: false, supported: false });
    show(browser);
    const hint = await screen.findByTestId("push-install-hint");
    expect(hint.textContent).toContain("Lisää Koti-valikkoon");
    expect(hint.textContent).toContain("Jaa");
    expect(screen.queryByTestId("push-turn-on")).toBeNull();
  });

  it("iPhone app opened from the Home Screen: the button", async () => {
    const browser = fakeBrowser({ userAgent: IPHONE_SAFARI, standalone: true });
    show(browser);
    expect(await screen.findByTestId("push-turn-on")).toBeTruthy();
    expect(screen.queryByTestId("push-install-hint")).toBeNull();
  });
});

describe("notification preferences", () => {
  async function showPrefs(
    routes: Parameters<typeof fakeApi>[0] = {},
    prefs: Partial<NotificationPreferences> = {},
  ) {
    const api = fakeApi({ "GET /api/me/profile": json(200, profile(prefs)), ...routes });
    render(<SettingsNotifications env={fakeBrowser({ supported: false }).env} />);
    await screen.findByTestId("push-prefs");
    return api;
  }
  const box = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;
  const patches = (api: ReturnType<typeof fakeApi>) =>
    api.calls.filter((c) => c.method === "PATCH").map((c) => c.body);

  it("shows the saved choices, each checkbox labelled", async () => {
    await showPrefs({}, { news: false, quietHours: { start: "21:30", end: "06:00" } });
    expect(box("pref-ticket-updates").checked).toBe(true);
    expect(box("pref-news").checked).toBe(false);
    expect(screen.getByLabelText("News about my building")).toBe(box("pref-news"));
    expect(screen.getByLabelText("Replies from customer service")).toBe(
      box("pref-message-replies"),
    );
    expect(box("pref-quiet").checked).toBe(true);
    expect(box("pref-quiet-start").value).toBe("21:30");
    expect(box("pref-quiet-end").value).toBe("06:00");
    expect(screen.getByLabelText("From")).toBe(box("pref-quiet-start"));
    expect(screen.getByLabelText("Until")).toBe(box("pref-quiet-end"));
  });

  it("PATCH sends only what changed", async () => {
    const api = await showPrefs({
      "PATCH /api/me/profile": json(200, profile({ news: false })),
    });
    fireEvent.click(box("pref-news"));
    expect(box("pref-news").checked).toBe(false);
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() =>
      expect(screen.getByTestId("pref-status").textContent).toBe("Notification choices saved."),
    );
    expect(patches(api)).toEqual([{ notificationPreferences: { news: false } }]);
    expect(api.calls.find((c) => c.method === "PATCH")?.headers["X-CSRF-Token"]).toBe("csrf-9");
  });

  it("urgent notices are checked and cannot be unchecked, with the reason", async () => {
    const api = await showPrefs();
    const urgent = box("pref-urgent");
    expect(urgent.checked).toBe(true);
    expect(urgent.disabled).toBe(true);
    const reason = document.getElementById(urgent.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toContain("Always on");
    fireEvent.click(urgent);
    expect(urgent.checked).toBe(true);
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() =>
      expect(screen.getByTestId("pref-status").textContent).toBe(
        "Nothing to save: no choice was changed.",
      ),
    );
    expect(api.writes()).toEqual([]);
  });

  it("quiet hours are saved, then cleared with null", async () => {
    const api = await showPrefs({
      "PATCH /api/me/profile": [
        json(200, profile({ quietHours: { start: "22:30", end: "06:45" } })),
        json(200, profile({ quietHours: null })),
      ],
    });
    expect(box("pref-quiet").checked).toBe(false);
    expect(box("pref-quiet-start").disabled).toBe(true);
    fireEvent.click(box("pref-quiet"));
    expect(box("pref-quiet-start").disabled).toBe(false);
    fireEvent.input(box("pref-quiet-start"), { target: { value: "22:30" } });
    fireEvent.input(box("pref-quiet-end"), { target: { value: "06:45" } });
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() => expect(patches(api)).toHaveLength(1));
    expect(patches(api)[0]).toEqual({
      notificationPreferences: { quietHours: { start: "22:30", end: "06:45" } },
    });
    await waitFor(() =>
      expect(screen.getByTestId("pref-status").textContent).toBe("Notification choices saved."),
    );

    fireEvent.click(box("pref-quiet"));
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() => expect(patches(api)).toHaveLength(2));
    expect(patches(api)[1]).toEqual({ notificationPreferences: { quietHours: null } });
    await waitFor(() => expect(box("pref-quiet").checked).toBe(false));
  });

  it("the same start and end is caught before sending, by the end field", async () => {
    const api = await showPrefs();
    fireEvent.click(box("pref-quiet"));
    fireEvent.input(box("pref-quiet-start"), { target: { value: "23:00" } });
    fireEvent.input(box("pref-quiet-end"), { target: { value: "23:00" } });
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() => expect(box("pref-quiet-end").getAttribute("aria-invalid")).toBe("true"));
    const error = document.getElementById(
      box("pref-quiet-end").getAttribute("aria-describedby") ?? "",
    );
    expect(error?.textContent).toBe("The end must be different from the start.");
    expect(api.writes()).toEqual([]);
  });

  it("a field error in the server's problem is shown by its field", async () => {
    const api = await showPrefs({
      "PATCH /api/me/profile": problem(422, "Invalid quiet hours", "Check the times.", {
        errors: [{ field: "notificationPreferences.quietHours.start", message: "HH:MM" }],
      }),
    });
    fireEvent.click(box("pref-quiet"));
    fireEvent.click(screen.getByTestId("pref-save"));
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Invalid quiet hours");
    const start = box("pref-quiet-start");
    expect(start.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(start.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Enter a time, for example 22:00.",
    );
    expect(box("pref-quiet-end").getAttribute("aria-invalid")).toBeNull();
    expect(patches(api)).toEqual([
      { notificationPreferences: { quietHours: { start: "22:00", end: "07:00" } } },
    ]);
    // What the resident chose is still there.
    expect(box("pref-quiet").checked).toBe(true);
  });

  it("a failed load says so and can be tried again", async () => {
    fakeApi({
      "GET /api/me/profile": [
        problem(503, "Service unavailable", "Try again later."),
        json(200, profile()),
      ],
    });
    render(<SettingsNotifications env={fakeBrowser({ supported: false }).env} />);
    const box = await screen.findByTestId("push-prefs-load-problem");
    expect(box.textContent).toContain("Service unavailable");
    fireEvent.click(within(box).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("push-prefs")).toBeTruthy();
  });
});

describe("in the settings screen", () => {
  it("residents get the section (this happy-dom has no push: it says so)", async () => {
    applySession(signedIn({ ...resident, language: "en" }));
    language.value = "en";
    const session = signedIn({ ...resident, language: "en" });
    fakeApi({
      "GET /api/me/profile": json(200, profile()),
      "GET /api/me/passkeys": json(200, []),
    });
    render(<SettingsScreen principal={session.principal ?? resident} session={session} />);
    expect(screen.getByRole("heading", { level: 2, name: "Notifications" })).toBeTruthy();
    expect(await screen.findByTestId("push-unsupported")).toBeTruthy();
    expect(await screen.findByTestId("push-prefs")).toBeTruthy();
  });

  it("staff do not", async () => {
    const session = signedIn(staff);
    applySession(session);
    fakeApi({ "GET /api/me/passkeys": json(200, []) });
    render(<SettingsScreen principal={staff} session={session} />);
    await screen.findByTestId("passkey-list");
    expect(screen.queryByTestId("push-prefs")).toBeNull();
    expect(screen.queryByRole("heading", { level: 2, name: "Notifications" })).toBeNull();
  });
});
