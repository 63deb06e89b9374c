// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { language } from "../../state/language";
import { currentResident, sessionState } from "../../state/session";
import { openSyncFor, setSyncClientOpener } from "../../state/sync";
import { fakeApi } from "../../test/fakeApi";
import {
  closeTestClients,
  fixtureResident,
  openTestClient,
  outbox,
} from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { signedIn } from "../../test/sessions";
import { SettingsContact } from "./SettingsContact";
import { offlineProfile, profileRow } from "./settingsTestkit";

beforeEach(() => {
  language.value = "en";
});
afterEach(() => {
  closeTestClients();
  resetApp();
});

// The session knows no contact details: what the form shows comes from the profile row.
const principal = fixtureResident([], { email: null, phone: null, language: "en" });
const row = profileRow({ email: "aino@example.fi", phone: "+358 40 000 0123", language: "en" });

const field = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;
const status = () => screen.getByTestId("contact-status").textContent;

function show() {
  const api = fakeApi({}); // no network at all
  render(<SettingsContact principal={principal} />);
  return api;
}

function type(testid: string, value: string) {
  fireEvent.input(field(testid), { target: { value } });
}

describe("contact details from the offline profile", () => {
  it("open with no network: the saved profile row, read from the device", async () => {
    const { server, account } = await offlineProfile(row);
    closeTestClients();
    server.mode = { kind: "offline" };
    await openTestClient({ transport: server.transport }, { account, sync: false });
    const api = show();
    expect(field("contact-email").value).toBe("aino@example.fi");
    expect(field("contact-phone").value).toBe("+358 40 000 0123");
    expect((screen.getByTestId("contact-language") as HTMLSelectElement).value).toBe("en");
    expect(screen.getByLabelText("Email")).toBe(field("contact-email"));
    expect(api.calls).toEqual([]);
    expect(screen.queryByTestId("error-alert")).toBeNull();
  });

  it("offline, a new phone number is queued as updateProfile and waits to send", async () => {
    const { client } = await offlineProfile(row, { kind: "pushFails" });
    const api = show();
    type("contact-phone", " +358 40 123 4567 ");
    fireEvent.click(screen.getByTestId("contact-submit"));
    await waitFor(() =>
      expect(status()).toBe(
        "The change is saved on this device and waiting to send. It is sent when there is a connection again.",
      ),
    );
    expect(await outbox(client)).toMatchObject([
      { name: "updateProfile", args: { phone: "+358 40 123 4567" } },
    ]);
    expect(field("contact-phone").value).toBe("+358 40 123 4567");
    expect(field("contact-email").value).toBe("aino@example.fi");
    expect(api.writes()).toEqual([]);
  });

  it("online, the server applies it: saved", async () => {
    const { server } = await offlineProfile(row);
    show();
    type("contact-email", "Aino.Uusi@Example.fi");
    fireEvent.click(screen.getByTestId("contact-submit"));
    await waitFor(() => expect(status()).toBe("Saved."));
    expect(server.received("updateProfile").map((m) => m.args)).toEqual([
      { email: "aino.uusi@example.fi" },
    ]);
  });

  it("a refused change shows the server's reason and keeps what was typed", async () => {
    const { client } = await offlineProfile(row, {
      kind: "reject",
      problem: {
        code: "conflict",
        title: "The address is in use",
        detail: "Another account signs in with this e-mail address.",
      },
    });
    show();
    type("contact-email", "anna@example.fi");
    fireEvent.click(screen.getByTestId("contact-submit"));
    const refused = await screen.findByTestId("contact-rejections-1");
    expect(refused.textContent).toContain("The change of contact details could not be saved");
    expect(refused.textContent).toContain("Another account signs in with this e-mail address.");
    expect(refused.textContent).toContain("still in the form");
    expect(client.state.view.value.get("profile")).toMatchObject({ email: "aino@example.fi" });
    await waitFor(() => expect(field("contact-email").value).toBe("anna@example.fi"));
    expect(status()).toBe("");
    fireEvent.click(within(refused).getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByTestId("contact-rejections-1")).toBeNull());
    expect(field("contact-email").value).toBe("anna@example.fi");
  });

  it("a refused change is still there, with the typed value, when Settings opens again", async () => {
    await offlineProfile(row, {
      kind: "reject",
      problem: { code: "invalid-input", title: "Check the phone number", detail: "" },
    });
    fakeApi({});
    const first = render(<SettingsContact principal={principal} />);
    type("contact-phone", "+358 40 999 9999");
    fireEvent.click(screen.getByTestId("contact-submit"));
    await screen.findByTestId("contact-rejections-1");
    first.unmount();
    render(<SettingsContact principal={principal} />);
    await waitFor(() => expect(field("contact-phone").value).toBe("+358 40 999 9999"));
    expect(screen.getByTestId("contact-rejections-1").textContent).toContain(
      "Check the phone number",
    );
  });

  it("what the server would refuse is caught here, by its field, and nothing is queued", async () => {
    const { client } = await offlineProfile(row);
    show();
    type("contact-email", "aino.example.fi");
    type("contact-phone", "040 abc");
    fireEvent.click(screen.getByTestId("contact-submit"));
    await waitFor(() => expect(field("contact-email").getAttribute("aria-invalid")).toBe("true"));
    const errorOf = (input: HTMLElement) =>
      document.getElementById(input.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "")
        ?.textContent;
    expect(errorOf(field("contact-email"))).toBe("Enter an e-mail address like name@example.fi.");
    expect(errorOf(field("contact-phone"))).toBe(
      "Enter a phone number in digits, for example +358 40 000 0000.",
    );
    expect(await outbox(client)).toEqual([]);
  });

  it("a new language switches the app at once and is queued for the profile", async () => {
    const { client } = await offlineProfile(row, { kind: "offline" });
    show();
    fireEvent.change(screen.getByTestId("contact-language"), { target: { value: "sv" } });
    fireEvent.click(screen.getByTestId("contact-submit"));
    await waitFor(() => expect(language.value).toBe("sv"));
    expect(await outbox(client)).toMatchObject([
      { name: "updateProfile", args: { language: "sv" } },
    ]);
    await waitFor(() => expect(status()).toContain("väntar på att skickas"));
    expect(screen.getByTestId("contact-submit").textContent).toBe("Spara kontaktuppgifterna");
  });

  it("the session follows, keeping the language the app shows", async () => {
    // Signed in with Finnish in the session; English chosen since with the language switcher.
    const resident = { ...principal, language: "fi" as const };
    sessionState.value = { status: "ready", session: signedIn(resident) };
    setSyncClientOpener(async () => (await offlineProfile(row, { kind: "offline" })).client);
    await openSyncFor(resident.id);
    show();
    type("contact-phone", "+358 40 123 4567");
    fireEvent.click(screen.getByTestId("contact-submit"));
    await waitFor(() => expect(currentResident()?.phone).toBe("+358 40 123 4567"));
    expect(currentResident()?.language).toBe("en");
    expect(language.value).toBe("en");
    expect(localStorage.getItem("resident-portal.last-session")).toContain("+358 40 123 4567");
  });
});
