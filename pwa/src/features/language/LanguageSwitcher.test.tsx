// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SyncClient } from "../../offline/sync";
import { freshAccount, manualTimer, seedIds } from "../../offline/testkit";
import { language } from "../../state/language";
import { sessionState } from "../../state/session";
import { closeSync, syncClient } from "../../state/sync";
import { fakeApi, json } from "../../test/fakeApi";
import { resident } from "../../test/sessions";
import { LanguageSwitcher } from "./LanguageSwitcher";

afterEach(() => {
  cleanup();
  closeSync();
  sessionState.value = { status: "loading" };
  language.value = "fi";
  vi.unstubAllGlobals();
});

function signIn() {
  sessionState.value = {
    status: "ready",
    session: {
      authenticated: true,
      principal: { ...resident, language: "fi" },
      passwordLoginAvailable: false,
      strongAuth: "oidc",
    },
  };
}

describe("the language switcher", () => {
  it("switches the app and, signed in, queues the profile change (notifications follow)", async () => {
    signIn();
    const account = freshAccount();
    await seedIds(account);
    fakeApi({
      "POST /api/sync/push": () => {
        throw new TypeError("Failed to fetch"); // offline: it waits in the outbox
      },
    });
    const client = await SyncClient.open(account, {
      browserEvents: false,
      schedule: manualTimer().schedule,
      backgroundSync: async () => false,
    });
    syncClient.value = client;
    render(<LanguageSwitcher />);
    fireEvent.click(screen.getByTestId("language-sv"));
    expect(language.value).toBe("sv");
    await waitFor(async () => {
      const outbox = await client.db.getAll("outbox");
      expect(outbox.map((entry) => [entry.mutation.name, entry.mutation.args])).toEqual([
        ["updateProfile", { language: "sv" }],
      ]);
    });
    fireEvent.click(screen.getByTestId("language-sv")); // already chosen: nothing more
    expect(await client.db.count("outbox")).toBe(1);
  });

  it("signed out, only the app switches", () => {
    const api = fakeApi({ "PATCH /api/me/profile": json(200, {}) });
    render(<LanguageSwitcher />);
    fireEvent.click(screen.getByTestId("language-en"));
    expect(language.value).toBe("en");
    expect(api.calls).toEqual([]);
  });
});
