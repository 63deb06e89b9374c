// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setCookie } from "../../test/cookies";
import { fakeApi, json, problem } from "../../test/fakeApi";
import { customerService, editor, renderConsole, resetConsole } from "../test/staffTestkit";
import type { StaffDocument, StaffProperty } from "./api";

const ID = "0192f0a4-0000-7000-8000-0000000b0001";
const DOC = "0192f0a4-0000-7000-8000-0000000f0001";
const PATH = `/api/staff/properties/${ID}`;

const houseRules: StaffDocument = {
  id: DOC,
  propertyId: ID,
  kind: "house_rules",
  title: { fi: "Järjestyssäännöt", sv: "Ordningsregler", en: null },
  text: { fi: "Hiljaisuus klo 22–7.", sv: "Tyst 22–7.", en: null },
  format: "text",
  fileName: null,
  sortOrder: 0,
  updatedAt: "2026-11-01T10:00:00Z",
  missing: { fi: [], sv: [], en: ["title", "text"] },
};

const property: StaffProperty = {
  id: ID,
  regionId: "r1",
  code: "KON5",
  name: "Kontulan Kaari 5",
  postalCode: "00940",
  yearBuilt: 1968,
  floors: 8,
  emergencyPhone: "+358 40 000 0000",
  maintenanceCompany: { name: "Huolto Oy", phone: "+358 40 000 0001", email: "huolto@example.fi" },
  houseManager: { name: "Isa Isännöitsijä", phone: "+358 40 000 0002", email: "isa@example.fi" },
  texts: {
    streetAddress: { fi: "Kontulantie 5", sv: "Gårdsbackavägen 5", en: null },
    city: { fi: "Helsinki", sv: "Helsingfors", en: "Helsinki" },
    district: { fi: "Kontula", sv: "Gårdsbacka", en: "Kontula" },
    heating: { fi: "Kaukolämpö", sv: null, en: null },
    description: { fi: "Kahdeksankerroksinen kerrostalo.", sv: null, en: "An 8-storey block." },
    saunaTimes: { fi: "Ti ja to klo 17–21.", sv: null, en: null },
    laundryTimes: { fi: "Joka päivä klo 8–21.", sv: null, en: null },
    wasteSorting: { fi: "Bio, paperi, lasi.", sv: null, en: null },
  },
  missing: { fi: [], sv: ["heating", "description"], en: ["streetAddress", "heating"] },
  documents: [houseRules],
  updatedAt: "2026-11-01T10:00:00Z",
};

const field = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

beforeEach(() => setCookie("portal_csrf", "csrf-t"));
afterEach(resetConsole);

describe("property list", () => {
  it("lists properties with the texts missing per language", async () => {
    fakeApi({
      "GET /api/staff/properties": json(200, [
        {
          id: ID,
          regionId: "r1",
          code: "KON5",
          name: "Kontulan Kaari 5",
          missing: property.missing,
        },
      ]),
    });
    renderConsole("/staff/property", editor);
    const row = await screen.findByTestId(`property-row-${ID}`);
    expect(within(row).getByRole("link").getAttribute("href")).toBe(`/staff/property/${ID}`);
    expect(row.textContent).toContain("2 puuttuu");
    expect(row.textContent).toContain("Lämmitys, Kuvaus");
    expect(row.textContent).toContain("Katuosoite, Lämmitys");
  });

  it("is closed to customer service", async () => {
    fakeApi({});
    renderConsole("/staff/property", customerService);
    await waitFor(() => expect(screen.queryByTestId("property-table")).toBeNull());
  });
});

describe("property editor", () => {
  it("shows the Finnish text residents get where Swedish or English is empty", async () => {
    fakeApi({ [`GET ${PATH}`]: json(200, property) });
    renderConsole(`/staff/property/${ID}`, editor);
    expect((await screen.findByTestId("property-heading")).textContent).toBe("Kontulan Kaari 5");
    const heating = screen.getByTestId("text-heating");
    expect(within(heating).getAllByText("Näytetään suomeksi: Kaukolämpö")).toHaveLength(2);
    const address = screen.getByTestId("text-streetAddress");
    expect(field("text-streetAddress-sv").value).toBe("Gårdsbackavägen 5");
    expect(within(address).getAllByText(/Näytetään suomeksi/)).toHaveLength(1);
    // The hint is tied to the empty field, so a screen reader hears it there.
    const en = field("text-streetAddress-en");
    const hintId = en.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(hintId)?.textContent).toBe("Näytetään suomeksi: Kontulantie 5");
    // Typing a translation removes the marker.
    fireEvent.input(en, { target: { value: "Kontulantie 5" } });
    expect(within(address).queryAllByText(/Näytetään suomeksi/)).toHaveLength(0);
  });

  it("sends only what changed: a whole text field, an emptied translation as null", async () => {
    const saved = { ...property, texts: { ...property.texts } };
    const api = fakeApi({
      [`GET ${PATH}`]: json(200, property),
      [`PATCH ${PATH}`]: json(200, saved),
    });
    renderConsole(`/staff/property/${ID}`, editor);
    await screen.findByTestId("property-form");
    fireEvent.input(field("text-heating-sv"), { target: { value: "Fjärrvärme" } });
    fireEvent.input(field("text-streetAddress-sv"), { target: { value: "" } });
    fireEvent.input(field("floors"), { target: { value: "9" } });
    fireEvent.input(field("houseManager-phone"), { target: { value: "+358 40 000 0003" } });
    fireEvent.click(screen.getByRole("button", { name: "Tallenna muutokset" }));
    await waitFor(() =>
      expect(screen.getByTestId("property-message").textContent).toBe("Muutokset tallennettu."),
    );
    expect(api.calls.find((c) => c.method === "PATCH")?.body).toEqual({
      heating: { fi: "Kaukolämpö", sv: "Fjärrvärme", en: null },
      streetAddress: { fi: "Kontulantie 5", sv: null, en: null },
      floors: 9,
      houseManager: {
        name: "Isa Isännöitsijä",
        phone: "+358 40 000 0003",
        email: "isa@example.fi",
      },
    });
  });

  it("shows the server's problem and keeps what was typed", async () => {
    fakeApi({
      [`GET ${PATH}`]: json(200, property),
      [`PATCH ${PATH}`]: problem(422, "Tarkista tiedot", "Puhelinnumero ei kelpaa.", {
        errors: [{ field: "emergencyPhone", message: "Anna puhelinnumero." }],
      }),
    });
    renderConsole(`/staff/property/${ID}`, editor);
    await screen.findByTestId("property-form");
    fireEvent.input(field("emergency-phone"), { target: { value: "+358 40 abc" } });
    fireEvent.input(field("text-saunaTimes-en"), { target: { value: "Tue and Thu 5–9 pm." } });
    fireEvent.click(screen.getByRole("button", { name: "Tallenna muutokset" }));
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Tarkista tiedot");
    expect(screen.getByText("Anna puhelinnumero.")).toBeTruthy();
    expect(field("emergency-phone").value).toBe("+358 40 abc");
    expect(field("text-saunaTimes-en").value).toBe("Tue and Thu 5–9 pm.");
  });

  it("lists documents, adds a text document and deletes one", async () => {
    const api = fakeApi({
      [`GET ${PATH}`]: json(200, property),
      [`POST ${PATH}/documents`]: json(201, {
        ...houseRules,
        id: "new",
        title: { fi: "Pelastussuunnitelma" },
      }),
      [`DELETE /api/staff/property-documents/${DOC}`]: { status: 204 },
    });
    renderConsole(`/staff/property/${ID}`, editor);
    const row = await screen.findByTestId(`document-${DOC}`);
    expect(row.textContent).toContain("Järjestyssäännöt");
    expect(row.textContent).toContain("Englanti");
    fireEvent.change(screen.getByLabelText("Laji"), { target: { value: "rescue_plan" } });
    fireEvent.input(field("document-title-fi"), { target: { value: "Pelastussuunnitelma" } });
    fireEvent.input(field("document-text-fi"), { target: { value: "Poistumistiet: A ja B." } });
    fireEvent.click(screen.getByRole("button", { name: "Lisää asiakirja" }));
    await waitFor(() =>
      expect(screen.getByTestId("property-message").textContent).toContain("lisätty"),
    );
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({
      kind: "rescue_plan",
      title: { fi: "Pelastussuunnitelma", sv: null, en: null },
      text: { fi: "Poistumistiet: A ja B.", sv: null, en: null },
      sortOrder: 0,
    });
    fireEvent.click(screen.getByRole("button", { name: "Poista: Järjestyssäännöt" }));
    fireEvent.click(screen.getByRole("button", { name: "Poista pysyvästi" }));
    await waitFor(() =>
      expect(screen.getByTestId("property-message").textContent).toContain("poistettu"),
    );
    expect(api.writes()).toEqual([
      `POST ${PATH}/documents`,
      `DELETE /api/staff/property-documents/${DOC}`,
    ]);
  });

  it("uploads a PDF as the document's raw bytes with its file name", async () => {
    const api = fakeApi({
      [`GET ${PATH}`]: json(200, property),
      [`PUT /api/staff/property-documents/${DOC}/file`]: [
        problem(415, "Tiedosto ei kelpaa", "Vain PDF-tiedostot käyvät."),
        json(200, { ...houseRules, format: "pdf", fileName: "saannot.pdf" }),
      ],
    });
    renderConsole(`/staff/property/${ID}`, editor);
    const picker = await screen.findByTestId(`pdf-${DOC}`);
    const file = new File(["%PDF-1.7"], "saannot.pdf", { type: "application/pdf" });
    Object.defineProperty(picker, "files", { value: [file] });
    fireEvent.change(picker);
    fireEvent.click(screen.getByRole("button", { name: "Lataa PDF" }));
    expect((await screen.findByTestId("error-alert")).textContent).toContain("Tiedosto ei kelpaa");
    fireEvent.click(screen.getByRole("button", { name: "Lataa PDF" }));
    await waitFor(() =>
      expect(screen.getByTestId("property-message").textContent).toContain("PDF ladattu"),
    );
    const puts = api.fetch.mock.calls.filter(([, init]) => init?.method === "PUT");
    const [url, init] = puts[1] ?? [];
    expect(new URL(String(url), "http://x").searchParams.get("fileName")).toBe("saannot.pdf");
    expect(init?.body).toBe(file);
    expect((init?.headers ?? {}) as Record<string, string>).toHaveProperty(
      "X-CSRF-Token",
      "csrf-t",
    );
  });
});
