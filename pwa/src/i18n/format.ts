import type { Language } from "./languages";

/** The Intl locale for each UI language: Finnish conventions for all three. */
const LOCALES: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** "2026-09-01" → "1.9.2026" (fi), read as a calendar date, never shifted by time zone. */
export function formatDate(isoDate: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long" }).format(date);
}

/** An instant (ISO 8601) as local date and time. */
export function formatDateTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}

/** An instant (ISO 8601) as the calendar date it is here, e.g. "2. maaliskuuta 2026". */
export function formatDay(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return formatDate(iso, lang);
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return formatDate(local, lang);
}

/** 123456 cents → "1 234,56 €" (fi), "€1,234.56" (en). */
export function formatMoney(cents: number, currency: string, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: "currency", currency }).format(cents / 100);
}
