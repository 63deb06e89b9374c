// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { language } from "../../state/language";
import { syncUnavailable } from "../../state/sync";
import { fakeApi, json } from "../../test/fakeApi";
import { closeTestClients, fixtureResident, outbox } from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { signedIn, staff } from "../../test/sessions";
import { SettingsNotifications } from "./SettingsNotifications";
import { SettingsScreen } from "./SettingsScreen";
import { fakeBrowser, offlineProfile, profileRow } from "./settingsTestkit";

beforeEach(() => {
  language.value = "en";
});
afterEach(() => {
  closeTestClients();
  resetApp();
});

const box = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;
const status = () => screen.getByTestId("pref-status").textContent;

async function showPrefs() {
  fakeApi({}); // no network: everything comes from the offline data
  render(<SettingsNotifications env={fakeBrowser({ supported: false }).env} />);
  await screen.findByTestId("push-prefs");
}

describe("notification preferences from the offline profile", () => {
  it("shows the saved choices, each checkbox labelled, with no network", async () => {
    const quietHours = { start: "21:30", end: "06:00" };
    const kinds = { ticket_updates: true, message_replies: true, news: false, urgent: true };
    await offlineProfile(profileRow({ notificationPreferences: kinds, quietHours }), {
      kind: "offline",
    });
    await showPrefs();
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

  it("offline, a change is queued with only what changed and waits to send", async () => {
    const { client } = await offlineProfile(profileRow(), { kind: "pushFails" });
    await showPrefs();
    fireEvent.click(box("pref-news"));
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() => expect(status()).toContain("waiting to send"));
    expect(await outbox(client)).toMatchObject([
      { name: "updateProfile", args: { notificationPreferences: { news: false } } },
    ]);
    expect(box("pref-news").checked).toBe(false); // shown at once
  });

  it("online, the server applies it and the choices say saved", async () => {
    const { server } = await offlineProfile();
    await showPrefs();
    fireEvent.click(box("pref-quiet"));
    fireEvent.input(box("pref-quiet-start"), { target: { value: "22:30" } });
    fireEvent.input(box("pref-quiet-end"), { target: { value: "06:45" } });
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() => expect(status()).toBe("Notification choices saved."));
    expect(server.received("updateProfile").map((m) => m.args)).toEqual([
      { notificationPreferences: { quietHours: { start: "22:30", end: "06:45" } } },
    ]);
  });

  it("urgent notices are checked and cannot be unchecked, with the reason", async () => {
    const { client } = await offlineProfile();
    await showPrefs();
    const urgent = box("pref-urgent");
    expect(urgent.checked).toBe(true);
    expect(urgent.disabled).toBe(true);
    const reason = document.getElementById(urgent.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toContain("Always on");
    fireEvent.click(urgent);
    expect(urgent.checked).toBe(true);
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() => expect(status()).toBe("Nothing to save: no choice was changed."));
    expect(await outbox(client)).toEqual([]);
  });

  it("the same start and end is caught before sending, by the end field", async () => {
    const { client } = await offlineProfile();
    await showPrefs();
    fireEvent.click(box("pref-quiet"));
    fireEvent.input(box("pref-quiet-start"), { target: { value: "23:00" } });
    fireEvent.input(box("pref-quiet-end"), { target: { value: "23:00" } });
    fireEvent.click(screen.getByTestId("pref-save"));
    await waitFor(() => expect(box("pref-quiet-end").getAttribute("aria-invalid")).toBe("true"));
    const error = document.getElementById(
      box("pref-quiet-end").getAttribute("aria-describedby") ?? "",
    );
    expect(error?.textContent).toBe("The end must be different from the start.");
    expect(await outbox(client)).toEqual([]);
  });

  it("a refused change shows the server's reason and keeps the choices made", async () => {
    const { client } = await offlineProfile(profileRow(), {
      kind: "reject",
      problem: {
        code: "invalid-input",
        title: "Invalid quiet hours",
        detail: "Enter the times as HH:MM.",
      },
    });
    await showPrefs();
    fireEvent.click(box("pref-news"));
    fireEvent.click(box("pref-quiet"));
    fireEvent.click(screen.getByTestId("pref-save"));
    const refused = await screen.findByTestId("pref-rejections-1");
    expect(refused.textContent).toContain("Your notification choices could not be saved");
    expect(refused.textContent).toContain("Enter the times as HH:MM.");
    // The server still has news on and no quiet hours; the form keeps what was chosen.
    expect(client.state.view.value.get("profile")).toMatchObject({ quietHours: null });
    await waitFor(() => expect(box("pref-news").checked).toBe(false));
    expect(box("pref-quiet").checked).toBe(true);
    expect(status()).toBe("");
    fireEvent.click(within(refused).getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByTestId("pref-rejections-1")).toBeNull());
  });

  it("waits for the offline data, and says so where it cannot be kept", async () => {
    render(<SettingsNotifications env={fakeBrowser({ supported: false }).env} />);
    expect(screen.getByTestId("push-prefs-loading").textContent).toBe(
      "Loading your notification choices…",
    );
    syncUnavailable.value = true;
    await screen.findByTestId("push-prefs-unavailable");
  });
});

describe("in the settings screen", () => {
  it("residents get the section (this happy-dom has no push: it says so)", async () => {
    await offlineProfile();
    const session = signedIn(fixtureResident([], { language: "en" }));
    fakeApi({ "GET /api/me/passkeys": json(200, []) });
    render(<SettingsScreen principal={session.principal ?? staff} session={session} />);
    expect(screen.getByRole("heading", { level: 2, name: "Notifications" })).toBeTruthy();
    expect(await screen.findByTestId("push-unsupported")).toBeTruthy();
    expect(await screen.findByTestId("push-prefs")).toBeTruthy();
  });

  it("staff do not", async () => {
    const session = signedIn(staff);
    fakeApi({ "GET /api/me/passkeys": json(200, []) });
    render(<SettingsScreen principal={staff} session={session} />);
    await screen.findByTestId("passkey-list");
    expect(screen.queryByTestId("push-prefs")).toBeNull();
    expect(screen.queryByRole("heading", { level: 2, name: "Notifications" })).toBeNull();
  });
});
