/**
 * Where a contract stands today: its current term, the non-renewal notice deadline, the end of its
 * minimum period, a cancellation under way, and whether the customer must act soon; and what a
 * cancellation would cost. Every date and amount comes from shared/rules; this file only combines
 * them for screens, the dashboard and exports, and names the articles they come from.
 */
import type { Contract } from './domain/contract';
import {
  INSURANCE_CAP_YEN,
  cancellationEffectiveDate,
  compareDates,
  earlyTerminationCharge,
  hasRenewingTerm,
  insuranceCoverageStart,
  minimumPeriodEnd,
  noticeDeadline,
  termAnchor,
  termEnd,
} from './rules';
import { isoDateToDay } from './time';

/** A deadline this close (days) earns an "action needed" badge (issue #5). */
export const ACTION_WINDOW_DAYS = 60;

type StandingInput = Pick<Contract, 'service' | 'item' | 'start' | 'billingStart'> &
  Partial<Pick<Contract, 'noticeReceived' | 'requestedEnd'>>;

export interface ContractStanding {
  termStart: string | null;
  termEnd: string | null;
  /** Renews itself for a year unless notice is given (002 第4条3, 003 第7条2, 001 第3条2, 000 第10条9). */
  autoRenews: boolean;
  noticeDeadline: string | null;
  /** Days from today to the notice deadline (negative once passed). */
  noticeDaysLeft: number | null;
  minimumPeriodEnd: string | null;
  minimumDaysLeft: number | null;
  /** A cancellation notice has arrived: the day it takes effect. */
  ending: { noticeReceived: string; requested: string | null; effective: string } | null;
  /** The cancellation has taken effect (the effective day is before today). */
  ended: boolean;
  /** The nearest deadline still ahead (today counts as ahead). */
  next: { kind: 'notice' | 'minimumPeriod'; date: string; daysLeft: number } | null;
  /** A deadline within {@link ACTION_WINDOW_DAYS}, and no cancellation already under way. */
  actionNeeded: boolean;
}

/** The day a stored cancellation notice takes effect, or null without one. */
export function contractEnd(contract: StandingInput): string | null {
  if (!contract.noticeReceived) return null;
  return cancellationEffectiveDate({
    service: contract.service,
    noticeReceived: contract.noticeReceived,
    requested: contract.requestedEnd ?? null,
    item: contract.item ?? undefined,
  });
}

export function contractStanding(contract: StandingInput, today: string): ContractStanding {
  const item = contract.item ?? undefined;
  // SOC in Pocket and CWPP count from service start; IIJ terms from billing start (termAnchor).
  const term = termEnd({ service: contract.service, start: termAnchor(contract), today, item });
  const notice = term
    ? noticeDeadline({ service: contract.service, termEnd: term.termEnd, item })
    : null;
  const minimum = minimumPeriodEnd({
    service: contract.service,
    billingStart: contract.billingStart,
    item,
  });
  const todayN = isoDateToDay(today);
  const daysTo = (date: string | null) => (date ? isoDateToDay(date) - todayN : null);
  const candidates = [
    ...(notice ? [{ kind: 'notice' as const, date: notice }] : []),
    ...(minimum ? [{ kind: 'minimumPeriod' as const, date: minimum }] : []),
  ]
    .map((c) => ({ ...c, daysLeft: isoDateToDay(c.date) - todayN }))
    .filter((c) => c.daysLeft >= 0)
    .sort((a, b) => a.daysLeft - b.daysLeft);
  const next = candidates[0] ?? null;
  const effective = contractEnd(contract);
  return {
    termStart: term?.termStart ?? null,
    termEnd: term?.termEnd ?? null,
    autoRenews: hasRenewingTerm({ service: contract.service, item }),
    noticeDeadline: notice,
    noticeDaysLeft: daysTo(notice),
    minimumPeriodEnd: minimum,
    minimumDaysLeft: daysTo(minimum),
    ending:
      effective && contract.noticeReceived
        ? {
            noticeReceived: contract.noticeReceived,
            requested: contract.requestedEnd ?? null,
            effective,
          }
        : null,
    ended: effective !== null && compareDates(effective, today) < 0,
    next,
    // Once notice has been given the customer has acted: nothing more to flag.
    actionNeeded: effective === null && next !== null && next.daysLeft <= ACTION_WINDOW_DAYS,
  };
}

/** SOC in Pocket's cyber-risk insurance (002 別紙5): cover from the 1st of the next month, capped. */
export function insuranceOf(
  contract: Pick<Contract, 'service' | 'start'>,
): { coverageStart: string; capYen: number; article: string } | null {
  if (contract.service !== 'soc-in-pocket') return null;
  return {
    coverageStart: insuranceCoverageStart({ serviceStart: contract.start }),
    capYen: INSURANCE_CAP_YEN,
    article: '002 別紙5',
  };
}

export interface ContractArticles {
  term: string | null;
  notice: string | null;
  minimumPeriod: string | null;
  cancellation: string;
  charge: string;
}

/** The articles each figure of a contract comes from (docs/rules.md tables). */
export function articlesOf(contract: Pick<Contract, 'service' | 'item'>): ContractArticles {
  const item = contract.item;
  switch (contract.service) {
    case 'soc-in-pocket':
      return {
        term: '002 第4条2, 3',
        notice: '002 第4条3',
        minimumPeriod: null,
        cancellation: '002 第4条5',
        charge: '002 第4条5',
      };
    case 'cwpp':
      return {
        term: '003 第7条1, 2',
        notice: '003 第7条2',
        minimumPeriod: null,
        cancellation: '003 第9条1',
        charge: '003 第9条2',
      };
    case 'iij-secure-endpoint': {
      const term = item === 'X' || item === 'D';
      return {
        term: term ? '001 第3条2' : null,
        notice: term ? '001 第3条2' : null,
        minimumPeriod: term ? null : '001 第3条1',
        cancellation: '001 第10条1, 2',
        charge: term ? '001 第12条2, 別紙2' : '001 第12条1, 別紙2',
      };
    }
    case 'iij-ddos':
      return {
        term: null,
        notice: null,
        minimumPeriod: '004 第2条',
        cancellation: '004 第11条1',
        charge: '004 第13条, 別紙2',
      };
    case 'iij-c-soc': {
      if (item === 'edr-period-licence') {
        return {
          term: '000 第10条9',
          notice: '000 第10条9',
          minimumPeriod: null,
          cancellation: '000 第10条10',
          charge: '000 第14条3, 別紙3',
        };
      }
      const option = item === 'edr-operation' || item === 'edr-mssp-licence';
      return {
        term: null,
        notice: null,
        minimumPeriod: option ? '000 第10条8' : '000 第5条',
        cancellation: option ? '000 第10条10' : '000 第12条1',
        charge: option ? '000 第14条2, 別紙3' : '000 第14条1, 別紙3',
      };
    }
  }
}

export interface CancellationEstimate {
  noticeReceived: string;
  requested: string | null;
  effective: string;
  /** Integer yen; null when the contract has no fee to compute it from. */
  charge: number | null;
  articles: { effective: string; charge: string };
  /** SOC in Pocket and CWPP can also simply not renew: notice by this day, end at the term end. */
  nonRenewal: { noticeDeadline: string; termEnd: string } | null;
}

/**
 * "What if we cancel?": the day a cancellation noticed on `noticeReceived` (asking for
 * `requested`) would take effect, and the early-termination charge then, both from the rules.
 * An estimate: exemptions (e.g. the vendor's fault) are not known here (docs/rules.md).
 */
export function cancellationEstimate(
  contract: Pick<
    Contract,
    'service' | 'item' | 'start' | 'billingStart' | 'monthlyFee' | 'annualFee'
  >,
  noticeReceived: string,
  requested: string | null,
): CancellationEstimate {
  const item = contract.item ?? undefined;
  const effective = cancellationEffectiveDate({
    service: contract.service,
    noticeReceived,
    requested,
    item,
  });
  let charge: number | null;
  try {
    charge = earlyTerminationCharge({
      service: contract.service,
      effective,
      billingStart: contract.billingStart,
      start: contract.start,
      monthlyFee: contract.monthlyFee,
      annualFee: contract.annualFee,
      item,
    });
  } catch (e) {
    // The rules refuse to guess a missing fee; say "unknown" rather than 0.
    if (!(e instanceof RangeError)) throw e;
    charge = null;
  }
  const standing = contractStanding(contract, noticeReceived);
  const articles = articlesOf(contract);
  return {
    noticeReceived,
    requested,
    effective,
    charge,
    articles: { effective: articles.cancellation, charge: articles.charge },
    nonRenewal:
      standing.noticeDeadline && standing.termEnd
        ? { noticeDeadline: standing.noticeDeadline, termEnd: standing.termEnd }
        : null,
  };
}
