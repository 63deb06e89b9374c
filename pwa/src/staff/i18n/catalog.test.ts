import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../i18n/languages";
import { language } from "../../state/language";
import { describeCatalogs } from "../../test/catalogChecks";
import { staffCatalogs, staffTranslate } from "./catalog";
import { st, stf } from "./st";

const AREAS = ["shell", "tickets", "messages", "news", "property", "occupants", "office", "audit"];

const flat = describeCatalogs("staff console catalogs", staffCatalogs);

describe("staff console areas", () => {
  for (const lang of LANGUAGES) {
    it(`${lang} has every area, each with a title`, () => {
      for (const area of AREAS) expect(flat[lang]?.get(`${area}.title`), area).toBeTruthy();
    });
  }
});

describe("st", () => {
  it("follows the UI language and fills placeholders", () => {
    language.value = "sv";
    expect(st("shell.signOut")).toBe("Logga ut");
    language.value = "en";
    expect(stf("shell.signedInAs", { name: "Kaisa" })).toBe("Signed in: Kaisa");
    language.value = "fi";
    expect(st("tickets.title")).toBe(staffTranslate("fi", "tickets.title"));
  });

  it("rejects unknown keys at compile time", () => {
    // @ts-expect-error: not a key of the Finnish console catalog
    expect(st("shell.nope")).toBe("shell.nope");
  });
});
