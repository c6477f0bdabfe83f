/**
 * Leaving a contract: the day a cancellation takes effect and the early-termination charge
 * (解除調定金 / 違約金). Amounts are integer yen, rounded down once at the end.
 */
import type { ServiceId } from '../catalog';
import {
  addDays,
  addMonths,
  compareDates,
  laterDate,
  monthIndex,
  periodEnd,
  type IsoDate,
} from './dates';
import {
  TERM_MONTHS,
  hasRenewingTerm,
  minimumPeriodMonths,
  termEnd,
  type ContractItem,
} from './contracts';

/** IIJ services: a cancellation takes effect 30 days after the notice arrives at the earliest. */
export const CANCELLATION_NOTICE_DAYS = 30;
/** C-SOC EDR period licence: 90 days instead (000 第10条10 ただし書). */
export const EDR_PERIOD_LICENCE_NOTICE_DAYS = 90;
/** CWPP: notice at least 1 month ahead (003 第9条1). */
export const CWPP_CANCELLATION_NOTICE_MONTHS = 1;

/**
 * The day a cancellation takes effect, given the day the notice arrived and the day the customer
 * asked for (optional):
 * - IIJ C-SOC (000 第12条1, options 第10条10), Secure Endpoint (001 第10条1, 2), DDoS
 *   (004 第11条1, options 第10条6): the later of notice + 30 days ("到達した日から30日を経過する日":
 *   11/10 → 12/10) and the requested day; the EDR period licence: + 90 days (000 第10条10).
 * - CWPP: the later of notice + 1 month (clamped) and the requested day (003 第9条1).
 * - SOC in Pocket: the terms set no notice period for a mid-term cancellation (002 第4条5), so it
 *   takes effect on the requested day, or on the notice day if none (or an earlier one) is asked
 *   for. (Not renewing is a different path: notice by {@link noticeDeadline}, end at the term end.)
 */
export function cancellationEffectiveDate({
  service,
  noticeReceived,
  requested,
  item,
}: {
  service: ServiceId;
  noticeReceived: IsoDate;
  requested?: IsoDate | null;
  item?: ContractItem;
}): IsoDate {
  let earliest: IsoDate;
  switch (service) {
    case 'iij-c-soc':
      earliest = addDays(
        noticeReceived,
        item === 'edr-period-licence' ? EDR_PERIOD_LICENCE_NOTICE_DAYS : CANCELLATION_NOTICE_DAYS,
      );
      break;
    case 'iij-secure-endpoint':
    case 'iij-ddos':
      earliest = addDays(noticeReceived, CANCELLATION_NOTICE_DAYS);
      break;
    case 'cwpp':
      earliest = addMonths(noticeReceived, CWPP_CANCELLATION_NOTICE_MONTHS);
      break;
    case 'soc-in-pocket':
      earliest = addDays(noticeReceived, 0); // validates the date
      break;
  }
  return requested ? laterDate(earliest, requested) : earliest;
}

export interface EarlyTerminationInput {
  service: ServiceId;
  /** The day the cancellation takes effect ({@link cancellationEffectiveDate}). */
  effective: IsoDate;
  /** 課金開始日: the IIJ services count their periods from it. */
  billingStart?: IsoDate | null;
  /** Service start: SOC in Pocket counts its term from it (CTS hardware delivery, 002 第4条2). */
  start?: IsoDate | null;
  monthlyFee?: number | null;
  annualFee?: number | null;
  item?: ContractItem;
}

/**
 * What leaving early costs, in integer yen (rounded down once):
 * - IIJ services: the monthly fee × the calendar months after the month containing `effective`,
 *   up to and including the month containing the end of the minimum period (000 第14条, 別紙3;
 *   001 第12条1, 別紙2; 004 第13条, 別紙2); 0 from the month of that end on. For the items with a
 *   term instead (Secure Endpoint X/D, 001 第12条2; EDR period licence, 000 第14条3) the end of
 *   the current term takes the place of the minimum-period end.
 * - SOC in Pocket: annualFee / 12 × the months left in the current term, counted the same way
 *   ("利用期間の残存期間分の利用料金総額", 002 第4条5).
 * - CWPP: 0 — nothing paid is refunded and nothing more is owed (003 第9条2).
 * Choices: never more months than the period has (a date before the start cannot charge more than
 * the whole period); IIJ falls back to annualFee / 12 and SOC in Pocket to monthlyFee × 12 when
 * the usual fee is missing; a missing fee is an error only when there is something to charge.
 * Cases the terms exempt (e.g. cancellation for the vendor's fault, 002 第4条5; 一般規程第28条2, 3)
 * are the caller's to exclude.
 */
export function earlyTerminationCharge(input: EarlyTerminationInput): number {
  const { service, effective, item } = input;
  if (service === 'cwpp') return 0;
  const anchor =
    service === 'soc-in-pocket'
      ? (input.start ?? input.billingStart)
      : (input.billingStart ?? input.start);
  if (!anchor) throw new RangeError(`${service}: start or billingStart is required`);

  let end: IsoDate;
  let periodMonths: number;
  if (hasRenewingTerm({ service, item })) {
    const term = termEnd({ service, start: anchor, today: effective, item });
    if (!term) return 0;
    end = term.termEnd;
    periodMonths = TERM_MONTHS;
  } else {
    const months = minimumPeriodMonths({ service, item });
    if (months === null) return 0;
    end = periodEnd(anchor, months);
    periodMonths = months;
  }
  if (compareDates(effective, end) >= 0) return 0;
  const months = Math.min(Math.max(monthIndex(end) - monthIndex(effective), 0), periodMonths);
  if (months === 0) return 0;

  const monthly = checkFee(input.monthlyFee, 'monthlyFee');
  const annual = checkFee(input.annualFee, 'annualFee');
  // Multiply before dividing so that the only rounding is the final floor.
  if (service === 'soc-in-pocket') {
    if (annual !== null) return Math.floor((annual * months) / 12);
    if (monthly !== null) return Math.floor(monthly * months);
  } else {
    if (monthly !== null) return Math.floor(monthly * months);
    if (annual !== null) return Math.floor((annual * months) / 12);
  }
  throw new RangeError(`${service}: a fee is required to compute the charge`);
}

function checkFee(fee: number | null | undefined, name: string): number | null {
  if (fee === null || fee === undefined) return null;
  if (!Number.isFinite(fee) || fee < 0) throw new RangeError(`${name} must be ≥ 0: ${fee}`);
  return fee;
}
