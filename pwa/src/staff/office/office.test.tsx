// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { customerService, editor, renderConsole, resetConsole } from "../test/staffTestkit";
import type { IssuedCode, OccupantMatch } from "./api";

const AINO = "0192f0a4-0000-7000-8000-00000000a001";
const OLLI = "0192f0a4-0000-7000-8000-00000000a002";

const matches: OccupantMatch[] = [
  {
    occupantId: AINO,
    firstName: "Aino",
    lastName: "Laine",
    birthYear: 1990,
    address: "Kontulantie 5",
    unit: "B 12",
    role: "main_tenant",
    registered: false,
    canRegister: true,
  },
  {
    occupantId: OLLI,
    firstName: "Olli",
    lastName: "Laine",
    birthYear: 1988,
    address: "Kontulantie 5",
    unit: "B 12",
    role: "co_tenant",
    registered: true,
    canRegister: true,
  },
];

const issued: IssuedCode = {
  id: "0192f0a4-0000-7000-8000-00000000c0de",
  code: "ABCD-EFGH-JKMN",
  expiresAt: "2026-12-07T10:00:00Z",
  firstName: "Aino",
  lastName: "Laine",
};

beforeEach(() => setCookie("portal_csrf", "csrf-f"));
afterEach(resetConsole);

async function searchAndChoose(api: ReturnType<typeof fakeApi>, id = AINO) {
  renderConsole("/staff/office", customerService);
  fireEvent.input(await screen.findByTestId("office-search"), { target: { value: " Laine " } });
  fireEvent.click(screen.getByTestId("office-search-submit"));
  await screen.findByTestId("office-matches");
  const get = api.fetch.mock.calls.find((c) => String(c[0]).includes("/api/staff/occupants"));
  expect(new URL(String(get?.[0]), "http://x").searchParams.get("q")).toBe("Laine");
  fireEvent.click(screen.getByTestId(`office-choose-${id}`));
  return screen.findByTestId("office-issue");
}

describe("office registration", () => {
  it("finds people: name, birth year, home and whether they have registered", async () => {
    const api = fakeApi({ "GET /api/staff/occupants": json(200, matches) });
    await searchAndChoose(api);
    const rows = within(screen.getByTestId("office-matches")).getAllByRole("row").slice(1);
    expect(rows[0]?.textContent).toContain("Aino Laine");
    expect(rows[0]?.textContent).toContain("1990");
    expect(rows[0]?.textContent).toContain("Kontulantie 5 B 12");
    expect(rows[0]?.textContent).toContain("Ei vielä");
    expect(rows[1]?.textContent).toContain("Rekisteröitynyt");
    expect(screen.getByTestId("office-search-status").textContent).toBe("Löytyi 2 henkilöä.");
    expect(
      screen.getByRole("button", { name: "Valitse Aino Laine" }).getAttribute("aria-pressed"),
    ).toBe("true");
    expect(screen.getByTestId("office-issue-person").textContent).toBe("Aino Laine");
  });

  it("says so, and offers no code, while the person's identity code has not arrived", async () => {
    const waiting = { ...matches[0], canRegister: false } as OccupantMatch;
    const api = fakeApi({ "GET /api/staff/occupants": json(200, [waiting]) });
    await searchAndChoose(api);
    expect(screen.getByTestId("office-cannot-register").textContent).toContain(
      "henkilötunnus ei ole vielä tullut",
    );
    expect(screen.queryByTestId("office-issue-submit")).toBeNull();
    expect(screen.queryByTestId("office-id-checked")).toBeNull();
    expect(api.writes()).toEqual([]);
  });

  it("asks for 2 characters before searching", async () => {
    const api = fakeApi({});
    renderConsole("/staff/office", customerService);
    fireEvent.input(await screen.findByTestId("office-search"), { target: { value: "L" } });
    fireEvent.click(screen.getByTestId("office-search-submit"));
    expect(screen.getByText("Kirjoita vähintään 2 merkkiä.")).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it("requires the ID check, then issues with idChecked: true and shows the code", async () => {
    const api = fakeApi({
      "GET /api/staff/occupants": json(200, matches),
      "POST /api/staff/office-codes": json(201, issued),
    });
    await searchAndChoose(api);

    fireEvent.click(screen.getByTestId("office-issue-submit"));
    const box = screen.getByTestId("office-id-checked");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    const errorId = box.getAttribute("aria-describedby")?.split(" ")[1] ?? "";
    expect(document.getElementById(errorId)?.textContent).toBe(
      "Tarkista henkilöllisyystodistus ja vahvista se rastittamalla ruutu.",
    );
    expect(document.activeElement).toBe(box);
    expect(api.writes()).toEqual([]);

    fireEvent.click(box);
    fireEvent.click(screen.getByTestId("office-issue-submit"));
    expect((await screen.findByTestId("office-code")).textContent).toBe("ABCD-EFGH-JKMN");
    const post = api.calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({ occupantId: AINO, idChecked: true });
    expect(screen.getByTestId("office-slip-name").textContent).toBe("Aino Laine");
    expect(screen.getByTestId("office-slip-expires").textContent).toContain("Voimassa");
    expect(screen.getByTestId("office-slip").textContent).toContain("/register");
    expect(screen.getByTestId("office-slip").getAttribute("lang")).toBe("fi");
  });

  it("prints the slip in the language chosen for it", async () => {
    const api = fakeApi({
      "GET /api/staff/occupants": json(200, matches),
      "POST /api/staff/office-codes": json(201, issued),
    });
    await searchAndChoose(api);
    fireEvent.click(screen.getByTestId("office-id-checked"));
    fireEvent.click(screen.getByTestId("office-issue-submit"));
    await screen.findByTestId("office-slip");

    fireEvent.change(screen.getByTestId("office-slip-language"), { target: { value: "sv" } });
    const slip = screen.getByTestId("office-slip");
    expect(slip.getAttribute("lang")).toBe("sv");
    expect(slip.textContent).toContain("Registreringskod till boendesidorna");
    expect(slip.textContent).toContain("Fortsätt med koden");
    // The console itself stays Finnish.
    expect(screen.getByTestId("office-print").textContent).toBe("Tulosta");

    const print = vi.fn();
    vi.stubGlobal("print", print);
    fireEvent.click(screen.getByTestId("office-print"));
    expect(print).toHaveBeenCalledOnce();

    fireEvent.click(screen.getByTestId("office-done"));
    expect(screen.queryByTestId("office-code")).toBeNull();
    expect((screen.getByTestId("office-search") as HTMLInputElement).value).toBe("");
  });

  it("shows the server's problem and keeps the choice and the tick", async () => {
    const api = fakeApi({
      "GET /api/staff/occupants": json(200, matches),
      "POST /api/staff/office-codes": problem(404, "Ei löytynyt", "Henkilöä ei löytynyt."),
    });
    await searchAndChoose(api, OLLI);
    expect(screen.getByTestId("office-issue").textContent).toContain("on jo rekisteröitynyt");
    fireEvent.click(screen.getByTestId("office-id-checked"));
    fireEvent.click(screen.getByTestId("office-issue-submit"));
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Ei löytynyt");
    expect((screen.getByTestId("office-id-checked") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId("office-issue-person").textContent).toBe("Olli Laine");
    expect(screen.queryByTestId("office-code")).toBeNull();
  });

  it("is not open to an editor", async () => {
    fakeApi({});
    renderConsole("/staff/office", editor);
    const nav = await screen.findByTestId("staff-nav");
    expect(within(nav).queryByRole("link", { name: "Rekisteröinti toimistolla" })).toBeNull();
    await waitFor(() => expect(screen.queryByTestId("office-search")).toBeNull());
  });
});
