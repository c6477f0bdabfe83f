/**
 * The monthly report against the demo world, its alert figures and the executive summary written
 * from them: every figure recomputed here independently by SQL over the raw rows, both before and
 * after the alert rollups catch up, so the rollup and tail paths agree.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_SOURCES, SEVERITIES, THREAT_CLASSES } from '../../../shared/catalog';
import { monthRange } from '../../../shared/report/month';
import { reportSchema } from '../../../shared/report/schema';
import { jstDayNumber, dayToIsoDate } from '../../../shared/time';
import { catchUpAll } from '../../../electron/services/alerts/derived';
import { reportApp } from './helpers';
import { HOKUTO, alertCounts, make, nonZero } from './service-setup';

describe('portfolio report of a partner (p-hokuto, October 2026)', () => {
  it('counts alerts exactly as the rows say, through the rollups and the tail alike', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const expected = alertCounts(app, HOKUTO, '2026-10');
    expect(expected.total).toBeGreaterThan(100);
    for (const pass of ['tail', 'rollups'] as const) {
      if (pass === 'rollups') catchUpAll(app.db);
      const r = await make(app, null, '2026-10', 'ja');
      expect(reportSchema.parse(r)).toEqual(r);
      expect(r.kind).toBe('portfolio');
      expect(r.customers.map((c) => c.id)).toEqual(HOKUTO);
      expect(r.partner?.id).toBe('p-hokuto');
      expect(r.inProgress).toBe(false);
      expect(r.alerts.total).toBe(expected.total);
      expect(nonZero(r.alerts.byClass)).toEqual(expected.byClass);
      expect(nonZero(r.alerts.bySource)).toEqual(expected.bySource);
      expect(nonZero(r.alerts.bySeverity)).toEqual(expected.bySeverity);
      expect(nonZero(r.alerts.byStatus)).toEqual(expected.byStatus);
      expect(r.alerts.days).toHaveLength(31);
      for (const d of r.alerts.days) {
        const day = Math.floor(Date.parse(`${d.date}T00:00:00Z`) / 86_400_000);
        const total = ALERT_SOURCES.reduce((n, s) => n + d.bySource[s], 0);
        expect(total).toBe(expected.byDay[day] ?? 0);
        expect(THREAT_CLASSES.reduce((n, c) => n + d.byClass[c], 0)).toBe(total);
      }
      expect(r.alerts.previousTotal).toBe(alertCounts(app, HOKUTO, '2026-09').total);
      expect(r.alerts.months.map((m) => m.month)).toEqual([
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
      ]);
      expect(r.alerts.months.map((m) => m.total)).toEqual(
        r.alerts.months.map((m) => alertCounts(app, HOKUTO, m.month).total),
      );
      // Attack stages: the demo's alerts all carry the stage their source reported.
      const reported = Object.fromEntries(r.killChain.phases.map((p) => [p.phase, p.reported]));
      expect(nonZero(reported)).toEqual(expected.byKillChain);
    }
  });

  it('lists the hosts with the most alerts as the host rows say', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const m = monthRange('2026-10');
    const expected = app.db
      .prepare(
        `SELECT host, customer_id AS customerId, count(*) AS count FROM alert_hosts
         WHERE customer_id IN ('c-hikari','c-kotobuki','c-tsubame') AND day BETWEEN ? AND ?
         GROUP BY customer_id, host ORDER BY count DESC, host, customer_id LIMIT 10`,
      )
      .all(m.firstDay, m.lastDay);
    const r = await make(app, null, '2026-10', 'en');
    expect(r.topHosts).toEqual(expected);
  });

  it('has one portfolio row per customer that agrees with the sections', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const r = await make(app, null, '2026-10', 'ja');
    expect(r.portfolio?.map((p) => p.customerId)).toEqual(HOKUTO);
    for (const p of r.portfolio ?? []) {
      const c = alertCounts(app, [p.customerId], '2026-10');
      expect(p.alerts).toBe(c.total);
      expect(p.criticalHigh).toBe((c.bySeverity.critical ?? 0) + (c.bySeverity.high ?? 0));
      expect(p.devices).toBe(r.devices.filter((d) => d.customerId === p.customerId).length);
      expect(p.creditTotal).toBe(
        r.sla
          .filter((s) => s.customerId === p.customerId)
          .reduce((n, s) => n + s.ledger.creditTotal, 0),
      );
      expect(p.deadlines).toBe(
        r.contracts.rows.filter((d) => d.customerId === p.customerId).length,
      );
    }
  });
});

describe('the executive summary', () => {
  it('is written from the figures, in the report’s language', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-minato' });
    const ja = await make(app, 'c-sakuragawa', '2026-10', 'ja');
    const en = await make(app, 'c-sakuragawa', '2026-10', 'en');
    const c = alertCounts(app, ['c-sakuragawa'], '2026-10');
    const prev = alertCounts(app, ['c-sakuragawa'], '2026-09').total;
    expect(ja.summary.headline).toBe(
      `2026年10月に検知されたアラートは ${c.total} 件で、前月（${prev} 件）から${Math.round(((prev - c.total) / prev) * 100)}% 減りました。`,
    );
    expect(en.summary.headline).toContain(`${c.total} alerts were detected in October 2026`);
    const urgent = (c.bySeverity.critical ?? 0) + (c.bySeverity.high ?? 0);
    expect(ja.summary.points).toContain(
      `重要度が「緊急」または「高」のアラートは ${urgent} 件でした。`,
    );
    // The most frequent class is explained with the knowledge base's plain words.
    const top = Object.entries(c.byClass).sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('malicious-site');
    expect(ja.summary.points.join('')).toContain('最も多かった分類は「不正サイトアクセス」');
    expect(ja.summary.points.join('')).toContain('危険なWebサイトにアクセスした通信です。');
    // Not a word of the other language in either.
    expect(ja.summary.points.join('')).not.toMatch(/\b(alerts|the)\b/);
    expect(en.summary.points.join('')).not.toMatch(/[ぁ-んァ-ン]/);
  });

  it('says so when a month had nothing', async () => {
    const app = await reportApp(
      { kind: 'partner', id: 'p-minato' },
      { now: Date.parse('2026-11-22T10:00:00+09:00') },
    );
    // Alerts are kept 90 days: May 2026 has none.
    const r = await make(app, 'c-aoba', '2026-05', 'ja');
    expect(r.alerts.total).toBe(0);
    expect(r.summary.headline).toBe('2026年5月に検知されたアラートはありませんでした。');
    expect(dayToIsoDate(jstDayNumber(r.generatedAt))).toBe('2026-11-22');
    expect(SEVERITIES.every((s) => r.alerts.bySeverity[s] === 0)).toBe(true);
  });
});
