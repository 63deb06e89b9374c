// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentPath } from "../../state/route";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { customerService, editor, renderConsole, resetConsole } from "../test/staffTestkit";
import { fromLocalInput, toLocalInput } from "./localTime";
import {
  draft,
  NEWS_ID,
  PROPERTY_ID,
  previewOf,
  published,
  REGION_ID,
  regions,
} from "./newsTestkit";

beforeEach(() => setCookie("portal_csrf", "csrf-t"));
afterEach(resetConsole);

const input = (label: string | HTMLElement, value: string) =>
  fireEvent.input(typeof label === "string" ? screen.getByLabelText(label) : label, {
    target: { value },
  });

describe("local time", () => {
  it("turns a typed local time into an instant with its offset and back", () => {
    const iso = fromLocalInput("2026-12-01T10:00");
    expect(iso).toMatch(/^2026-12-01T10:00:00[+-]\d{2}:\d{2}$/);
    expect(toLocalInput(iso)).toBe("2026-12-01T10:00");
    expect(new Date(iso as string).getTime()).toBe(new Date(2026, 11, 1, 10, 0).getTime());
    expect(fromLocalInput("")).toBeNull();
  });
});

describe("news list", () => {
  it("lists items with status, audience, missing languages and read count", async () => {
    fakeApi({
      "GET /api/staff/news": json(200, [draft, published]),
      "GET /api/staff/regions": json(200, regions),
    });
    renderConsole("/staff/news", editor);
    const row = await screen.findByTestId(`news-row-${draft.id}`);
    expect(row.textContent).toContain("Vesikatko torstaina");
    expect(row.textContent).toContain("Luonnos");
    expect(row.textContent).toContain("Ruotsi");
    await waitFor(() => expect(row.textContent).toContain("Kiinteistö: Kontulan Kaari 5"));
    const other = screen.getByTestId(`news-row-${published.id}`);
    expect(other.textContent).toContain("Alue: Itä-Helsinki");
    expect(other.textContent).toContain("Kaikki kielet");
    expect(other.textContent).toContain("42");
    expect(screen.getByRole("table").querySelector("caption")).toBeTruthy();
  });

  it("is closed to customer service", async () => {
    fakeApi({});
    renderConsole("/staff/news", customerService);
    await waitFor(() => expect(screen.queryByTestId("news-new")).toBeNull());
  });
});

describe("new news item", () => {
  function newApi(reply = json(201, draft)) {
    return fakeApi({
      "GET /api/staff/regions": json(200, regions),
      "POST /api/staff/news": reply,
      [`GET /api/staff/news/${NEWS_ID}`]: json(200, draft),
      [`GET /api/staff/news/${NEWS_ID}/preview`]: json(200, previewOf(draft, "fi")),
    });
  }

  it("marks empty Swedish and English as missing and sends the draft", async () => {
    const api = newApi();
    renderConsole("/staff/news/new", editor);
    await screen.findByTestId("news-form");
    expect(screen.getByTestId("news-missing-sv")).toBeTruthy();
    expect(screen.getByTestId("news-missing-note-en").textContent).toContain(
      "suomenkielisen tekstin",
    );
    input(screen.getByTestId("news-title-fi"), "Vesikatko torstaina");
    input(screen.getByTestId("news-body-fi"), "Vesi on poikki klo 9–12.");
    input(screen.getByTestId("news-title-en"), "Water cut on Thursday");
    input(screen.getByTestId("news-body-en"), "No water 9–12.");
    expect(screen.queryByTestId("news-missing-en")).toBeNull();
    expect(screen.getByTestId("news-missing-sv")).toBeTruthy();
    await screen.findByRole("option", { name: "Kontulan Kaari 5" });
    fireEvent.change(screen.getByLabelText("Valitse kiinteistö"), {
      target: { value: PROPERTY_ID },
    });
    fireEvent.click(screen.getByTestId("news-urgent"));
    input(screen.getByTestId("news-expires"), "2026-12-05T18:00");
    fireEvent.click(screen.getByRole("button", { name: "Tallenna luonnos" }));
    await waitFor(() => expect(currentPath.value).toBe(`/staff/news/${NEWS_ID}`));
    const body = api.calls.find((c) => c.method === "POST")?.body;
    expect(body).toEqual({
      title: { fi: "Vesikatko torstaina", sv: null, en: "Water cut on Thursday" },
      body: { fi: "Vesi on poikki klo 9–12.", sv: null, en: "No water 9–12." },
      audience: "property",
      regionId: null,
      propertyId: PROPERTY_ID,
      pinned: false,
      urgent: true,
      expiresAt: fromLocalInput("2026-12-05T18:00"),
    });
  });

  it("sends a region audience with the region only", async () => {
    const api = newApi();
    renderConsole("/staff/news/new", editor);
    await screen.findByTestId("news-form");
    input(screen.getByTestId("news-title-fi"), "Otsikko");
    input(screen.getByTestId("news-body-fi"), "Teksti");
    fireEvent.click(screen.getByRole("radio", { name: "Alue" }));
    await screen.findByRole("option", { name: "Itä-Helsinki" });
    fireEvent.change(screen.getByLabelText("Valitse alue"), {
      target: { value: REGION_ID },
    });
    fireEvent.click(screen.getByRole("button", { name: "Tallenna luonnos" }));
    await waitFor(() => expect(api.writes()).toEqual(["POST /api/staff/news"]));
    const body = api.calls.find((c) => c.method === "POST")?.body as Record<string, unknown>;
    expect(body.audience).toBe("region");
    expect(body.regionId).toBe(REGION_ID);
    expect(body.propertyId).toBeNull();
  });

  it("shows the server's problem and keeps what was typed", async () => {
    newApi(problem(422, "Tarkista tiedot", "Voimassaoloaika on jo mennyt."));
    renderConsole("/staff/news/new", editor);
    await screen.findByTestId("news-form");
    input(screen.getByTestId("news-title-fi"), "Vesikatko");
    input(screen.getByTestId("news-body-fi"), "Vesi poikki.");
    input(screen.getByTestId("news-body-sv"), "Vattenavbrott");
    await screen.findByRole("option", { name: "Kontulan Kaari 5" });
    fireEvent.change(screen.getByLabelText("Valitse kiinteistö"), {
      target: { value: PROPERTY_ID },
    });
    fireEvent.click(screen.getByRole("button", { name: "Tallenna luonnos" }));
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Tarkista tiedot");
    expect((screen.getByTestId("news-title-fi") as HTMLInputElement).value).toBe("Vesikatko");
    expect((screen.getByTestId("news-body-sv") as HTMLTextAreaElement).value).toBe("Vattenavbrott");
    expect(currentPath.value).toBe("/staff/news/new");
  });
});

describe("editing a news item", () => {
  function editApi(extra: Parameters<typeof fakeApi>[0] = {}) {
    return fakeApi({
      "GET /api/staff/regions": json(200, regions),
      [`GET /api/staff/news/${NEWS_ID}`]: json(200, draft),
      [`GET /api/staff/news/${NEWS_ID}/preview`]: () => json(200, previewOf(draft, langOf())),
      ...extra,
    });
  }
  let api: ReturnType<typeof fakeApi>;
  /** The language the preview being answered asks for (the call just recorded). */
  const langOf = () => {
    const last = api.fetch.mock.calls.at(-1)?.[0];
    return (new URL(String(last), "http://x").searchParams.get("lang") ?? "fi") as
      | "fi"
      | "sv"
      | "en";
  };

  it("fills the form, and previews the Swedish reader's fallback to Finnish", async () => {
    api = editApi();
    renderConsole(`/staff/news/${NEWS_ID}`, editor);
    expect((await screen.findByTestId("news-heading")).textContent).toBe("Vesikatko torstaina");
    expect((screen.getByTestId("news-title-en") as HTMLInputElement).value).toBe(
      "Water cut on Thursday",
    );
    expect(screen.getByTestId("news-missing-sv")).toBeTruthy();
    expect((await screen.findByTestId("news-preview-item")).textContent).toContain(
      "Vesikatko torstaina",
    );
    fireEvent.click(screen.getByRole("radio", { name: "Ruotsi" }));
    await screen.findByTestId("news-preview-fell-back");
    expect(screen.getByTestId("news-preview-fell-back").textContent).toContain("på finska");
    const asked = api.fetch.mock.calls.map(([u]) => new URL(String(u), "http://x"));
    expect(
      asked.some((u) => u.pathname.endsWith("/preview") && u.searchParams.get("lang") === "sv"),
    ).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "Englanti" }));
    await waitFor(() =>
      expect(screen.getByTestId("news-preview-item").textContent).toContain(
        "Water cut on Thursday",
      ),
    );
  });

  it("saves changes with PATCH", async () => {
    api = editApi({
      [`PATCH /api/staff/news/${NEWS_ID}`]: json(200, { ...draft, pinned: true }),
    });
    renderConsole(`/staff/news/${NEWS_ID}`, editor);
    await screen.findByTestId("news-form");
    input(screen.getByTestId("news-title-sv"), "Vattenavbrott");
    fireEvent.click(screen.getByTestId("news-pinned"));
    fireEvent.click(screen.getByRole("button", { name: "Tallenna muutokset" }));
    await waitFor(() =>
      expect(screen.getByTestId("news-message").textContent).toBe("Muutokset tallennettu."),
    );
    const body = api.calls.find((c) => c.method === "PATCH")?.body as Record<string, unknown>;
    expect(body.title).toEqual({
      fi: "Vesikatko torstaina",
      sv: "Vattenavbrott",
      en: "Water cut on Thursday",
    });
    expect(body.pinned).toBe(true);
    expect(body.propertyId).toBe(PROPERTY_ID);
  });

  it("publishes now, schedules with the local time's offset, and shows a refusal", async () => {
    const scheduled = { ...draft, status: "scheduled", publishAt: "2026-12-01T08:00:00Z" };
    api = editApi({
      [`POST /api/staff/news/${NEWS_ID}/publish`]: [
        problem(409, "Tiedotetta ei voi julkaista", "Tiedote on jo vanhentunut."),
        json(200, scheduled),
      ],
    });
    renderConsole(`/staff/news/${NEWS_ID}`, editor);
    fireEvent.click(await screen.findByRole("button", { name: "Julkaise nyt" }));
    expect((await screen.findByTestId("error-alert")).textContent).toContain(
      "Tiedotetta ei voi julkaista",
    );
    input(screen.getByTestId("news-publish-at"), "2026-12-01T10:00");
    fireEvent.click(screen.getByRole("button", { name: "Ajasta julkaisu" }));
    await waitFor(() =>
      expect(screen.getByTestId("news-message").textContent).toBe("Julkaisu ajastettu."),
    );
    const bodies = api.calls.filter((c) => c.path.endsWith("/publish")).map((c) => c.body);
    expect(bodies).toEqual([{}, { at: fromLocalInput("2026-12-01T10:00") }]);
    expect(screen.getByTestId("news-status").textContent).toContain("Ajastettu");
  });

  it("deletes a draft after confirming", async () => {
    api = editApi({
      [`DELETE /api/staff/news/${NEWS_ID}`]: { status: 204 },
      "GET /api/staff/news": json(200, []),
    });
    renderConsole(`/staff/news/${NEWS_ID}`, editor);
    fireEvent.click(await screen.findByRole("button", { name: "Poista tiedote" }));
    fireEvent.click(screen.getByRole("button", { name: "Poista pysyvästi" }));
    await waitFor(() => expect(currentPath.value).toBe("/staff/news"));
    expect(api.writes()).toEqual([`DELETE /api/staff/news/${NEWS_ID}`]);
  });

  it("takes a published item down", async () => {
    const id = published.id;
    api = fakeApi({
      "GET /api/staff/regions": json(200, regions),
      [`GET /api/staff/news/${id}`]: json(200, published),
      [`GET /api/staff/news/${id}/preview`]: json(200, previewOf(published, "fi")),
      [`POST /api/staff/news/${id}/expire`]: json(200, { ...published, status: "expired" }),
    });
    renderConsole(`/staff/news/${id}`, editor);
    expect(screen.queryByRole("button", { name: "Julkaise nyt" })).toBeNull();
    fireEvent.click(await screen.findByRole("button", { name: "Poista näkyvistä" }));
    await waitFor(() =>
      expect(screen.getByTestId("news-status").textContent).toContain("Vanhentunut"),
    );
    expect(api.writes()).toEqual([`POST /api/staff/news/${id}/expire`]);
  });
});
