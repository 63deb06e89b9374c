// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Passkey } from "../../api/types";
import { language } from "../../state/language";
import { setCookie } from "../../test/cookies";
import { fakeApi, json } from "../../test/fakeApi";
import { closeTestClients, fixtureResident } from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { signedIn } from "../../test/sessions";
import { SettingsPasskeys } from "./SettingsPasskeys";
import { SettingsScreen } from "./SettingsScreen";
import { connection, offlineProfile, profileRow } from "./settingsTestkit";

const PASSKEYS: Passkey[] = [
  {
    id: "pk-1",
    name: "Puhelin",
    createdAt: "2026-01-10T08:00:00Z",
    lastUsedAt: null,
    current: true,
  },
];

beforeEach(() => {
  setCookie("portal_csrf", "csrf-3");
  language.value = "en";
});
afterEach(() => {
  closeTestClients();
  resetApp();
});

describe("passkeys need a connection", () => {
  it("offline: says so instead of loading, and the list loads when the connection returns", async () => {
    const net = connection(false);
    const api = fakeApi({ "GET /api/me/passkeys": json(200, PASSKEYS) });
    render(<SettingsPasskeys />);
    const notice = screen.getByTestId("passkeys-offline");
    expect(notice.textContent).toBe(
      "Needs a connection. Passkeys can be seen and changed only while this device is online. They are shown when the connection returns.",
    );
    expect(document.body.textContent).not.toContain("Loading…");
    expect(screen.queryByTestId("error-alert")).toBeNull();
    expect(screen.queryByTestId("passkey-add")).toBeNull();
    expect(api.calls).toEqual([]);

    net.set(true);
    expect(await screen.findByTestId("passkey-pk-1")).toBeTruthy();
    expect(screen.queryByTestId("passkeys-offline")).toBeNull();
    expect(screen.getByTestId("passkey-add")).toBeTruthy();
  });

  it("a request that never reaches the server: 'needs a connection' with a retry, no error", async () => {
    fakeApi({}); // every request fails as with no network
    render(<SettingsPasskeys />);
    const notice = await screen.findByTestId("passkeys-offline");
    expect(screen.queryByTestId("error-alert")).toBeNull();
    fakeApi({ "GET /api/me/passkeys": json(200, PASSKEYS) });
    fireEvent.click(within(notice).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("passkey-pk-1")).toBeTruthy();
  });

  it("going offline with the list shown: renaming and removing wait for the connection", async () => {
    const net = connection(true);
    fakeApi({ "GET /api/me/passkeys": json(200, PASSKEYS) });
    render(<SettingsPasskeys />);
    await screen.findByTestId("passkey-pk-1");
    net.set(false);
    await screen.findByTestId("passkeys-offline");
    expect((screen.getByTestId("passkey-revoke-pk-1") as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId("passkey-rename-pk-1") as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("the settings screen offline, in Finnish", () => {
  it("contact and notification choices from the device; the rest waits for a connection", async () => {
    language.value = "fi";
    connection(false);
    await offlineProfile(profileRow({ email: "aino@example.fi" }), { kind: "offline" });
    const principal = fixtureResident([], { email: null, passwordEnabled: true });
    const session = signedIn(principal);
    const api = fakeApi({});
    render(<SettingsScreen principal={principal} session={session} />);

    expect((screen.getByTestId("contact-email") as HTMLInputElement).value).toBe("aino@example.fi");
    expect(await screen.findByTestId("push-prefs")).toBeTruthy();
    expect(screen.getByTestId("passkeys-offline").textContent).toContain("Tarvitaan verkkoyhteys.");
    expect(screen.getByTestId("password-offline").textContent).toContain(
      "Salasanaa voi muuttaa vain, kun laite on yhteydessä verkkoon.",
    );
    expect((screen.getByTestId("password-change") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("signout-offline").textContent).toContain(
      "Uloskirjautuminen tarvitsee verkkoyhteyden",
    );
    expect((screen.getByTestId("signout-everywhere") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId("error-alert")).toBeNull();
    expect(api.calls).toEqual([]);
  });

  it("signing out everywhere that fails for want of a connection says so, not an error", async () => {
    const principal = fixtureResident([]);
    fakeApi({ "GET /api/me/passkeys": json(200, []) }); // and nothing else gets through
    render(<SettingsScreen principal={principal} session={signedIn(principal)} />);
    fireEvent.click(screen.getByTestId("signout-everywhere"));
    await waitFor(() =>
      expect(screen.getByTestId("signout-offline").textContent).toContain(
        "Signing out needs a connection",
      ),
    );
    expect(screen.queryByTestId("error-alert")).toBeNull();
    expect((screen.getByTestId("signout") as HTMLButtonElement).disabled).toBe(false);
  });
});
