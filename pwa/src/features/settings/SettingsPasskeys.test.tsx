// @vitest-environment happy-dom

import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Passkey } from "../../api/types";
import { currentPath } from "../../state/route";
import { applySession, currentPrincipal, signedOutNotice } from "../../state/session";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { creationOptionsJSON, fakeAttestation } from "../../test/fakeCredentials";
import { resetApp } from "../../test/reset";
import { signedIn, signedOut } from "../../test/sessions";
import { SettingsPasskeys } from "./SettingsPasskeys";

const PASSKEYS: Passkey[] = [
  {
    id: "pk-1",
    name: "Puhelin",
    createdAt: "2026-01-10T08:00:00Z",
    lastUsedAt: "2026-02-01T09:30:00Z",
    current: true,
  },
  {
    id: "pk-2",
    name: "Läppäri",
    createdAt: "2026-01-12T10:00:00Z",
    lastUsedAt: null,
    current: false,
  },
];

beforeEach(() => {
  setCookie("portal_csrf", "csrf-7");
  applySession(signedIn());
  currentPath.value = "/settings";
});
afterEach(resetApp);

async function showList(extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ "GET /api/me/passkeys": json(200, PASSKEYS), ...extra });
  render(<SettingsPasskeys />);
  await screen.findByTestId("passkey-list");
  return api;
}

describe("SettingsPasskeys", () => {
  it("lists the passkeys with dates and marks this device (in the resident's Swedish)", async () => {
    await showList();
    const list = screen.getByTestId("passkey-list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByTestId("passkey-name-pk-1").textContent).toBe("Puhelin");
    expect(screen.getByTestId("passkey-current-pk-1").textContent).toBe("Den här enheten");
    expect(screen.queryByTestId("passkey-current-pk-2")).toBeNull();
    expect(screen.getByTestId("passkey-pk-2").textContent).toContain("Inte använd ännu");
    expect(screen.getByTestId("passkey-pk-1").textContent).toContain("Senast använd");
  });

  it("renames inline with PATCH /api/me/passkeys/{id}", async () => {
    const api = await showList({
      "PATCH /api/me/passkeys/pk-2": json(200, { ...PASSKEYS[1], name: "Työkone" }),
    });
    fireEvent.click(screen.getByTestId("passkey-rename-pk-2"));
    const input = screen.getByTestId("passkey-rename-input-pk-2") as HTMLInputElement;
    expect(input.value).toBe("Läppäri");
    fireEvent.input(input, { target: { value: "Työkone " } });
    fireEvent.click(screen.getByTestId("passkey-rename-save-pk-2"));
    await waitFor(() =>
      expect(screen.getByTestId("passkey-name-pk-2").textContent).toBe("Työkone"),
    );
    expect(api.writes()).toEqual(["PATCH /api/me/passkeys/pk-2"]);
    const patch = api.calls.find((c) => c.method === "PATCH");
    expect(patch?.body).toEqual({ name: "Työkone" });
    expect(patch?.headers["X-CSRF-Token"]).toBe("csrf-7");
    expect(screen.queryByTestId("passkey-rename-input-pk-2")).toBeNull();
  });

  it("revokes another passkey after confirmation with DELETE, staying signed in", async () => {
    const api = await showList({ "DELETE /api/me/passkeys/pk-2": { status: 204 } });
    fireEvent.click(screen.getByTestId("passkey-revoke-pk-2"));
    const dialog = screen.getByTestId("passkey-revoke-dialog");
    expect(dialog.textContent).toContain("Läppäri");
    expect(api.writes()).toEqual([]);
    fireEvent.click(within(dialog).getByTestId("passkey-revoke-confirm"));
    await waitFor(() => expect(screen.queryByTestId("passkey-pk-2")).toBeNull());
    expect(api.writes()).toEqual(["DELETE /api/me/passkeys/pk-2"]);
    expect(currentPrincipal()).not.toBeNull();
    expect(currentPath.value).toBe("/settings");
  });

  it("cancelling the confirmation revokes nothing", async () => {
    const api = await showList();
    fireEvent.click(screen.getByTestId("passkey-revoke-pk-2"));
    fireEvent.click(screen.getByTestId("passkey-revoke-cancel"));
    expect(screen.queryByTestId("passkey-revoke-dialog")).toBeNull();
    expect(screen.getByTestId("passkey-pk-2")).toBeTruthy();
    expect(api.writes()).toEqual([]);
  });

  it("revoking the current passkey signs out and goes to the landing page", async () => {
    const api = await showList({
      "DELETE /api/me/passkeys/pk-1": { status: 204 },
      "GET /api/session": json(200, signedOut()),
    });
    fireEvent.click(screen.getByTestId("passkey-revoke-pk-1"));
    expect(screen.getByTestId("passkey-revoke-dialog").textContent).toContain("Du loggas ut");
    fireEvent.click(screen.getByTestId("passkey-revoke-confirm"));
    await waitFor(() => expect(currentPath.value).toBe("/"));
    expect(api.writes()).toEqual(["DELETE /api/me/passkeys/pk-1"]);
    expect(currentPrincipal()).toBeNull();
    expect(signedOutNotice.value).toBe("revoked");
  });

  it("shows a refusal as the server's problem and keeps the passkey", async () => {
    await showList({
      "DELETE /api/me/passkeys/pk-2": problem(
        409,
        "Viimeistä avainta ei voi poistaa",
        "Lisää ensin uusi.",
      ),
    });
    fireEvent.click(screen.getByTestId("passkey-revoke-pk-2"));
    fireEvent.click(screen.getByTestId("passkey-revoke-confirm"));
    const alert = await screen.findByTestId("error-alert");
    expect(alert.textContent).toContain("Viimeistä avainta ei voi poistaa");
    expect(alert.textContent).toContain("Lisää ensin uusi.");
    expect(screen.getByTestId("passkey-pk-2")).toBeTruthy();
  });

  it("adds a passkey: options, the browser prompt, then POST /api/me/passkeys", async () => {
    const added: Passkey = {
      id: "pk-3",
      name: "Tabletti",
      createdAt: "2026-03-01T12:00:00Z",
      lastUsedAt: null,
      current: false,
    };
    const api = await showList({
      "POST /api/me/passkeys/options": json(200, creationOptionsJSON),
      "POST /api/me/passkeys": json(201, added),
    });
    const create = vi.fn().mockResolvedValue(fakeAttestation());
    vi.stubGlobal("navigator", { ...navigator, credentials: { create } });
    fireEvent.input(screen.getByTestId("passkey-add-name"), { target: { value: "Tabletti" } });
    fireEvent.click(screen.getByTestId("passkey-add"));
    expect(await screen.findByTestId("passkey-pk-3")).toBeTruthy();
    expect(api.writes()).toEqual(["POST /api/me/passkeys/options", "POST /api/me/passkeys"]);
    expect(api.calls.at(-1)?.body).toMatchObject({ name: "Tabletti", credential: { id: "AQID" } });
  });

  it("a 429 disables the button until Retry-After has passed", async () => {
    await showList({
      "PATCH /api/me/passkeys/pk-2": problem(
        429,
        "Liian monta yritystä",
        "Odota hetki.",
        {},
        {
          "Retry-After": "1",
        },
      ),
    });
    fireEvent.click(screen.getByTestId("passkey-rename-pk-2"));
    fireEvent.click(screen.getByTestId("passkey-rename-save-pk-2"));
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Odota hetki.");
    const save = screen.getByTestId("passkey-rename-save-pk-2") as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await waitFor(() => expect(save.disabled).toBe(false), { timeout: 2500 });
  });
});
