// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fixtures, recorded } from "../../offline/testkit";
import { language } from "../../state/language";
import { navigate } from "../../state/route";
import { sessionState } from "../../state/session";
import { fakeApi } from "../../test/fakeApi";
import {
  closeTestClients,
  fixtureHome,
  fixtureResident,
  openTestClient,
} from "../../test/offlineResident";
import { ShellEmergencyHint } from "./ShellEmergencyHint";
import { ShellNav } from "./ShellNav";
import { ShellOfflineBanner } from "./ShellOfflineBanner";

const aino = fixtureResident();

function signedIn(principal: typeof aino) {
  sessionState.value = {
    status: "ready",
    session: { authenticated: true, principal, passwordLoginAvailable: false, strongAuth: "oidc" },
  };
}

/** Talks to the stubbed `fetch` (fakeApi); the test starts it. */
const openClient = () => openTestClient({}, { seed: true, sync: false });

afterEach(() => {
  closeTestClients();
  sessionState.value = { status: "loading" };
  language.value = "fi";
  vi.unstubAllGlobals();
});

describe("the shell around the resident's screens", () => {
  it("says how old the data is when the network is gone, and what waits to be sent", async () => {
    fakeApi({ "POST /api/sync/pull": recorded(fixtures.pullFull) });
    const client = await openClient();
    await client.start();
    language.value = "en";
    render(<ShellOfflineBanner />);
    const banner = screen.getByTestId("offline-banner");
    expect(banner.textContent).toBe("");
    fakeApi({
      "POST /api/sync/push": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await client.mutate("markNewsRead", { newsId: "00000000-0000-4000-8000-000000000003" });
    await waitFor(() => expect(banner.textContent).toMatch(/^Offline – showing saved data from /));
    expect(banner.textContent).toContain("1 item waiting to send");
    expect(banner.getAttribute("role")).toBe("status");
  });

  it("puts the active home's emergency number one tap away, from the offline data", async () => {
    fakeApi({ "POST /api/sync/pull": recorded(fixtures.pullFull) });
    signedIn(aino);
    const client = await openClient();
    await client.start();
    render(<ShellEmergencyHint />);
    const call = await screen.findByRole("link", { name: "Päivystysnumero: +358 40 000 0000" });
    expect(call.getAttribute("href")).toBe("tel:+358400000000");
  });

  it("shows the resident's menu with the current screen marked, and none signed out", () => {
    signedIn(aino);
    navigate("/tickets/00000000-0000-4000-8000-000000000004");
    language.value = "sv";
    const { unmount } = render(<ShellNav />);
    const current = screen.getByRole("link", { current: "page" });
    expect(current.textContent).toBe("Felanmälningar");
    const names = screen.getAllByRole("link").map((link) => link.textContent);
    expect(names).toContain("Hyra"); // the main tenant's own entries
    expect(names).toContain("Ändringar av boende");
    unmount();
    // A resident who is not the main tenant has no rent or occupant entries.
    signedIn(fixtureResident([{ ...fixtureHome, access: "resident" }]));
    const other = render(<ShellNav />);
    const theirs = screen.getAllByRole("link").map((link) => link.textContent);
    expect(theirs).toContain("Meddelanden");
    expect(theirs).not.toContain("Hyra");
    expect(theirs).not.toContain("Ändringar av boende");
    other.unmount();
    sessionState.value = { status: "loading" };
    render(<ShellNav />);
    expect(screen.queryByTestId("shell-nav")).toBeNull();
  });
});
