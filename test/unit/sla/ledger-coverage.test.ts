import { describe, expect, it } from 'vitest';
import { recentMonths, serviceLedger } from '../../../shared/sla-ledger';
import {
  HOUR,
  basic,
  basicFw,
  contract,
  ddosE,
  ddosX,
  firewall,
  incident,
  outage,
  t,
} from './ledger-fixtures';

// Hand-computed cases for the SLA ledger (000 第11条, 第15条, 別紙1, 別紙4; 004 第14条, 別紙3).
// Every expected figure below is worked out in the comment beside it, not by calling the code.

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
