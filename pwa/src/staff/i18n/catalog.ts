/**
 * The staff console's messages. Finnish is the reference: its shape defines the keys, so a
 * wrong key fails `tsc`. The console is a desktop app without a download budget, so all
 * three languages are bundled (src/staff/i18n/bundles: each area's catalog under its name).
 */
import type { Language } from "../../i18n/languages";
import en from "./bundles/en";
import fi from "./bundles/fi";
import sv from "./bundles/sv";

export type StaffCatalog = typeof fi;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : T[K] extends object
      ? Leaves<T[K], `${Prefix}${K}.`>
      : never;
}[keyof T & string];

/** Dotted key of one console message, e.g. "tickets.title" or "shell.login.heading". */
export type StaffMessageKey = Leaves<StaffCatalog>;

/** sv and en are checked against fi by catalog.test.ts, not by the type checker, so that a
 * missing translation is a failing test naming the key rather than a puzzling type error. */
export const staffCatalogs: Record<Language, unknown> = { fi, sv, en };

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node !== "" ? node : undefined;
}

/** The message in `lang`, falling back to Finnish, then to the key itself. */
export function staffTranslate(lang: Language, key: StaffMessageKey): string {
  return lookup(staffCatalogs[lang], key) ?? lookup(staffCatalogs.fi, key) ?? key;
}

/** A message looked up by a key built at run time (e.g. a status code), Finnish fallback. */
export function staffTranslateDynamic(lang: Language, key: string): string | undefined {
  return lookup(staffCatalogs[lang], key) ?? lookup(staffCatalogs.fi, key);
}
