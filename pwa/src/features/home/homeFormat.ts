/** Money and instants on the home screen, in the UI language (Finnish conventions). */
import { formatDate } from "../../i18n/format";
import type { Language } from "../../i18n/languages";

const LOCALES: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** 123456 cents → "1 234,56 €" (fi), "€1,234.56" (en). */
export function formatMoney(cents: number, currency: string, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: "currency", currency }).format(cents / 100);
}

/** An instant (ISO 8601) as the calendar date it is here, e.g. "2. maaliskuuta 2026". */
export function formatDay(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return formatDate(iso, lang);
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return formatDate(local, lang);
}

/** A phone number as a tel: link target: digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
