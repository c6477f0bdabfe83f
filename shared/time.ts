/**
 * Time in SOC Desk: instants are stored as UTC epoch milliseconds and shown in Japan time. Japan has
 * had no daylight saving time since 1951, so JST is always UTC+9 and plain arithmetic is exact.
 */

export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

/** Days since 1970-01-01 in Japan time: the `day` column alerts are grouped by. */
export function jstDayNumber(ms: number): number {
  return Math.floor((ms + JST_OFFSET_MS) / DAY_MS);
}

/** `YYYY-MM-DD` of a JST day number. */
export function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** JST day number of a `YYYY-MM-DD` date. */
export function isoDateToDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of an instant, in Japan time. */
export function jstIsoDate(ms: number): string {
  return dayToIsoDate(jstDayNumber(ms));
}

/** Epoch ms of 00:00 JST on a `YYYY-MM-DD` date. */
export function jstMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - JST_OFFSET_MS;
}

/** ISO-8601 instant with the +09:00 offset, e.g. `2026-11-22T10:00:00+09:00`. */
export function toJstIso(ms: number): string {
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 19) + '+09:00';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY/MM/DD` in Japan time (era-free, as the product shows dates). */
export function formatDate(msOrIsoDate: number | string): string {
  const ms = typeof msOrIsoDate === 'string' ? jstMidnight(msOrIsoDate) : msOrIsoDate;
  const d = new Date(ms + JST_OFFSET_MS);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/** `YYYY/MM/DD HH:mm` in Japan time. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms + JST_OFFSET_MS);
  return `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `MM/DD` of a JST day number, for chart axes. */
export function formatShortDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}
