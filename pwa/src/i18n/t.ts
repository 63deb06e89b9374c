import { language } from "../state/language";
import { type MessageKey, translate } from "./catalog";

/**
 * Translate `key` into the current UI language. Reading it inside a component
 * subscribes that component to language changes.
 */
export function t(key: MessageKey): string {
  return translate(language.value, key);
}
