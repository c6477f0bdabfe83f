/**
 * Types of the SLA ledger (shared/sla-ledger.ts): its inputs (contracts, important incidents,
 * outages) and its months, credits and claim deadlines.
 */
import type { Contract } from './domain/contract';
import type { IsoDate, YearMonth } from './rules';

export type SlaService = 'iij-c-soc' | 'iij-ddos';
export const SLA_SERVICES: readonly SlaService[] = ['iij-c-soc', 'iij-ddos'];

/** A claim deadline this close (days) earns a badge. */
export const CLAIM_NEAR_DAYS = 30;

export type LedgerContract = Pick<
  Contract,
  | 'id'
  | 'service'
  | 'category'
  | 'module'
  | 'item'
  | 'options'
  | 'managementUnit'
  | 'start'
  | 'billingStart'
  | 'monthlyFee'
  | 'noticeReceived'
  | 'requestedEnd'
>;

export interface LedgerIncident {
  id: number;
  module: string | null;
  detectedAt: number;
  notifiedAt: number | null;
}

export interface LedgerOutage {
  id: number;
  /** Null: the whole service (C-SOC: the platform) was unavailable. */
  contractId: string | null;
  startedAt: number;
  /** When the vendor learned of it (000 第15条1 "知った時から"); null = at the start. */
  knownAt: number | null;
  /** Null while it lasts. */
  endedAt: number | null;
  /** Caused by the vendor: only these count (000 第11条2, 第15条1; 004 第14条). */
  vendorFault: boolean;
}

/** `held`/`breached` where the quality guarantee applies; `none` where it does not. */
export type Guarantee = 'held' | 'breached' | 'none';

export interface ContractCredit {
  contractId: string;
  monthlyFee: number;
  /** Each counted outage's hours from when the vendor learned of it. */
  outagesHours: number[];
  guaranteeBreached: boolean;
  amount: number;
}

export interface ClaimDeadline {
  kind: 'guarantee' | 'unavailability';
  date: IsoDate;
  daysLeft: number;
  state: 'open' | 'near' | 'lapsed';
  outageId: number | null;
}

export interface LateIncident {
  id: number;
  module: string | null;
  detectedAt: number;
  notifiedAt: number | null;
  /** Whole minutes from detection to notification (to now if not notified). */
  minutes: number;
}

export interface LedgerMonth {
  month: YearMonth;
  inProgress: boolean;
  /** C-SOC only (DDoS has no notification target): null for DDoS. */
  incidents: { important: number; within: number; late: number; pending: number } | null;
  lateIncidents: LateIncident[];
  outageMinutes: number;
  availability: number;
  availabilityBreached: boolean;
  guarantee: Guarantee;
  breaches: Array<'availability' | 'notification'>;
  credits: ContractCredit[];
  creditTotal: number;
  deadlines: ClaimDeadline[];
  claimNear: boolean;
}

export interface ServiceLedger {
  service: SlaService;
  /** `guaranteed`; `basic` (C-SOC Basic: no guarantee, 000 第11条); `none` (DDoS has none). */
  coverage: 'guaranteed' | 'basic' | 'none';
  months: LedgerMonth[];
}
