/**
 * Calendar-date and instant helpers for the rules engine (issue #3 conventions). Dates are
 * `YYYY-MM-DD` strings in Japan time; instants are ISO-8601 strings with an offset. Japan has no
 * daylight saving time, so JST is always UTC+9 and everything here is integer arithmetic on UTC
 * epoch values: no time-zone library, and the machine's local zone never leaks in.
 *
 * Every function is pure and throws a RangeError on malformed input instead of guessing.
 */

/** A calendar date in Japan time, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An ISO-8601 instant with an explicit offset, e.g. `2026-09-18T16:59:00+09:00`. */
export type Instant = string;
/** A calendar month, `YYYY-MM`. */
export type YearMonth = string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** JST = UTC+9 all year (no DST since 1951). */
export const JST_OFFSET_MS = 9 * HOUR_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
// An offset is required: an instant without one would be read in the machine's local zone.
const INSTANT_RE =
  /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export interface YearMonthDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/** Parses and validates `YYYY-MM-DD` (rejects 2026-02-30 and the like). */
export function parseDate(date: IsoDate): YearMonthDay {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${String(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such date: ${date}`);
  }
  return { year, month, day };
}

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Inverse of {@link dayNumber}. */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`not a day number: ${n}`);
  const d = new Date(n * DAY_MS);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Weekday of a date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** `date` + `days` calendar days ("N days after D", e.g. 11/10 + 30 = 12/10). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The same day-of-month `months` months away, clamped to that month's last day
 * (2027-03-31 − 1 month = 2027-02-28). Negative `months` go back.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Last day of a period of `months` months whose first day (起算日) is `start`, by 民法第143条:
 * the day before the day corresponding to `start` in the last month, or that month's last day
 * when it has no such day. 6 months from 2026-05-01 end 2026-10-31; from 2026-08-31 they end
 * 2027-02-28; 12 months from 2024-02-29 end 2025-02-28.
 */
export function periodEnd(start: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`a period needs a whole number of months ≥ 1: ${months}`);
  }
  const { year, month, day } = parseDate(start);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = daysInMonth(y, m);
  return day <= last ? addDays(toIsoDate(y, m, day), -1) : toIsoDate(y, m, last);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** The later of two dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Months since year 0, so that two dates' difference counts calendar-month boundaries. */
export function monthIndex(date: IsoDate): number {
  const { year, month } = parseDate(date);
  return year * 12 + (month - 1);
}

/** The 1st of the month after the one containing `date`. */
export function firstOfNextMonth(date: IsoDate): IsoDate {
  const { year, month } = parseDate(date);
  return month === 12 ? toIsoDate(year + 1, 1, 1) : toIsoDate(year, month + 1, 1);
}

/** Parses and validates `YYYY-MM`. */
export function parseYearMonth(value: YearMonth): { year: number; month: number } {
  const m = typeof value === 'string' ? MONTH_RE.exec(value) : null;
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new RangeError(`not a YYYY-MM month: ${String(value)}`);
  return { year, month };
}

/** Epoch milliseconds of an ISO-8601 instant; the offset is mandatory. */
export function parseInstant(instant: Instant): number {
  const m = typeof instant === 'string' ? INSTANT_RE.exec(instant) : null;
  const ms = m ? Date.parse(instant) : NaN;
  if (!m || Number.isNaN(ms)) {
    throw new RangeError(`not an ISO-8601 instant with offset: ${String(instant)}`);
  }
  parseDate(m[1] ?? ''); // Date.parse quietly rolls 02-30 over; refuse it instead.
  return ms;
}

/** The Japan calendar date of an epoch-ms instant. */
export function jstDateOf(ms: number): IsoDate {
  return fromDayNumber(Math.floor((ms + JST_OFFSET_MS) / DAY_MS));
}

/** Milliseconds since 00:00 JST of the instant's Japan date. */
export function jstMsOfDay(ms: number): number {
  return (((ms + JST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** Epoch ms of `minutes` past 00:00 JST on `date`. */
export function jstAt(date: IsoDate, minutes = 0): number {
  return dayNumber(date) * DAY_MS - JST_OFFSET_MS + minutes * MINUTE_MS;
}

/** ISO-8601 string of an instant in Japan time, e.g. `2026-09-24T17:00:00+09:00`. */
export function toJstInstant(ms: number): Instant {
  const d = new Date(ms + JST_OFFSET_MS);
  const date = toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${date}T${time}+09:00`;
}
