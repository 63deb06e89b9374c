import { signal } from "@preact/signals";
import fi from "./bundles/fi";
import type { Language } from "./languages";

/** Finnish is the reference catalog: its shape defines the message keys. It is always in
 * the app (the fallback); Swedish and English load when they are chosen, so each resident
 * downloads one language (src/i18n/bundles: the shared catalog plus each feature's own). */
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

/** The catalogs loaded so far. */
export const catalogs: Partial<Record<Language, Catalog>> = { fi };
/** Bumped when a catalog arrives: reading it makes a component show the new language. */
export const catalogsLoaded = signal(1);

const loaders: Record<Exclude<Language, "fi">, () => Promise<{ default: Catalog }>> = {
  sv: () => import("./bundles/sv"),
  en: () => import("./bundles/en"),
};

/** Load a language's messages (from the service worker's cache when offline). */
export async function loadCatalog(lang: Language): Promise<void> {
  if (catalogs[lang]) return;
  const loaded = await loaders[lang as Exclude<Language, "fi">]();
  catalogs[lang] = loaded.default;
  catalogsLoaded.value += 1;
}

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
