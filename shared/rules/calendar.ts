/**
 * The business calendar of the inquiry desk (002 別紙3 2(1), (4)①): reception on weekdays
 * 9:00–17:00 JST; closed on Saturdays, Sundays, national holidays (祝日) and 12/28–1/4; first answer
 * by the next business day (a best-effort target). The partner's first-line window keeps the same
 * hours (002 第5条1 "平日の9:00～17:00").
 */
import {
  MINUTE_MS,
  addDays,
  dayNumber,
  fromDayNumber,
  jstAt,
  jstDateOf,
  jstMsOfDay,
  parseDate,
  parseInstant,
  toJstInstant,
  weekday,
  type Instant,
  type IsoDate,
} from './dates';
import { isNationalHoliday } from './holidays';

/** Reception opens at 9:00 JST (minutes after midnight). 002 別紙3 2(1) */
export const RECEPTION_OPEN_MINUTE = 9 * 60;
/** Reception closes at 17:00 JST (minutes after midnight). 002 別紙3 2(1) */
export const RECEPTION_CLOSE_MINUTE = 17 * 60;

/** Year-end closure 12/28–1/4, both ends included. 002 別紙3 2(1) "年末年始 12/28-1/4" */
export function isYearEndClosure(date: IsoDate): boolean {
  const { month, day } = parseDate(date);
  return (month === 12 && day >= 28) || (month === 1 && day <= 4);
}

/** Why the desk is closed on a date (i18n key `rules:calendar.closed.<reason>`). */
export type ClosedReason = 'weekend' | 'holiday' | 'year-end';

/**
 * Why the desk is closed on `date`, or null on a business day. Year-end closure wins over a
 * holiday (1/1) and a weekend, then holiday over weekend. 002 別紙3 2(1)
 */
export function closedReason({ date }: { date: IsoDate }): ClosedReason | null {
  if (isYearEndClosure(date)) return 'year-end';
  if (isNationalHoliday(date)) return 'holiday';
  const wd = weekday(date);
  return wd === 0 || wd === 6 ? 'weekend' : null;
}

/**
 * Whether the desk takes inquiries on `date`: not Saturday or Sunday, not a national holiday
 * (substitute and "sandwiched" holidays included), not 12/28–1/4. 002 別紙3 2(1)
 */
export function isBusinessDay({ date }: { date: IsoDate }): boolean {
  return closedReason({ date }) === null;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay({ date }: { date: IsoDate }): IsoDate {
  let d = addDays(date, 1);
  // The longest closed run is the year-end closure plus weekends and holidays (≈ 10 days).
  while (!isBusinessDay({ date: d })) d = addDays(d, 1);
  return d;
}

/**
 * The day an inquiry counts as received (002 別紙3 2(1)): the same day if it arrives on a
 * business day before 17:00 JST (before 9:00 counts as that day's opening), otherwise the next
 * business day. 17:00:00 itself is after closing.
 */
export function receptionDay({ receivedAt }: { receivedAt: Instant }): IsoDate {
  const ms = parseInstant(receivedAt);
  const date = jstDateOf(ms);
  if (isBusinessDay({ date }) && jstMsOfDay(ms) < RECEPTION_CLOSE_MINUTE * MINUTE_MS) return date;
  return nextBusinessDay({ date });
}

/**
 * Deadline of the first answer (002 別紙3 2(4)① "翌営業日への一次回答"): 17:00 JST, the close of
 * reception, on the first business day after the reception day. Returned as `…T17:00:00+09:00`.
 */
export function firstAnswerDue({ receivedAt }: { receivedAt: Instant }): Instant {
  const due = nextBusinessDay({ date: receptionDay({ receivedAt }) });
  return toJstInstant(jstAt(due, RECEPTION_CLOSE_MINUTE));
}

/**
 * Time between two instants that falls inside reception hours (9:00–17:00 JST on business days),
 * in minutes, for SLA clocks. Not rounded: whole-minute inputs give whole minutes, seconds give a
 * fraction. `to` at or before `from` gives 0.
 */
export function businessMinutesBetween({ from, to }: { from: Instant; to: Instant }): number {
  const start = parseInstant(from);
  const end = parseInstant(to);
  if (end <= start) return 0;
  let total = 0;
  const lastDay = dayNumber(jstDateOf(end));
  for (let n = dayNumber(jstDateOf(start)); n <= lastDay; n++) {
    const date = fromDayNumber(n);
    if (!isBusinessDay({ date })) continue;
    const open = Math.max(start, jstAt(date, RECEPTION_OPEN_MINUTE));
    const close = Math.min(end, jstAt(date, RECEPTION_CLOSE_MINUTE));
    if (close > open) total += close - open;
  }
  return total / MINUTE_MS;
}

/** Reception minutes of one business day (480). */
export const RECEPTION_MINUTES_PER_DAY = RECEPTION_CLOSE_MINUTE - RECEPTION_OPEN_MINUTE;
