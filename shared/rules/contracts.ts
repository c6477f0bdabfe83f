/**
 * Contract periods of the five services: the current auto-renewing term, the last day a
 * non-renewal notice may arrive, the end of the minimum period, and the start of SOC in Pocket's
 * insurance cover. Periods follow 民法第143条 ({@link periodEnd}); "N months before" follows the
 * clamped {@link addMonths} (issue #3 conventions).
 */
import type { ServiceId } from '../catalog';
import {
  addDays,
  addMonths,
  compareDates,
  firstOfNextMonth,
  parseDate,
  periodEnd,
  type IsoDate,
} from './dates';

/** Item ids (issue #3 conventions): the seed's letter for Secure Endpoint and DDoS, and the C-SOC
 * options that change a rule. `null`/absent means a category or module contract. */
export type ContractItem = string | null | undefined;

/** C-SOC items that change a rule (000 第10条8, 9). */
export const CSOC_ITEMS = ['edr-operation', 'edr-mssp-licence', 'edr-period-licence'] as const;

/** A current term of an auto-renewing contract, both days included. */
export interface Term {
  termStart: IsoDate;
  termEnd: IsoDate;
}

/** Length of every auto-renewing term and of each renewal, in months. */
export const TERM_MONTHS = 12;

/**
 * Whether the contract runs in auto-renewing 1-year terms:
 * SOC in Pocket (002 第4条2, 3), CWPP (003 第7条1, 2), Secure Endpoint items X and D
 * (001 第3条2), the C-SOC EDR period licence (000 第10条9).
 */
export function hasRenewingTerm({
  service,
  item,
}: {
  service: ServiceId;
  item?: ContractItem;
}): boolean {
  switch (service) {
    case 'soc-in-pocket':
    case 'cwpp':
      return true;
    case 'iij-secure-endpoint':
      return item === 'X' || item === 'D';
    case 'iij-c-soc':
      return item === 'edr-period-licence';
    case 'iij-ddos':
      return false;
  }
}

/**
 * The date the terms count a contract's periods from (起算日): SOC in Pocket the CTS hardware
 * delivery date (002 第4条2) and CWPP the service start (003 第7条1), both stored as `start`;
 * the IIJ services the billing start (課金開始日: 000 第5条, 第10条8–9; 001 第3条; 004 第2条).
 */
export function termAnchor(contract: {
  service: ServiceId;
  start: IsoDate;
  billingStart: IsoDate;
}): IsoDate {
  return contract.service === 'soc-in-pocket' || contract.service === 'cwpp'
    ? contract.start
    : contract.billingStart;
}

/**
 * The term containing `today` of an auto-renewing contract, or null for contracts without one.
 * The first term is 1 year from `start` (pass {@link termAnchor}: the billing start for IIJ
 * items); each renewal is 1 year from the day after the previous term ends (002 第4条3 "自動的に
 * 1年間延長"; 003 第7条2; 001 第3条2; 000 第10条9). Choices: a term from 2024-02-29 ends
 * 2025-02-28 and the renewals then run 03-01 … 02-28/29; before `start` the first term is returned.
 */
export function termEnd({
  service,
  start,
  today,
  item,
}: {
  service: ServiceId;
  start: IsoDate;
  today: IsoDate;
  item?: ContractItem;
}): Term | null {
  if (!hasRenewingTerm({ service, item })) return null;
  let termStart = start;
  let end = periodEnd(termStart, TERM_MONTHS);
  parseDate(today); // validate `today` even when it falls in the first term
  while (compareDates(today, end) > 0) {
    termStart = addDays(end, 1);
    end = periodEnd(termStart, TERM_MONTHS);
  }
  return { termStart, termEnd: end };
}

/**
 * How many months before the end of a term a non-renewal notice must arrive:
 * SOC in Pocket 2 (002 第4条3), CWPP 1 (003 第7条2), Secure Endpoint X/D 1 (001 第3条2),
 * C-SOC EDR period licence 3 (000 第10条9); null when the contract does not auto-renew.
 */
export function noticeMonths({
  service,
  item,
}: {
  service: ServiceId;
  item?: ContractItem;
}): number | null {
  if (!hasRenewingTerm({ service, item })) return null;
  switch (service) {
    case 'soc-in-pocket':
      return 2;
    case 'iij-c-soc':
      return 3;
    case 'cwpp':
    case 'iij-secure-endpoint':
    case 'iij-ddos':
      return 1;
  }
}

/**
 * The last day a non-renewal notice may arrive for the term ending `termEnd`: that many months
 * before it, same day-of-month clamped (a term ending 2027-04-30 with 2 months → 2027-02-28).
 * The notice must reach the vendor (SOC in Pocket: in writing, via the partner, 002 第4条3).
 */
export function noticeDeadline({
  service,
  termEnd: end,
  item,
}: {
  service: ServiceId;
  termEnd: IsoDate;
  item?: ContractItem;
}): IsoDate | null {
  const months = noticeMonths({ service, item });
  return months === null ? null : addMonths(end, -months);
}

/**
 * Length of the minimum period (最低利用期間) in months, counted from the billing start, or null
 * when there is none (or the item is unknown):
 * - C-SOC: 6 for categories and modules (000 第5条) and for options without an item
 *   (第10条8); 12 for `edr-operation` and `edr-mssp-licence` (第10条8); none for
 *   `edr-period-licence`, which has a 1-year term instead (第10条9).
 * - Secure Endpoint: 1 for C, G, L, O, A, B (001 第3条1); none for X, D (term instead).
 * - DDoS: 12 for E, X, P, D, W, M; 1 for V (004 第2条).
 * - SOC in Pocket, CWPP: none (they have terms).
 */
export function minimumPeriodMonths({
  service,
  item,
}: {
  service: ServiceId;
  item?: ContractItem;
}): number | null {
  switch (service) {
    case 'iij-c-soc':
      if (item === 'edr-operation' || item === 'edr-mssp-licence') return 12;
      if (item === 'edr-period-licence') return null;
      return 6;
    case 'iij-secure-endpoint':
      return item && ['C', 'G', 'L', 'O', 'A', 'B'].includes(item) ? 1 : null;
    case 'iij-ddos':
      if (item === 'V') return 1;
      return item && ['E', 'X', 'P', 'D', 'W', 'M'].includes(item) ? 12 : null;
    case 'soc-in-pocket':
    case 'cwpp':
      return null;
  }
}

/**
 * Last day of the minimum period: N months from `billingStart`, the start day included
 * (起算日 = 課金開始日), by {@link periodEnd}. Null when the contract has no minimum period.
 */
export function minimumPeriodEnd({
  service,
  billingStart,
  item,
}: {
  service: ServiceId;
  billingStart: IsoDate;
  item?: ContractItem;
}): IsoDate | null {
  const months = minimumPeriodMonths({ service, item });
  return months === null ? null : periodEnd(billingStart, months);
}

/** SOC in Pocket cyber-risk insurance: at most ¥3,000,000 per company. 002 別紙5 */
export const INSURANCE_CAP_YEN = 3_000_000;

/**
 * First day of SOC in Pocket's insurance cover: the 1st of the month after the month of the
 * service start, even when the service starts on a 1st (002 別紙5 "本サービス利用開始日の属する
 * 月の翌月1日").
 */
export function insuranceCoverageStart({ serviceStart }: { serviceStart: IsoDate }): IsoDate {
  return firstOfNextMonth(serviceStart);
}
