// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { ACCOUNT_KEY, offlineAccountSignedIn, offlineAccountSignedOut } from "./account";
import { SyncClient } from "./sync";
import { freshAccount } from "./testkit";

afterEach(() => localStorage.clear());

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? "");
}

describe("wipe on logout and account switch", () => {
  it("sign-out deletes the account's database, even with a client open", async () => {
    const account = freshAccount();
    await offlineAccountSignedIn(account);
    const client = await SyncClient.open(account, { browserEvents: false });
    await client.db.put("drafts", { id: "d", kind: "ticket", value: 1, updatedAt: 0 });
    expect(await databases()).toContain(`portal-${account}`);
    await offlineAccountSignedOut();
    expect(await databases()).not.toContain(`portal-${account}`);
    expect(localStorage.getItem(ACCOUNT_KEY)).toBeNull();
    const fresh = await SyncClient.open(account, { browserEvents: false });
    expect(await fresh.db.count("drafts")).toBe(0);
    fresh.close();
  });

  it("another account signing in wipes the previous one; the same account keeps its data", async () => {
    const a = freshAccount();
    const b = freshAccount();
    await offlineAccountSignedIn(a);
    (await SyncClient.open(a, { browserEvents: false })).close();
    await offlineAccountSignedIn(a);
    expect(await databases()).toContain(`portal-${a}`);
    await offlineAccountSignedIn(b);
    expect(await databases()).not.toContain(`portal-${a}`);
    expect(localStorage.getItem(ACCOUNT_KEY)).toBe(b);
  });
});
