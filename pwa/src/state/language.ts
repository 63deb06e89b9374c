import { effect, signal } from "@preact/signals";
import { catalogsLoaded, loadCatalog, translate } from "../i18n/catalog";
import { DEFAULT_LANGUAGE, detectLanguage, isLanguage, type Language } from "../i18n/languages";
import { screenTitle } from "./screen";

export const LANGUAGE_STORAGE_KEY = "resident-portal.language";

/** The current UI language. */
export const language = signal<Language>(DEFAULT_LANGUAGE);

type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

/** localStorage, or undefined where the browser denies it (privacy modes, blocked storage). */
export function browserStorage(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The saved choice if there is a valid one, else the browser's preference. */
export function initialLanguage(
  storage: KeyValueStore | undefined,
  preferred: readonly string[],
): Language {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return isLanguage(stored) ? stored : detectLanguage(preferred);
}

/** Pick the starting language from storage and `navigator.languages`. */
export function initLanguage(storage = browserStorage(), nav: Navigator = navigator): void {
  const preferred = nav.languages?.length ? nav.languages : [nav.language];
  language.value = initialLanguage(storage, preferred);
}

/** Switch the UI language and remember the choice. */
export function setLanguage(next: Language, storage = browserStorage()): void {
  language.value = next;
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, next);
  } catch {
    // Storage full or denied: the choice still holds for this visit.
  }
}

/** Whatever sets the language (a choice, the profile, the browser), its messages load. */
export function loadChosenCatalogs(): () => void {
  return effect(() => {
    void loadCatalog(language.value).catch(() => undefined); // offline and not cached: Finnish
  });
}

interface LanguageTarget {
  documentElement: { lang: string };
  title: string;
}

/** Keep `<html lang>` and the document title ("Screen – Portal") in step with the UI language. */
export function bindDocumentLanguage(doc: LanguageTarget): () => void {
  return effect(() => {
    const lang = language.value;
    catalogsLoaded.value; // the title again once the language's messages arrive
    const app = translate(lang, "app.name");
    const screen = screenTitle.value;
    doc.documentElement.lang = lang;
    doc.title = screen ? `${translate(lang, screen)} – ${app}` : app;
  });
}
