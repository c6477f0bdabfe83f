/**
 * The monthly report against the demo world: every figure recomputed here independently — SQL over
 * the raw rows, or the operation of the feature that owns the figure (SLA ledger, contract
 * deadlines) — both before and after the alert rollups catch up, so the rollup and tail paths agree.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_SOURCES, SEVERITIES, THREAT_CLASSES } from '../../../shared/catalog';
import type { ReportSummary } from '../../../shared/ops/reports';
import { monthRange } from '../../../shared/report/month';
import { reportSchema, type Report } from '../../../shared/report/schema';
import { HOUR_MS, jstDayNumber, dayToIsoDate } from '../../../shared/time';
import { catchUpAll } from '../../../electron/services/alerts/derived';
import { FIXED_NOW } from '../helpers';
import { failed, ok, reportApp, type App } from './helpers';

const HOKUTO = ['c-hikari', 'c-kotobuki', 'c-tsubame'];

async function make(app: App, customerId: string | null, month: string, language: 'ja' | 'en') {
  const s = ok<ReportSummary>(
    await app.dispatch('reports.create', { customerId, month, language }),
  );
  return ok<{ summary: ReportSummary; report: Report }>(
    await app.dispatch('reports.get', { reportId: s.reportId }),
  ).report;
}

function alertCounts(app: App, ids: string[], month: string) {
  const r = monthRange(month);
  const q = (select: string) =>
    app.db
      .prepare(
        `SELECT ${select} AS k, count(*) AS n FROM alerts WHERE customer_id IN (${ids.map(() => '?').join(',')})
         AND detected_at >= ? AND detected_at < ? GROUP BY k`,
      )
      .all(...ids, r.startMs, r.endMs) as { k: string; n: number }[];
  const map = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((x) => [x.k, x.n]));
  return {
    total: q("'all'")[0]?.n ?? 0,
    byClass: map(q('threat_class')),
    bySource: map(q('source')),
    bySeverity: map(q('severity')),
    byStatus: map(q('status')),
    byDay: map(q('day')),
    byKillChain: map(q('kill_chain')),
  };
}

const nonZero = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));

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

describe('the SLA, device and contract sections', () => {
  it('show the SLA ledger of the month exactly as the SLA feature computes it', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const r = await make(app, 'c-hikari', '2026-11', 'en');
    expect(r.inProgress).toBe(true);
    const ledger = ok<{
      customers: Array<{
        customerId: string;
        services: Array<{
          service: string;
          coverage: string;
          months: Array<Record<string, unknown>>;
        }>;
      }>;
    }>(await app.dispatch('sla.ledger', { customerId: 'c-hikari', months: 3 }));
    const services = ledger.customers[0]!.services;
    expect(r.sla.map((s) => s.service)).toEqual(services.map((s) => s.service));
    for (const row of r.sla) {
      const s = services.find((x) => x.service === row.service)!;
      const month = s.months.find((m) => m.month === '2026-11')!;
      expect(row.coverage).toBe(s.coverage);
      expect(row.ledger.incidents).toEqual(month.incidents);
      expect(row.ledger.availability).toBe(month.availability);
      expect(row.ledger.guarantee).toBe(month.guarantee);
      expect(row.ledger.creditTotal).toBe(month.creditTotal);
      expect(row.ledger.deadlines).toEqual(
        (month.deadlines as Array<Record<string, unknown>>).map(
          ({ kind, date, daysLeft, state }) => ({
            kind,
            date,
            daysLeft,
            state,
          }),
        ),
      );
    }
    // The demo's November: a 50-minute platform outage and a late notice break the guarantee.
    expect(r.sla.find((s) => s.service === 'iij-c-soc')?.ledger.guarantee).toBe('breached');
    expect(r.summary.points.join(' ')).toContain('The quality guarantee was not met');
  });

  it('measures uptime in hours for a CTS sensor and leaves devices without samples unmeasured', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const r = await make(app, 'c-kotobuki', '2026-11', 'ja');
    const m = monthRange('2026-11');
    const sensor = r.devices.find((d) => d.deviceId === 'd-kotobuki-1')!;
    // From 11/01 00:00 to "now" (11/22 10:00): 21 days and 10 hours, every one finished.
    const expected = (FIXED_NOW - m.startMs) / HOUR_MS;
    const { reported } = app.db
      .prepare(
        `SELECT count(DISTINCT at / 3600000) AS reported FROM health_samples
         WHERE device_id = 'd-kotobuki-1' AND at >= ? AND at < ?`,
      )
      .get(m.startMs, FIXED_NOW) as { reported: number };
    expect(sensor).toMatchObject({ interval: 'hour', expected, reported, status: 'offline' });
    expect(sensor.uptime).toBeCloseTo(reported / expected, 10);
    expect(sensor.uptime).toBeLessThan(1); // silent for the last three hours
    for (const d of r.devices.filter((x) => x.kind === 'ddos' || x.kind === 'vpn')) {
      expect(d).toMatchObject({ uptime: null, expected: 0, endpointsMax: null });
    }
  });

  it('lists the contract deadlines of the next 90 days from the contracts feature', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const r = await make(app, null, '2026-10', 'ja');
    const all = ok<{
      rows: Array<{
        contractId: string;
        kind: string;
        date: string;
        daysLeft: number;
        actionNeeded: boolean;
      }>;
    }>(await app.dispatch('contracts.deadlines', { customerId: null }));
    expect(r.contracts.asOf).toBe('2026-11-22');
    expect(
      r.contracts.rows.map((x) => `${x.contractId}/${x.kind}/${x.date}/${x.actionNeeded}`).sort(),
    ).toEqual(
      all.rows
        .filter((x) => x.daysLeft <= 90)
        .map((x) => `${x.contractId}/${x.kind}/${x.date}/${x.actionNeeded}`)
        .sort(),
    );
  });
});

describe('inquiries and escalations', () => {
  function inquiry(app: App, id: string, fields: Record<string, string | number | null>) {
    const base: Record<string, string | number | null> = {
      id,
      customer_id: 'c-hikari',
      side: 'partner',
      status: 'open',
      channel: 'phone',
      template_id: 't',
      template_version: 1,
      created_at: FIXED_NOW,
      updated_at: FIXED_NOW,
      ...fields,
    };
    const cols = Object.keys(base);
    app.db
      .prepare(
        `INSERT INTO inquiries (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
      )
      .run(...cols.map((c) => base[c]));
  }

  it('counts first answers and escalations on time, late, overdue and pending', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    app.db
      .prepare(`INSERT INTO hearing_templates VALUES ('t', 1, 't', 't', '{}', 'x', 'shipped', ?)`)
      .run(FIXED_NOW);
    const day = (d: number, h: number) =>
      Date.parse(`2026-10-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+09:00`);
    inquiry(app, 'INQ-1', {
      status: 'answered',
      received_at: day(5, 10),
      due_at: day(6, 17),
      first_answer_at: day(5, 15),
      answered_at: day(5, 15),
      on_time: 1,
    });
    inquiry(app, 'INQ-2', {
      status: 'answered',
      received_at: day(7, 10),
      due_at: day(8, 17),
      first_answer_at: day(9, 9),
      answered_at: day(9, 9),
      on_time: 0,
    });
    inquiry(app, 'INQ-3', {
      status: 'second-line-answered',
      received_at: day(12, 9),
      due_at: day(13, 17),
      escalated_at: day(12, 11),
      acknowledged_at: day(12, 12),
      sl_answered_at: day(13, 10),
      first_answer_at: day(13, 10),
      on_time: 1,
    });
    inquiry(app, 'INQ-4', {
      status: 'escalated',
      received_at: day(20, 9),
      due_at: day(21, 17),
      escalated_at: day(20, 11),
    });
    inquiry(app, 'INQ-5', { status: 'refused', received_at: day(22, 9), due_at: day(23, 17) });
    // Another month and the customer's own side are not this report's.
    inquiry(app, 'INQ-6', {
      received_at: Date.parse('2026-11-02T10:00:00+09:00'),
      due_at: FIXED_NOW + 1,
    });
    inquiry(app, 'PRE-1', { side: 'customer', status: 'sent', received_at: day(5, 10) });

    const r = await make(app, 'c-hikari', '2026-10', 'en');
    expect(r.desk).toMatchObject({
      side: 'partner',
      received: 5,
      answeredByPhone: 2,
      escalated: 2,
      refused: 1,
      acknowledged: 1,
      secondLineAnswered: 1,
      firstAnswer: { onTime: 2, late: 1, overdue: 1, pending: 0, rate: 0.5 },
      escalations: { onTime: 1, late: 0, overdue: 1, pending: 0, rate: 0.5 },
      rowsTotal: 5,
    });
    expect(r.desk.rows.map((x) => `${x.id}:${x.outcome}`)).toEqual([
      'INQ-1:on-time',
      'INQ-2:late',
      'INQ-3:on-time',
      'INQ-4:overdue',
      'INQ-5:refused',
    ]);
    expect(r.summary.points).toContain(
      'Of 5 inquiries, 2 received their first answer on time (50% on time).',
    );
    expect(r.summary.points).toContain('2 were escalated to the second-line window.');
  });
});

describe('who may make and see which report', () => {
  it('gives a customer profile its own report only, and hides other reports', async () => {
    const partner = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const hikari = ok<ReportSummary>(
      await partner.dispatch('reports.create', {
        customerId: 'c-hikari',
        month: '2026-10',
        language: 'ja',
      }),
    );
    const portfolio = ok<ReportSummary>(
      await partner.dispatch('reports.create', {
        customerId: null,
        month: '2026-10',
        language: 'ja',
      }),
    );
    // The same store, now used by one customer of the partner.
    ok(await partner.dispatch('session.setProfile', { kind: 'customer', id: 'c-hikari' }));
    const list = ok<{ reports: ReportSummary[] }>(
      await partner.dispatch('reports.list', { customerId: null }),
    );
    expect(list.reports.map((x) => x.reportId)).toEqual([hikari.reportId]);
    expect(
      failed(await partner.dispatch('reports.get', { reportId: portfolio.reportId })).code,
    ).toBe('not_found');
    expect(
      failed(await partner.dispatch('reports.pdf', { reportId: portfolio.reportId })).code,
    ).toBe('not_found');
    expect(
      failed(await partner.dispatch('reports.delete', { reportId: portfolio.reportId })).code,
    ).toBe('not_found');
    expect(
      failed(
        await partner.dispatch('reports.create', {
          customerId: 'c-kotobuki',
          month: '2026-10',
          language: 'ja',
        }),
      ).code,
    ).toBe('forbidden');
    const own = ok<ReportSummary>(
      await partner.dispatch('reports.create', {
        customerId: null,
        month: '2026-10',
        language: 'en',
      }),
    );
    expect(own.kind).toBe('customer');
    expect(own.customers.map((c) => c.id)).toEqual(['c-hikari']);
    const r = ok<{ report: Report }>(
      await partner.dispatch('reports.get', { reportId: own.reportId }),
    ).report;
    // A customer sees the sheets it prepared, not the desk's records.
    expect(r.desk.side).toBe('customer');
  });

  it('refuses a month not yet begun and bad input, with the field named', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-minato' });
    const future = failed(
      await app.dispatch('reports.create', { customerId: null, month: '2026-12', language: 'ja' }),
    );
    expect(future).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'month', message: 'reports:error.futureMonth' }],
    });
    const bad = failed(
      await app.dispatch('reports.create', { customerId: null, month: '2026-13', language: 'fr' }),
    );
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['language', 'month']);
    expect(failed(await app.dispatch('reports.get', { reportId: '../etc' })).code).toBe(
      'invalid_input',
    );
  });

  it('deletes a report and keeps the audit trail (ids only)', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-minato' });
    const s = ok<ReportSummary>(
      await app.dispatch('reports.create', {
        customerId: 'c-aoba',
        month: '2026-10',
        language: 'ja',
      }),
    );
    ok(await app.dispatch('reports.delete', { reportId: s.reportId }));
    expect(app.db.prepare('SELECT count(*) AS n FROM report_customers').get()).toEqual({ n: 0 });
    expect(
      app.db
        .prepare(
          "SELECT action, actor, customer_id AS c, to_value AS v FROM audit_log WHERE entity = 'report' ORDER BY id",
        )
        .all(),
    ).toEqual([
      { action: 'report.create', actor: 'partner:p-minato', c: 'c-aoba', v: 'customer:2026-10:ja' },
      { action: 'report.delete', actor: 'partner:p-minato', c: 'c-aoba', v: null },
    ]);
    expect(failed(await app.dispatch('reports.get', { reportId: s.reportId })).code).toBe(
      'not_found',
    );
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
