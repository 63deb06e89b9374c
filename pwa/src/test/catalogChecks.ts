/** Test helper: the checks every message catalog set passes (resident app and console). */
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../i18n/languages";

/** Every leaf of a catalog as "dotted.key" → value; non-string leaves are kept to be caught. */
export function flatten(node: unknown, prefix = ""): Map<string, unknown> {
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

/** Each language has every key of the others, and only non-empty string messages. */
export function describeCatalogs(
  name: string,
  catalogs: Partial<Record<(typeof LANGUAGES)[number], unknown>>,
): Record<string, Map<string, unknown>> {
  const flat = Object.fromEntries(LANGUAGES.map((lang) => [lang, flatten(catalogs[lang])]));
  describe(name, () => {
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
  return flat;
}
