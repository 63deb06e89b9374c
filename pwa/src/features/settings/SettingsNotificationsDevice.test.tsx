// @vitest-environment happy-dom

import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { language } from "../../state/language";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { resetApp } from "../../test/reset";
import { SettingsNotifications } from "./SettingsNotifications";
import {
  connection,
  ENDPOINT,
  fakeBrowser,
  IPHONE_SAFARI,
  KEY_BYTES,
  PUBLIC_KEY,
  SUBSCRIPTION_JSON,
} from "./settingsTestkit";

beforeEach(() => {
  setCookie("portal_csrf", "csrf-9");
  language.value = "en";
});
afterEach(resetApp);

function show(browser: ReturnType<typeof fakeBrowser>, routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi(routes);
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

describe("push on this device needs a connection", () => {
  it("offline: says so instead of the button, and the button is back online", async () => {
    const net = connection(false);
    const browser = fakeBrowser();
    const api = show(browser);
    const notice = await screen.findByTestId("push-offline");
    expect(notice.textContent).toBe(
      "Needs a connection. Notifications can be turned on or off only while this device is online. The button comes back when the connection returns.",
    );
    expect(screen.getByTestId("push-off")).toBeTruthy(); // what this device is, still said
    expect(screen.queryByTestId("push-turn-on")).toBeNull();
    net.set(true);
    expect(await screen.findByTestId("push-turn-on")).toBeTruthy();
    expect(screen.queryByTestId("push-offline")).toBeNull();
    expect(api.calls).toEqual([]);
  });

  it("a request that never reaches the server: 'needs a connection', not an error", async () => {
    const browser = fakeBrowser({ subscribed: true });
    fakeApi({}); // every request fails as with no network
    render(<SettingsNotifications env={browser.env} />);
    fireEvent.click(await screen.findByTestId("push-turn-off"));
    expect((await screen.findByTestId("push-offline")).textContent).toContain("only while");
    expect(screen.queryByTestId("error-alert")).toBeNull();
    expect(browser.unsubscribe).not.toHaveBeenCalled();
    expect(screen.getByTestId("push-on")).toBeTruthy();
  });
});
