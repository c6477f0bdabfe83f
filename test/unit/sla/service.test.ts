import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../../shared/demo';
import type { SlaLedgerResult } from '../../../shared/ops/sla';
import type { Result } from '../../../shared/result';
import { guaranteeClaimDeadline, jstDateOf, notifiedWithinSla } from '../../../shared/rules';
import { FIXED_NOW, testApp } from '../helpers';

const world = generateWorld({ now: FIXED_NOW });
const CURRENT = jstDateOf(FIXED_NOW).slice(0, 7); // 2026-11

async function ledger(kind: 'customer' | 'partner', id: string, months: 3 | 6 | 12 = 6) {
  const app = testApp();
  await app.dispatch('session.setProfile', { kind, id });
  const r = (await app.dispatch('sla.ledger', {
    customerId: null,
    months,
  })) as Result<SlaLedgerResult>;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('sla.ledger on the demo world', () => {
  it('counts important C-SOC incidents per JST month and those notified within 15 minutes', async () => {
    const l = await ledger('customer', 'c-kawasemi');
    const csoc = l.customers[0]!.services.find((s) => s.service === 'iij-c-soc')!;
    for (const m of csoc.months) {
      const inMonth = world.alerts.filter(
        (a) =>
          a.customerId === 'c-kawasemi' &&
          a.important &&
          jstDateOf(a.detectedAt).startsWith(m.month),
      );
      const within = inMonth.filter((a) =>
        notifiedWithinSla({
          detectedAt: new Date(a.detectedAt).toISOString(),
          notifiedAt: new Date(a.notifiedAt!).toISOString(),
        }),
      ).length;
      expect(m.incidents).toEqual({
        important: inMonth.length,
        within,
        late: inMonth.length - within,
        pending: 0,
      });
    }
  });

  it('shows a month with a late notification, its credit and a near claim deadline (000 第15条2)', async () => {
    const l = await ledger('customer', 'c-kawasemi');
    const m = l.customers[0]!.services[0]!.months.find((x) => x.month === CURRENT)!;
    expect(m.incidents!.late).toBeGreaterThan(0);
    expect(m.guarantee).toBe('breached');
    expect(m.creditTotal).toBe(m.credits.reduce((n, c) => n + c.amount, 0));
    // Each breached contract loses a tenth of its monthly fee (000 別紙4 2), nothing else here.
    for (const c of m.credits) expect(c.amount).toBe(Math.floor(c.monthlyFee / 10));
    expect(m.deadlines).toEqual([
      {
        kind: 'guarantee',
        date: guaranteeClaimDeadline({ month: CURRENT }),
        daysLeft: 23,
        state: 'near',
        outageId: null,
      },
    ]);
    expect(m.claimNear).toBe(true);
  });

  it('breaks the availability guarantee with the demo platform outage (50 min > 43.2)', async () => {
    const l = await ledger('customer', 'c-hikari');
    const csoc = l.customers[0]!.services.find((s) => s.service === 'iij-c-soc')!;
    const m = csoc.months.find((x) => x.month === CURRENT)!;
    expect(m.outageMinutes).toBe(50);
    expect(m.availabilityBreached).toBe(true);
    expect(m.breaches).toContain('availability');
    // Every fee-paying C-SOC contract of Hikari is breached: a tenth of each fee.
    const fees = world.contracts
      .filter(
        (k) => k.customerId === 'c-hikari' && k.service === 'iij-c-soc' && k.monthlyFee !== null,
      )
      .map((k) => Math.floor(k.monthlyFee! / 10));
    expect(m.creditTotal).toBe(fees.reduce((a, b) => a + b, 0));
    const ddos = l.customers[0]!.services.find((s) => s.service === 'iij-ddos')!;
    expect(ddos.coverage).toBe('none');
    const withCredit = ddos.months.filter((x) => x.creditTotal > 0);
    expect(withCredit.map((x) => x.creditTotal)).toEqual([165_000 / 30]);
    expect(withCredit[0]!.deadlines[0]).toMatchObject({ kind: 'unavailability', state: 'open' });
  });

  it('shows Basic without a guarantee, but with the unavailability credit of its long outage', async () => {
    const l = await ledger('customer', 'c-tsubame');
    const csoc = l.customers[0]!.services[0]!;
    expect(csoc.coverage).toBe('basic');
    expect(csoc.months.every((m) => m.guarantee === 'none' && m.breaches.length === 0)).toBe(true);
    const credited = csoc.months.filter((m) => m.creditTotal > 0);
    // 25 h from when IIJ knew → 1 day: 110,000/30 + 77,000/30 + 55,000/30, each floored.
    expect(credited.map((m) => m.creditTotal)).toEqual([3_666 + 2_566 + 1_833]);
  });

  it('leaves out customers without C-SOC or DDoS, and shows a partner only its customers', async () => {
    expect((await ledger('customer', 'c-aoba')).customers).toEqual([]);
    const minato = await ledger('partner', 'p-minato', 3);
    expect(minato.customers.map((c) => c.customerId)).toEqual(['c-kawasemi']);
    expect(minato.customers[0]!.services[0]!.months).toHaveLength(3);
  });
});
