/** Times in the browser's own zone (Europe/Helsinki for the staff): a datetime-local value
 * shown and typed, an ISO 8601 instant with its offset sent. */

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-01T08:00:00Z" → "2026-12-01T10:00" (in Helsinki); "" for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-12-01T10:00" → "2026-12-01T10:00:00+02:00" (the offset of that local moment); null
 * for an empty or unreadable value. */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${value}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
