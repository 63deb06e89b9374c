import { language } from "../../state/language";
import { type StaffMessageKey, staffTranslate, staffTranslateDynamic } from "./catalog";

/** Translate a console message into the current language; re-renders on a language switch. */
export function st(key: StaffMessageKey): string {
  return staffTranslate(language.value, key);
}

/** Translate and fill `{name}` placeholders: stf("shell.signedInAs", { name: "Kaisa" }). */
export function stf(key: StaffMessageKey, params: Record<string, string>): string {
  return st(key).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** A message whose key is built from data (a role, a status), or `fallback` when unknown:
 * stOr(`shell.roles.${role}`, role). */
export function stOr(key: string, fallback: string): string {
  return staffTranslateDynamic(language.value, key) ?? fallback;
}
