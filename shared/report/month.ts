/**
 * The period of a monthly report: a JST calendar month (the same month the SLA ledger uses,
 * 000 別紙1 1(1) "月間"), as dates, instants and the JST day numbers alerts are grouped by.
 */
import { addMonths, daysInMonth, jstAt, jstDateOf } from '../rules';
import { isoDateToDay } from '../time';

export const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthRange {
  month: string;
  /** First and last JST dates of the month. */
  from: string;
  to: string;
  /** 00:00 JST on the first day, and on the first day of the next month (exclusive). */
  startMs: number;
  endMs: number;
  /** JST day numbers of the first and last day (shared/time.ts). */
  firstDay: number;
  lastDay: number;
  days: number;
}

export function monthRange(month: string): MonthRange {
  const m = YEAR_MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const days = daysInMonth(Number(m[1]), Number(m[2]));
  const from = `${month}-01`;
  const to = `${month}-${String(days).padStart(2, '0')}`;
  const next = addMonths(from, 1);
  const firstDay = isoDateToDay(from);
  return {
    month,
    from,
    to,
    startMs: jstAt(from),
    endMs: jstAt(next),
    firstDay,
    lastDay: firstDay + days - 1,
    days,
  };
}

/** The month `n` months after `month` (negative: before). */
export function shiftMonth(month: string, n: number): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/** The JST month of an instant. */
export function monthOf(ms: number): string {
  return jstDateOf(ms).slice(0, 7);
}

/** The `count` months up to and including the current one, newest first (the month picker). */
export function selectableMonths(now: number, count: number): string[] {
  const current = monthOf(now);
  return Array.from({ length: count }, (_, i) => shiftMonth(current, -i));
}
