import { z } from 'zod';
import { LANGUAGES, type ServiceId } from '../catalog';
import type { CancellationEstimate, ContractArticles, ContractStanding } from '../contracts';
import type { Contract } from '../domain/contract';
import type { Problem } from '../rules';
import { parseDate } from '../rules';
import type { FileRef } from './files';
import { op } from './op';
import { entityId } from './session';

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is refused, with its path). */
export const calendarDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    try {
      parseDate(s);
      return true;
    } catch {
      return false;
    }
  });

export interface ContractView {
  contract: Contract;
  standing: ContractStanding;
  articles: ContractArticles;
  /** SOC in Pocket's cyber-risk insurance (002 別紙5). */
  insurance: { coverageStart: string; capYen: number; article: string } | null;
}

export interface CustomerContracts {
  customerId: string;
  nameJa: string;
  nameEn: string;
  contracts: ContractView[];
  /** C-SOC eligibility problems (000 第7条) of the contracts in force. */
  problems: Problem[];
}

export interface DeadlineRow {
  customerId: string;
  nameJa: string;
  nameEn: string;
  contractId: string;
  contractNo: string;
  service: ServiceId;
  category: Contract['category'];
  module: Contract['module'];
  item: string | null;
  kind: 'notice' | 'minimumPeriod' | 'cancellation';
  date: string;
  daysLeft: number;
  actionNeeded: boolean;
}

const scope = z.object({ customerId: entityId.nullable() }).strict();

export const contractsOps = {
  'contracts.list': op<{ today: string; customers: CustomerContracts[] }>()(scope),
  /** "What if we cancel?": effective day and early-termination estimate from the rules. */
  'contracts.estimate': op<CancellationEstimate>()(
    z
      .object({
        contractId: entityId,
        noticeReceived: calendarDate,
        requested: calendarDate.nullable(),
      })
      .strict(),
  ),
  /** Every upcoming deadline of the customers in scope (the partner's table). */
  'contracts.deadlines': op<{ today: string; rows: DeadlineRow[] }>()(scope),
  /** The same table as CSV (UTF-8 with BOM), headers in `language`. */
  'contracts.exportDeadlines': op<FileRef>()(
    z.object({ customerId: entityId.nullable(), language: z.enum(LANGUAGES) }).strict(),
  ),
};
