import { describe, expect, it } from "vitest";
import { catalogs, translate } from "./catalog";
import { LANGUAGES } from "./languages";
import { t } from "./t";

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

describe("message catalogs", () => {
  const flat = Object.fromEntries(LANGUAGES.map((lang) => [lang, flatten(catalogs[lang])]));

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
      expect(flat[lang]?.size).toBeGreaterThan(0);
    });
  }
});

describe("translate", () => {
  it("uses the portal's name in each language", () => {
    expect(translate("fi", "app.name")).toBe("Asukasportaali");
    expect(translate("sv", "app.name")).toBe("Invånarportalen");
    expect(translate("en", "app.name")).toBe("Resident Portal");
  });

  it("rejects unknown keys at compile time", () => {
    // @ts-expect-error: not a key of the Finnish catalog
    expect(t("shell.nope")).toBe("shell.nope");
  });
});
