/**
 * Who may make and see which monthly report (a customer profile: its own only), input refused with
 * the field named, and deletion that keeps the audit trail.
 */
import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../shared/ops/reports';
import type { Report } from '../../../shared/report/schema';
import { failed, ok, reportApp } from './helpers';

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
