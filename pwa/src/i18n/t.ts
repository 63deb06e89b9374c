import { language } from "../state/language";
import { catalogsLoaded, type MessageKey, translate } from "./catalog";

/**
 * Translate `key` into the current UI language. Reading it inside a component
 * subscribes that component to language changes.
 */
export function t(key: MessageKey): string {
  catalogsLoaded.value; // re-render when the chosen language's messages arrive
  return translate(language.value, key);
}

/** Translate and fill `{name}` placeholders: tf("home.hello", { name: "Aino" }). */
export function tf(key: MessageKey, params: Record<string, string>): string {
  return t(key).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
