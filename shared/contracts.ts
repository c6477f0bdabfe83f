/**
 * Where a contract stands today: its current term, the non-renewal notice deadline, the end of its
 * minimum period, and whether the customer must act soon. Every date comes from shared/rules; this
 * file only combines them for screens and the dashboard.
 */
import type { Contract } from './domain/contract';
import { minimumPeriodEnd, noticeDeadline, termAnchor, termEnd } from './rules';
import { isoDateToDay } from './time';

/** A deadline this close (days) earns an "action needed" badge (issue #5). */
export const ACTION_WINDOW_DAYS = 60;

export interface ContractStanding {
  termStart: string | null;
  termEnd: string | null;
  noticeDeadline: string | null;
  minimumPeriodEnd: string | null;
  /** The nearest deadline still ahead (today counts as ahead). */
  next: { kind: 'notice' | 'minimumPeriod'; date: string; daysLeft: number } | null;
  actionNeeded: boolean;
}

export function contractStanding(
  contract: Pick<Contract, 'service' | 'item' | 'start' | 'billingStart'>,
  today: string,
): ContractStanding {
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
  const candidates = [
    ...(notice ? [{ kind: 'notice' as const, date: notice }] : []),
    ...(minimum ? [{ kind: 'minimumPeriod' as const, date: minimum }] : []),
  ]
    .map((c) => ({ ...c, daysLeft: isoDateToDay(c.date) - todayN }))
    .filter((c) => c.daysLeft >= 0)
    .sort((a, b) => a.daysLeft - b.daysLeft);
  const next = candidates[0] ?? null;
  return {
    termStart: term?.termStart ?? null,
    termEnd: term?.termEnd ?? null,
    noticeDeadline: notice,
    minimumPeriodEnd: minimum,
    next,
    actionNeeded: next !== null && next.daysLeft <= ACTION_WINDOW_DAYS,
  };
}
