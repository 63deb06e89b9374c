// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Home } from "../../api/types";
import type { PropertyRow } from "../../offline/views";
import { chosenLeaseId } from "../../state/activeHome";
import { language } from "../../state/language";
import { syncClient, syncUnavailable } from "../../state/sync";
import {
  closeTestClients,
  fixtureHome,
  secondHome as home2,
  FIXTURE_LEASE as LEASE,
  SECOND_LEASE as LEASE_2,
  fixtureResident as principal,
} from "../../test/offlineResident";
import { resetApp } from "../../test/reset";
import { FIXTURE_PROPERTY, fakeServer, openClient, put } from "../news/newsTestkit";
import { PropertyScreen } from "./PropertyScreen";

const DOC_PDF = "00000000-0000-4000-8000-0000000000e1";
const DOC_TEXT = "00000000-0000-4000-8000-0000000000e2";

const documents = [
  {
    id: DOC_PDF,
    kind: "rescue_plan",
    title: "Pelastussuunnitelma 2026",
    format: "pdf",
    text: null,
    fileUrl: `/api/homes/${LEASE}/property/documents/${DOC_PDF}/file`,
    updatedAt: "2026-02-01T08:00:00Z",
    fellBack: [],
  },
  {
    id: DOC_TEXT,
    kind: "house_rules",
    title: "Järjestyssäännöt",
    format: "text",
    text: "Hiljaisuus klo 22–7.\n\nTupakointi on kielletty <b>kaikkialla</b>.",
    fileUrl: null,
    updatedAt: "2026-02-01T08:00:00Z",
    fellBack: [],
  },
];

/** The fixture's building with its documents, and a second one for `LEASE_2`. */
const buildings = (changes: Partial<PropertyRow> = {}) => [
  put(`property/${LEASE}`, {
    ...FIXTURE_PROPERTY,
    yearBuilt: 1968,
    floors: 5,
    documents,
    ...changes,
  }),
  put(`property/${LEASE_2}`, {
    ...FIXTURE_PROPERTY,
    leaseId: LEASE_2,
    name: "Vuosaaren Ranta",
    streetAddress: "Vuosaarentie 3",
    emergencyPhone: "+358 40 000 0999",
  }),
];

afterEach(() => {
  closeTestClients();
  chosenLeaseId.value = null;
  syncUnavailable.value = false;
  resetApp();
});

const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();

/** A fact's term and value. */
const fact = (testid: string) =>
  ["dt", "dd"].map((tag) => text(screen.getByTestId(testid).querySelector(tag) as Element));

describe("property information", () => {
  it("name and address, then the 24/7 number first as a call link, then contacts and the rest", async () => {
    await openClient(fakeServer({ extra: buildings() }));
    render(<PropertyScreen principal={principal()} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Talon tiedot");

    const call = await screen.findByTestId("property-emergency-call");
    expect(call.getAttribute("href")).toBe("tel:+358400000000");
    expect(call.textContent).toBe("Soita päivystysnumeroon +358 40 000 0000");
    const lines = screen.getByTestId("property-address").querySelectorAll(":scope > span");
    expect([...lines].map(text)).toEqual([
      "Kontulankaari 5",
      "Kontulankaari 5, 00100 Helsinki",
      "Kallio",
    ]);
    // The emergency number is the first thing after the address, before every other section.
    const h2s = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(h2s).toEqual([
      "Kiireellinen vika",
      "Yhteystiedot",
      "Asuminen talossa",
      "Rakennus",
      "Asiakirjat",
    ]);

    const maintenance = screen.getByTestId("property-maintenance");
    expect(text(maintenance)).toContain("Huoltoyhtiö");
    expect(text(maintenance)).toContain("Huolto Oy");
    expect(screen.getByTestId("property-maintenance-phone").getAttribute("href")).toBe(
      "tel:+358400000001",
    );
    expect(screen.getByTestId("property-maintenance-email").getAttribute("href")).toBe(
      "mailto:huolto@example.fi",
    );
    const manager = screen.getByTestId("property-manager");
    expect(text(manager)).toContain("Isännöitsijä");
    expect(screen.getByTestId("property-manager-phone").getAttribute("href")).toBe(
      "tel:+358400000002",
    );
    expect(screen.getByTestId("property-manager-email").getAttribute("href")).toBe(
      "mailto:isannoitsija@example.fi",
    );

    expect(fact("property-saunaTimes")).toEqual(["Saunavuorot", "La 16–20"]);
    expect(text(screen.getByTestId("property-laundryTimes"))).toContain("Ma–Pe 8–21");
    expect(text(screen.getByTestId("property-wasteSorting"))).toContain("Lajittele.");
    expect(text(screen.getByTestId("property-heating"))).toContain("Kaukolämpö");
    expect(text(screen.getByTestId("property-yearBuilt"))).toContain("1968");
    expect(text(screen.getByTestId("property-floors"))).toContain("5");
    expect(text(screen.getByTestId("property-description"))).toContain("Testitalo.");
    expect(screen.queryByTestId("property-fell-back-note")).toBeNull();
    expect(screen.queryByTestId("property-home")).toBeNull();
  });

  it("documents: a PDF opens from the server's file route, a text reads as plain paragraphs", async () => {
    await openClient(fakeServer({ extra: buildings() }));
    render(<PropertyScreen principal={principal()} />);
    const list = await screen.findByTestId("property-documents");
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    const pdf = screen.getByTestId(`property-document-file-${DOC_PDF}`);
    expect(pdf.getAttribute("href")).toBe(`/api/homes/${LEASE}/property/documents/${DOC_PDF}/file`);
    expect(pdf.textContent).toBe("Avaa PDF-tiedosto: Pelastussuunnitelma 2026");
    expect(text(screen.getByTestId(`property-document-${DOC_PDF}`))).toContain(
      "Pelastussuunnitelma",
    );
    const rules = screen.getByTestId(`property-document-${DOC_TEXT}`);
    expect(within(rules).getByRole("heading", { level: 3 }).textContent).toBe("Järjestyssäännöt");
    const paragraphs = rules.querySelectorAll("details p");
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]?.textContent).toBe("Tupakointi on kielletty <b>kaikkialla</b>.");
    expect(rules.querySelector("b")).toBeNull();
  });

  it("no documents says so", async () => {
    await openClient(fakeServer());
    render(<PropertyScreen principal={principal()} />);
    expect((await screen.findByTestId("property-no-documents")).textContent).toBe(
      "Ei asiakirjoja.",
    );
  });

  it("marks the fields shown in Finnish because the resident's language was missing", async () => {
    const fellBack = { fellBack: ["streetAddress", "heating", "wasteSorting"], language: "en" };
    const docs = [{ ...documents[1], fellBack: ["title", "text"] }];
    await openClient(fakeServer({ extra: buildings({ ...fellBack, documents: docs }) }));
    language.value = "en";
    render(<PropertyScreen principal={principal()} />);
    expect((await screen.findByTestId("property-fell-back-note")).textContent).toContain(
      "shown in Finnish",
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Property information");
    expect(screen.getByTestId("property-fell-back-heating").textContent).toBe(" (in Finnish)");
    expect(fact("property-heating")).toEqual(["Heating", "Kaukolämpö (in Finnish)"]);
    expect(screen.getByTestId("property-fell-back-wasteSorting")).toBeTruthy();
    expect(screen.getByTestId("property-fell-back-streetAddress")).toBeTruthy();
    expect(screen.getByText("Kaukolämpö").getAttribute("lang")).toBe("fi");
    expect(screen.queryByTestId("property-fell-back-saunaTimes")).toBeNull();
    expect(screen.getByText("La 16–20").getAttribute("lang")).toBeNull();
    const doc = screen.getByTestId(`property-document-${DOC_TEXT}`);
    expect(within(doc).getAllByTestId("property-fell-back-title")).toHaveLength(1);
    expect(within(doc).getAllByTestId("property-fell-back-text")).toHaveLength(1);
  });

  it("a home whose lease has not started can read its property information", async () => {
    await openClient(fakeServer({ extra: buildings() }));
    const future: Home = { ...fixtureHome, access: "before_start", startsOn: "2026-09-01" };
    render(<PropertyScreen principal={principal([future])} />);
    const call = await screen.findByTestId("property-emergency-call");
    expect(call.getAttribute("href")).toBe("tel:+358400000000");
    expect(text(screen.getByTestId("property-before-start"))).toContain("1. syyskuuta 2026");
    expect(screen.getByTestId("property-maintenance")).toBeTruthy();
    expect(screen.getByTestId("property-documents")).toBeTruthy();
  });

  it("with two homes: a choice of home, remembered; the property follows it", async () => {
    await openClient(fakeServer({ extra: buildings() }));
    render(<PropertyScreen principal={principal([fixtureHome, home2])} />);
    const choice = screen.getByLabelText("Näytä asunto") as HTMLSelectElement;
    expect(choice.value).toBe(LEASE);
    expect((await screen.findByTestId("property-emergency-call")).getAttribute("href")).toBe(
      "tel:+358400000000",
    );

    fireEvent.change(choice, { target: { value: LEASE_2 } });
    await waitFor(() =>
      expect(screen.getByTestId("property-emergency-call").getAttribute("href")).toBe(
        "tel:+358400000999",
      ),
    );
    expect(chosenLeaseId.value).toBe(LEASE_2);
    expect(localStorage.getItem("resident-portal.active-home")).toBe(LEASE_2);
    expect(text(screen.getByTestId("property-address"))).toContain("Vuosaaren Ranta");
  });

  it("waits politely before the offline data is open, and says when there is nothing", async () => {
    syncClient.value = null;
    const view = render(<PropertyScreen principal={principal()} />);
    expect(screen.getByRole("status").textContent).toBe("Ladataan talon tietoja…");
    view.unmount();
    await openClient(fakeServer());
    render(<PropertyScreen principal={principal([home2])} />);
    expect((await screen.findByTestId("property-missing")).textContent).toBe(
      "Talon tietoja ei ole juuri nyt saatavilla.",
    );
  });

  it("speaks Swedish", async () => {
    await openClient(fakeServer({ extra: buildings() }));
    language.value = "sv";
    render(<PropertyScreen principal={principal()} />);
    expect((await screen.findByTestId("property-emergency-call")).textContent).toBe(
      "Ring jourtelefonen +358 40 000 0000",
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Husets uppgifter");
    expect(text(screen.getByTestId("property-manager"))).toContain("Disponent");
  });
});
