import { cancellationEstimate } from '../../../shared/contracts';
import type { CustomerContracts, DeadlineRow } from '../../../shared/ops/contracts';
import { fail } from '../../../shared/result';
import { jstIsoDate } from '../../../shared/time';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers-types';
import { resolveCustomers, scopeCustomers } from '../scope';
import { writeDeadlinesCsv } from './export';
import { customerNames, getContract, listContracts } from './repo';
import { contractView, deadlinesOf, problemsOf } from './view';

type Op =
  'contracts.list' | 'contracts.estimate' | 'contracts.deadlines' | 'contracts.exportDeadlines';

function customersWithContracts(ctx: ServiceContext, ids: string[], today: string) {
  const all = listContracts(ctx.db, ids);
  return customerNames(ctx.db, ids).map((c): CustomerContracts => {
    const contracts = all.filter((k) => k.customerId === c.id).map((k) => contractView(k, today));
    return { customerId: c.id, ...c, contracts, problems: problemsOf(contracts) };
  });
}

function deadlines(ctx: ServiceContext, ids: string[], today: string): DeadlineRow[] {
  return customersWithContracts(ctx, ids, today)
    .flatMap((c) =>
      c.contracts.flatMap((v) =>
        deadlinesOf(v, { id: c.customerId, nameJa: c.nameJa, nameEn: c.nameEn }, today),
      ),
    )
    .sort((a, b) => a.daysLeft - b.daysLeft || a.contractNo.localeCompare(b.contractNo));
}

/** Contracts of the customers in scope: every figure from shared/contracts.ts and the rules. */
export const contractsHandlers: Pick<Handlers, Op> = {
  'contracts.list': ({ customerId }, ctx) => {
    const ids = resolveCustomers(ctx, customerId);
    const today = jstIsoDate(ctx.clock.now());
    return { today, customers: customersWithContracts(ctx, ids, today) };
  },

  'contracts.estimate': ({ contractId, noticeReceived, requested }, ctx) => {
    // Out of scope looks exactly like missing: another customer's ids are not confirmed.
    const contract = getContract(ctx.db, scopeCustomers(ctx), contractId);
    if (!contract) fail('not_found');
    return cancellationEstimate(contract, noticeReceived, requested);
  },

  'contracts.deadlines': ({ customerId }, ctx) => {
    const ids = resolveCustomers(ctx, customerId);
    const today = jstIsoDate(ctx.clock.now());
    return { today, rows: deadlines(ctx, ids, today) };
  },

  'contracts.exportDeadlines': ({ customerId, language }, ctx) => {
    const ids = resolveCustomers(ctx, customerId);
    const today = jstIsoDate(ctx.clock.now());
    return writeDeadlinesCsv(ctx, deadlines(ctx, ids, today), ids, language, today);
  },
};
