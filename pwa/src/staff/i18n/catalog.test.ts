import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../i18n/languages";
import { language } from "../../state/language";
import { staffCatalogs, staffTranslate } from "./catalog";
import { st, stf } from "./st";

const AREAS = ["shell", "tickets", "messages", "news", "property", "occupants", "office", "audit"];

/** Every leaf of a catalog as "dotted.key" → value; non-string leaves are kept to be caught. */
function flatten(node: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    out.set(prefix, node);
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

describe("staff console catalogs", () => {
  const flat = Object.fromEntries(LANGUAGES.map((lang) => [lang, flatten(staffCatalogs[lang])]));

  for (const source of LANGUAGES) {
    for (const target of LANGUAGES) {
      if (source === target) continue;
      it(`every key in ${source} is also in ${target}`, () => {
        const missing = [...(flat[source]?.keys() ?? [])].filter((k) => !flat[target]?.has(k));
        expect(missing).toEqual([]);
      });
    }
  }

  for (const lang of LANGUAGES) {
    it(`${lang} has only non-empty string messages`, () => {
      const bad = [...(flat[lang] ?? [])]
        .filter(([, value]) => typeof value !== "string" || value.trim() === "")
        .map(([key]) => key);
      expect(bad).toEqual([]);
    });

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
