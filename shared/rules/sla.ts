/**
 * Service levels and credits: C-SOC's quality guarantee (000 第11条, 別紙1) and fee reductions
 * (000 第15条, 別紙4), and DDoS's fee reduction for unavailability (004 第14条, 別紙3).
 * Amounts are integer yen, rounded down once at the end.
 */
import {
  MINUTE_MS,
  addMonths,
  jstAt,
  parseInstant,
  parseYearMonth,
  toIsoDate,
  type Instant,
  type IsoDate,
  type YearMonth,
} from './dates';

/** Important incidents are notified within 15 minutes of detection. 000 別紙1 2(1) */
export const NOTIFICATION_SLA_MINUTES = 15;
/** Platform availability of at least 99.9 %, as a fraction. 000 別紙1 1(1) */
export const AVAILABILITY_TARGET = 0.999;
/** A fee reduction needs 24 consecutive hours of unavailability. 000 第15条1, 004 第14条 */
export const UNAVAILABILITY_THRESHOLD_HOURS = 24;
/** Unavailability claims lapse 3 months after they could first be made. 000 第15条1, 004 第14条 */
export const UNAVAILABILITY_CLAIM_MONTHS = 3;
/** Guarantee-breach claims lapse after the 15th of the following month. 000 第15条2 */
export const GUARANTEE_CLAIM_DAY = 15;

/**
 * Whether an important incident was notified within 15 minutes of its detection
 * (000 別紙1 2(1) "検知してから15分以内"): exactly 15:00 is within, 15:00.001 is not. A
 * notification stamped before the detection (clock skew) counts as within.
 */
export function notifiedWithinSla({
  detectedAt,
  notifiedAt,
}: {
  detectedAt: Instant;
  notifiedAt: Instant;
}): boolean {
  return (
    parseInstant(notifiedAt) - parseInstant(detectedAt) <= NOTIFICATION_SLA_MINUTES * MINUTE_MS
  );
}

export interface Outage {
  start: Instant;
  end: Instant;
}

/** Start and end (exclusive) of a calendar month in Japan time, as epoch ms. */
function monthWindow(month: YearMonth): [number, number] {
  const { year, month: m } = parseYearMonth(month);
  const first = toIsoDate(year, m, 1);
  return [jstAt(first), jstAt(addMonths(first, 1))];
}

/** Outage milliseconds inside [from, to): clipped, overlaps merged, empty spans ignored. */
function outageMs(from: number, to: number, outages: readonly Outage[]): number {
  const spans = outages
    .map((o) => [Math.max(parseInstant(o.start), from), Math.min(parseInstant(o.end), to)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = 0;
  let curEnd = -Infinity;
  for (const [s, e] of spans) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) {
      curEnd = e;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/**
 * Minutes of outage inside `month` (JST): each outage clipped to the month, overlaps merged so no
 * minute counts twice; outages ending at or before their start are ignored.
 */
export function outageMinutesInMonth({
  month,
  outages,
}: {
  month: YearMonth;
  outages: readonly Outage[];
}): number {
  const [from, to] = monthWindow(month);
  return outageMs(from, to, outages) / MINUTE_MS;
}

/**
 * Availability of `month` as a fraction: 1 − outage minutes / minutes of the month. The terms
 * leave the method to IIJ ("当社の定める算定方法による", 000 別紙1 1(1)); SOC Desk uses every
 * minute of the calendar month in Japan time (30 days = 43,200 minutes).
 */
export function monthlyAvailability({
  month,
  outages,
}: {
  month: YearMonth;
  outages: readonly Outage[];
}): number {
  const [from, to] = monthWindow(month);
  return 1 - outageMs(from, to, outages) / (to - from);
}

/**
 * Whether the month's availability fell below 99.9 % (000 別紙1 1(1) "99.9%以上"): exactly
 * 99.9 % still holds (43.2 minutes in a 30-day month). Compared in exact integers:
 * outage × 1000 > month length.
 */
export function availabilityBreached({
  month,
  outages,
}: {
  month: YearMonth;
  outages: readonly Outage[];
}): boolean {
  const [from, to] = monthWindow(month);
  return outageMs(from, to, outages) * 1000 > to - from;
}

function checkFee(monthlyFee: number): void {
  if (!Number.isFinite(monthlyFee) || monthlyFee < 0) {
    throw new RangeError(`monthlyFee must be ≥ 0: ${monthlyFee}`);
  }
}

/** Whole days of credit of one outage: floor(hours / 24), 0 below 24 h. */
function creditDays(outageHours: number): number {
  if (!Number.isFinite(outageHours) || outageHours < 0) {
    throw new RangeError(`outage hours must be ≥ 0: ${outageHours}`);
  }
  return Math.floor(outageHours / UNAVAILABILITY_THRESHOLD_HOURS);
}

/**
 * Fee reduction for one continuous outage of `outageHours` (counted from when the vendor learned
 * of it): 0 below 24 h, else floor(hours / 24) × monthly fee / 30, rounded down once
 * (000 第15条1, 別紙4 1; 004 第14条, 別紙3).
 */
export function unavailabilityCredit({
  monthlyFee,
  outageHours,
}: {
  monthlyFee: number;
  outageHours: number;
}): number {
  checkFee(monthlyFee);
  return Math.floor((creditDays(outageHours) * monthlyFee) / 30);
}

/**
 * A month's total reduction: the sum of each outage's unavailability credit, plus monthly fee / 10
 * when the quality guarantee was breached (000 第15条2, 別紙4 2), capped at the monthly fee
 * (第15条2) and rounded down once. Each outage is judged on its own against the 24 h threshold.
 * Choice: the cap also applies to several outages without a breach, so a credit never exceeds the
 * fee. (DDoS has no guarantee: pass `guaranteeBreached: false`.)
 */
export function monthlyCredit({
  monthlyFee,
  outagesHours,
  guaranteeBreached,
}: {
  monthlyFee: number;
  outagesHours: readonly number[];
  guaranteeBreached: boolean;
}): number {
  checkFee(monthlyFee);
  const days = outagesHours.reduce((sum, h) => sum + creditDays(h), 0);
  // Everything in thirtieths of the fee: days × fee/30 + 3 × fee/30 (= fee/10), cap 30 × fee/30.
  const thirtieths = Math.min((days + (guaranteeBreached ? 3 : 0)) * monthlyFee, 30 * monthlyFee);
  return Math.floor(thirtieths / 30);
}

/**
 * Last day to claim the guarantee-breach reduction for `month`: the 15th of the following month
 * (000 第15条2 "違背が発生した月の翌月15日まで").
 */
export function guaranteeClaimDeadline({ month }: { month: YearMonth }): IsoDate {
  const { year, month: m } = parseYearMonth(month);
  return addMonths(toIsoDate(year, m, GUARANTEE_CLAIM_DAY), 1);
}

/**
 * Last day to claim an unavailability reduction: 3 months after the day the claim could first be
 * made, same day-of-month clamped (000 第15条1, 004 第14条 "3ヶ月を経過する日"), read like
 * "30日を経過する日" = D + 30. The terms do not say which day that is; we take the Japan date on
 * which the outage reached 24 h (the reduction exists from then) and callers should pass that.
 */
export function unavailabilityClaimDeadline({
  claimableFrom,
}: {
  claimableFrom: IsoDate;
}): IsoDate {
  return addMonths(claimableFrom, UNAVAILABILITY_CLAIM_MONTHS);
}
