import en from "./en.json";
import fi from "./fi.json";
import type { Language } from "./languages";
import sv from "./sv.json";

/** Finnish is the reference catalog: its shape defines the message keys. */
export type Catalog = typeof fi;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : T[K] extends object
      ? Leaves<T[K], `${Prefix}${K}.`>
      : never;
}[keyof T & string];

/** Dotted key of one message, e.g. "shell.greeting". */
export type MessageKey = Leaves<Catalog>;

export const catalogs: Readonly<Record<Language, Catalog>> = { fi, sv, en };

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node !== "" ? node : undefined;
}

/** The message in `lang`, falling back to Finnish, then to the key itself. */
export function translate(lang: Language, key: MessageKey): string {
  return lookup(catalogs[lang], key) ?? lookup(catalogs.fi, key) ?? key;
}
