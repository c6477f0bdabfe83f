/** Contracts, outages and incidents for the hand-computed SLA ledger cases. */
import type { Contract } from '../../../shared/domain/contract';
import { serviceLedger, type LedgerIncident, type LedgerOutage } from '../../../shared/sla-ledger';

export const t = (s: string) => Date.parse(s);
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const contract = (over: Partial<Contract> & Pick<Contract, 'id' | 'service'>): Contract => ({
  customerId: 'c-test',
  category: null,
  module: null,
  item: null,
  options: [],
  managementUnit: 'u1',
  start: '2025-01-01',
  billingStart: '2025-01-01',
  monthlyFee: null,
  annualFee: null,
  noticeReceived: null,
  requestedEnd: null,
  contractNo: over.id,
  ...over,
});

export const premium = contract({
  id: 'cat',
  service: 'iij-c-soc',
  category: 'premium',
  monthlyFee: 300_000,
});
export const firewall = contract({
  id: 'fw',
  service: 'iij-c-soc',
  category: 'module',
  module: 'firewall',
  monthlyFee: 60_000,
});
export const licence = contract({
  id: 'lic',
  service: 'iij-c-soc',
  item: 'edr-period-licence',
  annualFee: 1_200_000,
});
export const basic = contract({
  id: 'cat',
  service: 'iij-c-soc',
  category: 'basic',
  monthlyFee: 100_000,
});
export const basicFw = { ...firewall, monthlyFee: 50_000 };
export const ddosX = contract({ id: 'dx', service: 'iij-ddos', item: 'X', monthlyFee: 165_000 });
export const ddosE = contract({ id: 'de', service: 'iij-ddos', item: 'E', monthlyFee: 110_000 });

export const outage = (
  o: Partial<LedgerOutage> & Pick<LedgerOutage, 'startedAt'>,
): LedgerOutage => ({
  id: 1,
  contractId: null,
  knownAt: null,
  endedAt: null,
  vendorFault: true,
  ...o,
});
export const incident = (id: number, detected: string, minutes: number | null): LedgerIncident => ({
  id,
  module: 'firewall',
  detectedAt: t(detected),
  notifiedAt: minutes === null ? null : t(detected) + minutes * MIN,
});

// April 2026 has 30 days = 43,200 minutes; 99.9 % allows 43.2 minutes (000 別紙1 1(1)).
export const april = (over: Partial<Parameters<typeof serviceLedger>[0]> = {}) =>
  serviceLedger({
    service: 'iij-c-soc',
    contracts: [premium, firewall, licence],
    incidents: [],
    outages: [],
    months: ['2026-04'],
    now: t('2026-05-20T12:00:00+09:00'),
    ...over,
  }).months[0]!;
