import { describe, expect, it } from 'vitest';
import { HOUR, MIN, april, incident, outage, premium, t } from './ledger-fixtures';

// Hand-computed cases for the SLA ledger (000 第11条, 第15条, 別紙1, 別紙4; 004 第14条, 別紙3).
// Every expected figure below is worked out in the comment beside it, not by calling the code.

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
