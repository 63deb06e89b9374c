/** The console's language: the same signal as the resident app's (the API client sends it
 * as Accept-Language), its own remembered choice. */
import { effect, signal } from "@preact/signals";
import { detectLanguage, isLanguage, type Language } from "../../i18n/languages";
import { browserStorage, language } from "../../state/language";
import type { StaffMessageKey } from "./catalog";
import { staffTranslate } from "./catalog";

export const STAFF_LANGUAGE_KEY = "resident-portal.staff-language";

/** The message key of the current console screen's title; the document title follows it. */
export const staffScreenTitle = signal<StaffMessageKey | null>(null);

/** The remembered choice, else the browser's preference (sv-FI → sv), else Finnish. */
export function initStaffLanguage(nav: Pick<Navigator, "languages" | "language"> = navigator) {
  let stored: string | null = null;
  try {
    stored = browserStorage()?.getItem(STAFF_LANGUAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  const preferred = nav.languages?.length ? nav.languages : [nav.language];
  language.value = isLanguage(stored) ? stored : detectLanguage(preferred);
}

/** Switch the console's language and remember it on this browser. */
export function setStaffLanguage(next: Language): void {
  language.value = next;
  try {
    browserStorage()?.setItem(STAFF_LANGUAGE_KEY, next);
  } catch {
    // Storage denied: the choice holds for this visit.
  }
}

/** `<html lang>` and "Screen – console" as the document title, in step with the language. */
export function bindStaffDocument(doc: { documentElement: { lang: string }; title: string }) {
  return effect(() => {
    const lang = language.value;
    const app = staffTranslate(lang, "shell.appName");
    const screen = staffScreenTitle.value;
    doc.documentElement.lang = lang;
    doc.title = screen ? `${staffTranslate(lang, screen)} – ${app}` : app;
  });
}
