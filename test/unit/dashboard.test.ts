import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../shared/api';
import { OPEN_ALERT_STATUSES, SEVERITIES } from '../../shared/catalog';
import { generateWorld } from '../../shared/demo';
import { DAY_MS, jstDayNumber } from '../../shared/time';
import type { Result } from '../../shared/result';
import { FIXED_NOW, testApp } from './helpers';

async function summary(
  app: ReturnType<typeof testApp>,
  input: { customerId: string | null; days: 30 | 90 },
) {
  const r = (await app.dispatch('dashboard.summary', input)) as Result<DashboardSummary>;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

// The expected figures come from the generated world itself (plain JavaScript over the same data),
// not from SQL, so a wrong query or a wrong day column would show.
const world = generateWorld({ now: FIXED_NOW });
const alertsOf = (ids: string[]) => world.alerts.filter((a) => ids.includes(a.customerId));

describe('dashboard.summary', () => {
  it.each([
    ['partner p-minato, all customers', 'p-minato', null],
    ['partner p-hokuto, one customer', 'p-hokuto', 'c-hikari'],
  ] as const)('matches the data for %s', async (_label, partnerId, customerId) => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'partner', id: partnerId });
    const ids = customerId
      ? [customerId]
      : world.customers.filter((c) => c.partnerId === partnerId).map((c) => c.id);
    const s = await summary(app, { customerId, days: 30 });
    const alerts = alertsOf(ids);
    const open = alerts.filter((a) => OPEN_ALERT_STATUSES.includes(a.status));
    expect(s.openTotal).toBe(open.length);
    for (const sev of SEVERITIES)
      expect(s.openBySeverity[sev]).toBe(open.filter((a) => a.severity === sev).length);
    expect(s.newLast24h).toBe(alerts.filter((a) => a.detectedAt > FIXED_NOW - DAY_MS).length);
    const today = jstDayNumber(FIXED_NOW);
    expect(s.perDay).toHaveLength(30);
    expect(s.perDay[0]?.day).toBe(today - 29);
    expect(s.perDay.at(-1)?.day).toBe(today);
    const inPeriod = alerts.filter((a) => jstDayNumber(a.detectedAt) >= today - 29);
    expect(s.perDay.reduce((n, d) => n + d.bySource.cts + d.bySource.csoc, 0)).toBe(
      inPeriod.length,
    );
    const todays = inPeriod.filter((a) => jstDayNumber(a.detectedAt) === today);
    expect(s.perDay.at(-1)?.byClass['recon']).toBe(
      todays.filter((a) => a.threatClass === 'recon').length,
    );
    expect(s.devices.total).toBe(world.devices.filter((d) => ids.includes(d.customerId)).length);
    expect(s.contracts.total).toBe(
      world.contracts.filter((k) => ids.includes(k.customerId)).length,
    );
    const hostCounts = new Map<string, number>();
    for (const a of inPeriod)
      for (const h of a.hosts)
        hostCounts.set(`${a.customerId}/${h}`, (hostCounts.get(`${a.customerId}/${h}`) ?? 0) + 1);
    const top = Math.max(...hostCounts.values());
    expect(s.topHosts[0]?.count).toBe(top);
    expect(s.topHosts.every((h, i, all) => i === 0 || all[i - 1]!.count >= h.count)).toBe(true);
  });

  it('counts the days in Japan time (an alert at 23:30 JST belongs to that JST day)', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-aoba' });
    const before = await summary(app, { customerId: null, days: 30 });
    // 2026-11-21 23:30 JST is 14:30 UTC the same day; 2026-11-22 00:30 JST is 15:30 UTC on the 21st.
    const late = Date.parse('2026-11-21T23:30:00+09:00');
    const early = Date.parse('2026-11-22T00:30:00+09:00');
    const insert = app.db.prepare(
      `INSERT INTO alerts (source, source_id, customer_id, threat_class, threat_kind, severity, source_severity, important,
        title_ja, title_en, description_ja, description_en, detected_at, first_seen, last_seen, count, day, status)
       VALUES ('cts', ?, 'c-aoba', 'recon', 'recon-access', 'low', 'Low', 0, 't', 't', 'd', 'd', ?, ?, ?, 1, ?, 'new')`,
    );
    insert.run('T-late', late, late, late, jstDayNumber(late));
    insert.run('T-early', early, early, early, jstDayNumber(early));
    const after = await summary(app, { customerId: null, days: 30 });
    const day = (d: DashboardSummary, iso: string) =>
      d.perDay.find((x) => x.day === jstDayNumber(Date.parse(`${iso}T12:00:00+09:00`)))!;
    expect(day(after, '2026-11-21').byClass.recon - day(before, '2026-11-21').byClass.recon).toBe(
      1,
    );
    expect(day(after, '2026-11-22').byClass.recon - day(before, '2026-11-22').byClass.recon).toBe(
      1,
    );
  });
});

describe('scope', () => {
  it('needs a profile first', async () => {
    const app = testApp();
    expect(await app.dispatch('dashboard.summary', { customerId: null, days: 30 })).toMatchObject({
      ok: false,
      error: { code: 'no_profile' },
    });
  });

  it.each([
    ['a customer asking for another customer', { kind: 'customer', id: 'c-aoba' }, 'c-sakuragawa'],
    [
      "a partner asking for another partner's customer",
      { kind: 'partner', id: 'p-minato' },
      'c-hikari',
    ],
    [
      'anyone asking for a customer that does not exist',
      { kind: 'partner', id: 'p-minato' },
      'c-nobody',
    ],
  ] as const)('refuses %s', async (_label, profile, customerId) => {
    const app = testApp();
    await app.dispatch('session.setProfile', profile);
    expect(await app.dispatch('dashboard.summary', { customerId, days: 30 })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'errors:forbidden' },
    });
  });

  it('limits a customer to its own data and a partner to its own customers', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-aoba' });
    expect(await app.dispatch('customers.list', {})).toMatchObject({
      ok: true,
      value: [{ id: 'c-aoba' }],
    });
    const own = await summary(app, { customerId: null, days: 90 });
    expect(own.topHosts.every((h) => h.customerId === 'c-aoba')).toBe(true);
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-hokuto' });
    const r = (await app.dispatch('customers.list', {})) as Result<Array<{ id: string }>>;
    expect(r.ok && r.value.map((c) => c.id).sort()).toEqual([
      'c-hikari',
      'c-kotobuki',
      'c-tsubame',
    ]);
  });

  it('refuses a profile that does not exist', async () => {
    const app = testApp();
    expect(
      await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-nobody' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
