// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, expect, it } from "vitest";
import { offlineProfile, profileRow } from "../features/settings/settingsTestkit";
import { closeTestClients, openTestClient } from "../test/offlineResident";
import { resetApp } from "../test/reset";
import { resident } from "../test/sessions";
import { language } from "./language";
import { applySession } from "./session";
import { closeSync, openSyncFor, setSyncClientOpener } from "./sync";

beforeEach(() => {
  language.value = "fi"; // what the session brought
});
afterEach(() => {
  closeTestClients();
  resetApp();
});

it("the app shows the language of the resident's profile once the offline data opens", async () => {
  setSyncClientOpener(async () => (await offlineProfile(profileRow({ language: "sv" }))).client);
  await openSyncFor("acct");
  await waitFor(() => expect(language.value).toBe("sv"));
});

it("a language chosen offline wins over the session's until it has been sent", async () => {
  let first: Awaited<ReturnType<typeof offlineProfile>> | undefined;
  setSyncClientOpener(async () => {
    first = await offlineProfile(profileRow({ language: "fi" }), { kind: "offline" });
    return first.client;
  });
  await openSyncFor("acct");
  if (!first) throw new Error("not opened");
  const { server, account } = first;
  await first.client.mutate("updateProfile", { language: "en" });
  await waitFor(() => expect(language.value).toBe("en"));
  // The app starts again, still offline; the session it remembered says Finnish.
  closeSync();
  language.value = "fi";
  setSyncClientOpener(() =>
    openTestClient({ transport: server.transport }, { account, sync: false }),
  );
  await openSyncFor("acct");
  await waitFor(() => expect(language.value).toBe("en"));
});

it("a session read before a queued language change was sent does not undo it", async () => {
  let opened: Awaited<ReturnType<typeof offlineProfile>> | undefined;
  setSyncClientOpener(async () => {
    opened = await offlineProfile(profileRow({ language: "fi" }), { kind: "offline" });
    return opened.client;
  });
  await openSyncFor(resident.id);
  if (!opened) throw new Error("not opened");
  await opened.client.mutate("updateProfile", { language: "en" });
  await waitFor(() => expect(language.value).toBe("en"));
  // The app asked the server for the session before the change went out: Swedish still.
  applySession({
    authenticated: true,
    principal: { ...resident, language: "sv" },
    passwordLoginAvailable: false,
    strongAuth: "demo",
  });
  expect(language.value).toBe("en");
});
