import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract';
import {
  recentMonths,
  serviceLedger,
  type LedgerIncident,
  type LedgerOutage,
} from '../../../shared/sla-ledger';

// Hand-computed cases for the SLA ledger (000 第11条, 第15条, 別紙1, 別紙4; 004 第14条, 別紙3).
// Every expected figure below is worked out in the comment beside it, not by calling the code.

const t = (s: string) => Date.parse(s);
const MIN = 60_000;
const HOUR = 60 * MIN;

const contract = (over: Partial<Contract> & Pick<Contract, 'id' | 'service'>): Contract => ({
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

const premium = contract({
  id: 'cat',
  service: 'iij-c-soc',
  category: 'premium',
  monthlyFee: 300_000,
});
const firewall = contract({
  id: 'fw',
  service: 'iij-c-soc',
  category: 'module',
  module: 'firewall',
  monthlyFee: 60_000,
});
const licence = contract({
  id: 'lic',
  service: 'iij-c-soc',
  item: 'edr-period-licence',
  annualFee: 1_200_000,
});
const basic = contract({ id: 'cat', service: 'iij-c-soc', category: 'basic', monthlyFee: 100_000 });
const basicFw = { ...firewall, monthlyFee: 50_000 };
const ddosX = contract({ id: 'dx', service: 'iij-ddos', item: 'X', monthlyFee: 165_000 });
const ddosE = contract({ id: 'de', service: 'iij-ddos', item: 'E', monthlyFee: 110_000 });

const outage = (o: Partial<LedgerOutage> & Pick<LedgerOutage, 'startedAt'>): LedgerOutage => ({
  id: 1,
  contractId: null,
  knownAt: null,
  endedAt: null,
  vendorFault: true,
  ...o,
});
const incident = (id: number, detected: string, minutes: number | null): LedgerIncident => ({
  id,
  module: 'firewall',
  detectedAt: t(detected),
  notifiedAt: minutes === null ? null : t(detected) + minutes * MIN,
});

// April 2026 has 30 days = 43,200 minutes; 99.9 % allows 43.2 minutes (000 別紙1 1(1)).
const april = (over: Partial<Parameters<typeof serviceLedger>[0]> = {}) =>
  serviceLedger({
    service: 'iij-c-soc',
    contracts: [premium, firewall, licence],
    incidents: [],
    outages: [],
    months: ['2026-04'],
    now: t('2026-05-20T12:00:00+09:00'),
    ...over,
  }).months[0]!;

describe('serviceLedger: C-SOC quality guarantee', () => {
  it('a 44-minute platform outage and one late notification breach the guarantee', () => {
    const m = april({
      outages: [
        outage({
          startedAt: t('2026-04-10T01:00:00+09:00'),
          endedAt: t('2026-04-10T01:44:00+09:00'),
        }),
      ],
      incidents: [
        incident(1, '2026-04-03T10:00:00+09:00', 10), // within
        incident(2, '2026-04-04T10:00:00+09:00', 15), // exactly 15:00 is within (000 別紙1 2)
        incident(3, '2026-04-05T10:00:00+09:00', 16), // late
      ],
    });
    expect(m.incidents).toEqual({ important: 3, within: 2, late: 1, pending: 0 });
    expect(m.lateIncidents.map((i) => [i.id, i.minutes])).toEqual([[3, 16]]);
    expect(m.outageMinutes).toBe(44);
    expect(m.availability).toBeCloseTo(1 - 44 / 43_200, 10);
    expect(m.availabilityBreached).toBe(true);
    expect(m.guarantee).toBe('breached');
    expect(m.breaches).toEqual(['availability', 'notification']);
    // fee / 10 per breached contract, once (000 別紙4 2): 300,000 / 10 and 60,000 / 10; the
    // period licence has no monthly fee and earns nothing.
    expect(m.credits.map((c) => [c.contractId, c.amount])).toEqual([
      ['cat', 30_000],
      ['fw', 6_000],
    ]);
    expect(m.creditTotal).toBe(36_000);
    // Claim by the 15th of the next month (000 第15条2); on 2026-05-20 that has lapsed.
    expect(m.deadlines).toEqual([
      { kind: 'guarantee', date: '2026-05-15', daysLeft: -5, state: 'lapsed', outageId: null },
    ]);
    expect(m.claimNear).toBe(false);
  });

  it('43 minutes hold the guarantee; a late notification breaches only its module contract', () => {
    const m = april({
      now: t('2026-05-01T09:00:00+09:00'),
      outages: [
        outage({
          startedAt: t('2026-04-10T01:00:00+09:00'),
          endedAt: t('2026-04-10T01:43:00+09:00'),
        }),
      ],
      incidents: [incident(3, '2026-04-05T10:00:00+09:00', 31)],
    });
    expect(m.availabilityBreached).toBe(false);
    expect(m.breaches).toEqual(['notification']);
    expect(m.credits).toEqual([
      {
        contractId: 'fw',
        monthlyFee: 60_000,
        outagesHours: [43 / 60],
        guaranteeBreached: true,
        amount: 6_000,
      },
    ]);
    // 2026-05-01 → 2026-05-15: 14 days left, within the 30-day badge window.
    expect(m.deadlines[0]).toMatchObject({ date: '2026-05-15', daysLeft: 14, state: 'near' });
    expect(m.claimNear).toBe(true);
  });

  it('counts a missing notification as late once 15 minutes have passed, else pending', () => {
    const now = t('2026-04-30T12:00:00+09:00');
    const m = april({
      now,
      incidents: [
        { id: 1, module: 'firewall', detectedAt: now - 20 * MIN, notifiedAt: null },
        { id: 2, module: 'firewall', detectedAt: now - 5 * MIN, notifiedAt: null },
      ],
    });
    expect(m.incidents).toEqual({ important: 2, within: 0, late: 1, pending: 1 });
    expect(m.lateIncidents[0]).toMatchObject({ id: 1, minutes: 20, notifiedAt: null });
    expect(m.inProgress).toBe(true);
  });

  it('ignores outages the vendor did not cause (000 第11条2)', () => {
    const m = april({
      outages: [
        outage({
          startedAt: t('2026-04-10T01:00:00+09:00'),
          endedAt: t('2026-04-10T03:00:00+09:00'),
          vendorFault: false,
        }),
      ],
    });
    expect(m.outageMinutes).toBe(0);
    expect(m.guarantee).toBe('held');
    expect(m.creditTotal).toBe(0);
  });

  it('caps a month at the monthly fee (000 第15条2)', () => {
    // 29 days of outage from when IIJ knew (696 h → 29 days) + the breach (3 thirtieths) = 32
    // thirtieths, capped at 30: the whole fee, per contract.
    const start = t('2026-04-01T00:00:00+09:00');
    const m = april({
      contracts: [premium],
      outages: [outage({ startedAt: start, endedAt: start + 696 * HOUR })],
    });
    expect(m.credits).toEqual([
      {
        contractId: 'cat',
        monthlyFee: 300_000,
        outagesHours: [696],
        guaranteeBreached: true,
        amount: 300_000,
      },
    ]);
  });
});

describe('serviceLedger: Basic and DDoS have no quality guarantee', () => {
  it('Basic: no guarantee credit even with a breach-sized outage and a late notification', () => {
    const l = serviceLedger({
      service: 'iij-c-soc',
      contracts: [basic, basicFw],
      incidents: [incident(1, '2026-04-05T10:00:00+09:00', 40)],
      outages: [
        outage({
          startedAt: t('2026-04-10T01:00:00+09:00'),
          endedAt: t('2026-04-10T02:00:00+09:00'),
        }),
      ],
      months: ['2026-04'],
      now: t('2026-05-20T12:00:00+09:00'),
    });
    expect(l.coverage).toBe('basic');
    const m = l.months[0]!;
    expect(m.availabilityBreached).toBe(true);
    expect(m.guarantee).toBe('none');
    expect(m.breaches).toEqual([]);
    expect(m.creditTotal).toBe(0);
    expect(m.deadlines).toEqual([]);
  });

  it('Basic still earns the unavailability credit for 24 hours or more (000 第15条1)', () => {
    // Known 1 h after the start, ended 31 h after it: 30 h → floor(30/24) = 1 day of fee/30:
    // 100,000/30 = 3,333 and 50,000/30 = 1,666 (each rounded down once).
    const start = t('2026-04-18T22:00:00+09:00');
    const m = serviceLedger({
      service: 'iij-c-soc',
      contracts: [basic, basicFw],
      incidents: [],
      outages: [
        outage({ id: 7, startedAt: start, knownAt: start + HOUR, endedAt: start + 31 * HOUR }),
      ],
      months: ['2026-04'],
      now: t('2026-05-20T12:00:00+09:00'),
    }).months[0]!;
    expect(m.credits.map((c) => c.amount)).toEqual([3_333, 1_666]);
    expect(m.creditTotal).toBe(4_999);
    // 24 h after 23:00 JST on 04-18 is 23:00 on 04-19: claimable from 2026-04-19, 3 months later
    // 2026-07-19 (000 第15条1 "3ヶ月を経過する日"); 60 days after 2026-05-20.
    expect(m.deadlines).toEqual([
      { kind: 'unavailability', date: '2026-07-19', daysLeft: 60, state: 'open', outageId: 7 },
    ]);
  });

  it('DDoS: a 49.5-hour outage of one contract credits that contract only (004 第14条, 別紙3)', () => {
    // Known 09:30 on 04-10, ended 11:00 on 04-12: 49.5 h → 2 days × 165,000 / 30 = 11,000.
    const l = serviceLedger({
      service: 'iij-ddos',
      contracts: [ddosX, ddosE],
      incidents: [incident(1, '2026-04-05T10:00:00+09:00', 40)],
      outages: [
        outage({
          id: 3,
          contractId: 'dx',
          startedAt: t('2026-04-10T09:00:00+09:00'),
          knownAt: t('2026-04-10T09:30:00+09:00'),
          endedAt: t('2026-04-12T11:00:00+09:00'),
        }),
      ],
      months: ['2026-04'],
      now: t('2026-05-20T12:00:00+09:00'),
    });
    expect(l.coverage).toBe('none');
    const m = l.months[0]!;
    expect(m.incidents).toBeNull();
    expect(m.guarantee).toBe('none');
    expect(m.credits).toEqual([
      {
        contractId: 'dx',
        monthlyFee: 165_000,
        outagesHours: [49.5],
        guaranteeBreached: false,
        amount: 11_000,
      },
    ]);
    // Reached 24 h at 09:30 on 04-11: claim by 2026-07-11.
    expect(m.deadlines.map((d) => [d.kind, d.date, d.outageId])).toEqual([
      ['unavailability', '2026-07-11', 3],
    ]);
  });

  it('an outage still going on counts up to now', () => {
    const start = t('2026-04-29T09:00:00+09:00');
    const m = serviceLedger({
      service: 'iij-ddos',
      contracts: [ddosX],
      incidents: [],
      outages: [outage({ startedAt: start })],
      months: ['2026-04'],
      now: start + 25 * HOUR,
    }).months[0]!;
    // 25 h so far → 1 day × 165,000 / 30 = 5,500.
    expect(m.credits[0]).toMatchObject({ outagesHours: [25], amount: 5_500 });
  });
});

describe('serviceLedger: months', () => {
  it('leaves out months before the billing start and after a cancellation took effect', () => {
    const late = contract({ ...firewall, billingStart: '2026-03-10', start: '2026-03-10' });
    // Notice 2026-03-20 → effective 30 days later, 2026-04-19 (000 第12条1): April is the last month.
    const leaving = { ...late, noticeReceived: '2026-03-20' };
    const months = ['2026-02', '2026-03', '2026-04', '2026-05'];
    const l = serviceLedger({
      service: 'iij-c-soc',
      contracts: [leaving],
      incidents: [],
      outages: [],
      months,
      now: t('2026-06-01T00:00:00+09:00'),
    });
    expect(l.months.map((m) => m.month)).toEqual(['2026-03', '2026-04']);
  });

  it('lists the last N JST months, oldest first', () => {
    // 2026-01-31 20:00 UTC is already 2026-02-01 in Japan.
    expect(recentMonths(t('2026-01-31T20:00:00Z'), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
