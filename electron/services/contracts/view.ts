import { articlesOf, contractStanding, insuranceOf } from '../../../shared/contracts';
import type { Contract } from '../../../shared/domain/contract';
import type { ContractView, DeadlineRow } from '../../../shared/ops/contracts';
import { eligibilityProblems, type Problem } from '../../../shared/rules';
import { isoDateToDay } from '../../../shared/time';

export function contractView(contract: Contract, today: string): ContractView {
  return {
    contract,
    standing: contractStanding(contract, today),
    articles: articlesOf(contract),
    insurance: insuranceOf(contract),
  };
}

/** C-SOC eligibility over the contracts still in force (ended ones are left out, docs/rules.md). */
export function problemsOf(views: readonly ContractView[]): Problem[] {
  return eligibilityProblems({
    contracts: views.filter((v) => !v.standing.ended).map((v) => v.contract),
  });
}

/**
 * The upcoming deadlines of one contract: the non-renewal notice deadline (unless notice has been
 * given), the end of the minimum period, and the day a cancellation takes effect.
 */
export function deadlinesOf(
  view: ContractView,
  customer: { id: string; nameJa: string; nameEn: string },
  today: string,
): DeadlineRow[] {
  const { contract: k, standing: s } = view;
  const todayN = isoDateToDay(today);
  const found: Array<[DeadlineRow['kind'], string | null]> = [
    ['notice', s.ending ? null : s.noticeDeadline],
    ['minimumPeriod', s.minimumPeriodEnd],
    ['cancellation', s.ending?.effective ?? null],
  ];
  const rows: DeadlineRow[] = [];
  for (const [kind, date] of found) {
    if (!date) continue;
    const daysLeft = isoDateToDay(date) - todayN;
    if (daysLeft < 0) continue;
    rows.push({
      customerId: customer.id,
      nameJa: customer.nameJa,
      nameEn: customer.nameEn,
      contractId: k.id,
      contractNo: k.contractNo,
      service: k.service,
      category: k.category,
      module: k.module,
      item: k.item,
      kind,
      date,
      daysLeft,
      actionNeeded: s.actionNeeded && s.next?.date === date && s.next.kind === kind,
    });
  }
  return rows;
}
