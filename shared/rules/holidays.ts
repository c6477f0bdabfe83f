/**
 * Japanese national holidays from `@holiday-jp/holiday_jp` (incl. 振替休日 and 国民の休日), never a
 * hand-typed list. We read its `holidays` map keyed `YYYY-MM-DD` rather than `isHoliday(Date)`,
 * which formats a Date in the machine's local zone.
 *
 * The package is CommonJS (`module.exports = holiday_jp`). A default import is what Vite's
 * dependency pre-bundling, esbuild and Node's own ESM loader all map to `module.exports`; named
 * imports would not survive Node's CJS export detection.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import type { IsoDate } from './dates';

const HOLIDAYS: Readonly<Record<string, unknown>> = holidayJp.holidays;
const HOLIDAY_DATES = Object.keys(HOLIDAYS).sort();

/** First and last dates the holiday data knows (1970-01-01 … 2050-11-23 in v2.5.1). */
export const HOLIDAY_DATA_RANGE = {
  first: HOLIDAY_DATES[0] ?? '',
  last: HOLIDAY_DATES[HOLIDAY_DATES.length - 1] ?? '',
} as const;

/**
 * Whether `date` is a national holiday. Dates outside {@link HOLIDAY_DATA_RANGE} have no known
 * holidays; the business calendar then only knows weekends and the year-end closure.
 */
export function isNationalHoliday(date: IsoDate): boolean {
  return Object.hasOwn(HOLIDAYS, date);
}
