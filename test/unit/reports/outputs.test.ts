/**
 * What a report is saved as: CSV bytes (BOM, CRLF, RFC 4180 quoting, Japanese, formula
 * neutralising), the PDF printed once from the print route and kept, and the streamed CSV of every
 * alert of the month with its progress events.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayloads, FileRef } from '../../../shared/api';
import type { ReportSummary } from '../../../shared/ops/reports';
import { monthRange } from '../../../shared/report/month';
import type { Report } from '../../../shared/report/schema';
import { REPORT_TABLES } from '../../../shared/report/tables';
import type { Result } from '../../../shared/result';
import { alertWriter } from '../../../electron/store/alerts';
import { bytesOf, failed, FAKE_PDF, ok, reportApp, testAlert, type App } from './helpers';

async function made(app: App, customerId: string | null, language: 'ja' | 'en', month = '2026-10') {
  return ok<ReportSummary>(await app.dispatch('reports.create', { customerId, month, language }));
}

/** 30 alerts on a host whose name holds a comma, quotes and a formula; titles with a line break. */
function awkwardAlerts(app: App) {
  const at = Date.parse('2026-10-15T12:00:00+09:00');
  const write = alertWriter(app.db);
  for (let i = 0; i < 30; i++)
    write(
      testAlert('c-sakuragawa', `CTS-AWKWARD-${i}`, at, {
        titleJa: '偵察通信, "引用" と\n改行',
        titleEn: 'Recon, "quoted" and\nbroken',
        descriptionJa: 'x',
        descriptionEn: 'x',
        hosts: ['=HYPERLINK("x"),"pc"'],
      }),
    );
}

describe('CSV of a report table', () => {
  it('is UTF-8 with a BOM, CRLF line ends, headers and labels in the report’s language', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-minato' });
    const s = await made(app, null, 'ja');
    const ref = ok<FileRef>(
      await app.dispatch('reports.csv', { reportId: s.reportId, table: 'alerts-breakdown' }),
    );
    const bytes = bytesOf(app, ref);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('観点,項目,件数,割合（%）');
    expect(text).toContain('\r\n重要度,緊急,');
    expect(text).toContain('\r\n分類,偵察通信,');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(ref.name).toBe(`${s.reportId}-alerts-breakdown.csv`);
    const report = ok<{ report: Report }>(
      await app.dispatch('reports.get', { reportId: s.reportId }),
    ).report;
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows.find((r) => r[0] === '重要度' && r[1] === '高')?.[2]).toBe(
      String(report.alerts.bySeverity.high),
    );
  });

  it('quotes commas, quotes and line breaks, and neutralises formulas (RFC 4180, OWASP)', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-minato' });
    awkwardAlerts(app);
    const s = await made(app, 'c-sakuragawa', 'en');
    const text = bytesOf(
      app,
      ok<FileRef>(await app.dispatch('reports.csv', { reportId: s.reportId, table: 'top-hosts' })),
    ).toString('utf8');
    // The host is quoted, its quotes doubled, and the leading = defused with an apostrophe.
    expect(text).toContain(
      `\r\n1,"'=HYPERLINK(""x""),""pc""","Sakuragawa Precision Co., Ltd.",30\r\n`,
    );
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Rank', 'Host', 'Customer', 'Alerts']);
    expect(rows[1]).toEqual(['1', `'=HYPERLINK("x"),"pc"`, 'Sakuragawa Precision Co., Ltd.', '30']);
    // The streamed list of alerts: a title with a comma, quotes and a line break stays one field.
    let done: (r: Result<unknown>) => void = () => undefined;
    const finished = new Promise<Result<unknown>>((r) => (done = r));
    app.ctx.emit = (event, payload) => {
      if (event === 'job.finished') done((payload as EventPayloads['job.finished']).result);
    };
    ok(await app.dispatch('reports.exportAlerts', { reportId: s.reportId }));
    const all = bytesOf(app, ok<FileRef>(await finished)).toString('utf8');
    expect(all).toContain(',"Recon, ""quoted"" and\nbroken",');
    const parsed = Papa.parse<string[]>(all.slice(1), { skipEmptyLines: true }).data;
    expect(parsed.filter((r) => r[7] === 'Recon, "quoted" and\nbroken')).toHaveLength(30);
  });

  it('exists for every table of a report, and the portfolio table only for a portfolio', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const portfolio = await made(app, null, 'ja');
    const single = await made(app, 'c-hikari', 'en');
    for (const table of REPORT_TABLES) {
      const r = await app.dispatch('reports.csv', { reportId: portfolio.reportId, table });
      const text = bytesOf(app, ok<FileRef>(r)).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.split('\r\n').length).toBeGreaterThan(1);
    }
    expect(
      failed(await app.dispatch('reports.csv', { reportId: single.reportId, table: 'portfolio' }))
        .code,
    ).toBe('not_found');
    const sla = bytesOf(
      app,
      ok<FileRef>(
        await app.dispatch('reports.csv', { reportId: portfolio.reportId, table: 'sla' }),
      ),
    ).toString('utf8');
    expect(sla).toContain('つばめ食品株式会社,IIJ C-SOC サービス,ベーシック（品質保証の対象外）');
  });
});

describe('PDF of a report', () => {
  it('prints the report’s own print route once, then hands out the kept PDF', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-minato' });
    const s = await made(app, 'c-aoba', 'ja');
    const first = ok<FileRef>(await app.dispatch('reports.pdf', { reportId: s.reportId }));
    const second = ok<FileRef>(await app.dispatch('reports.pdf', { reportId: s.reportId }));
    expect(app.printed).toEqual([`/print/report/${s.reportId}`]);
    expect(bytesOf(app, first).equals(FAKE_PDF)).toBe(true);
    expect(bytesOf(app, second).equals(FAKE_PDF)).toBe(true);
    expect(first.name).toBe(`${s.reportId}.pdf`);
    const list = ok<{ reports: ReportSummary[] }>(
      await app.dispatch('reports.list', { customerId: null }),
    );
    expect(list.reports[0]?.pdfReady).toBe(true);
  });

  it('fails with a translated error where no printer exists, and keeps the report', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-minato' });
    app.ctx.pdf = null;
    const s = await made(app, 'c-aoba', 'ja');
    expect(failed(await app.dispatch('reports.pdf', { reportId: s.reportId }))).toMatchObject({
      code: 'unavailable',
      message: 'errors:pdf_unavailable',
    });
    expect(failed(await app.dispatch('reports.bundle', { reportId: s.reportId })).code).toBe(
      'unavailable',
    );
    expect(
      ok<{ report: Report }>(await app.dispatch('reports.get', { reportId: s.reportId })).report
        .reportId,
    ).toBe(s.reportId);
  });
});

describe('every alert of the month as CSV (streamed)', () => {
  function events(app: App) {
    const seen: Array<{ event: EventName; payload: EventPayloads[EventName] }> = [];
    let resolve: (r: Result<unknown>) => void = () => undefined;
    const finished = new Promise<Result<unknown>>((r) => (resolve = r));
    app.ctx.emit = (event, payload) => {
      seen.push({ event, payload });
      if (event === 'job.finished') resolve((payload as EventPayloads['job.finished']).result);
    };
    return { seen, finished };
  }

  it('writes one row per alert with progress, in the report’s language', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const s = await made(app, null, 'ja');
    const { seen, finished } = events(app);
    const { jobId } = ok<{ jobId: string }>(
      await app.dispatch('reports.exportAlerts', { reportId: s.reportId }),
    );
    const result = await finished;
    const ref = ok<FileRef>(result);
    const m = monthRange('2026-10');
    const { n } = app.db
      .prepare(
        `SELECT count(*) AS n FROM alerts WHERE customer_id IN ('c-hikari','c-kotobuki','c-tsubame')
         AND detected_at >= ? AND detected_at < ?`,
      )
      .get(m.startMs, m.endMs) as { n: number };
    const text = bytesOf(app, ref).toString('utf8');
    expect(text.startsWith('\uFEFF顧客,検知日時,監視サービス,モジュール,重要度,分類,')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(n + 1);
    expect(new Set(rows.slice(1).map((r) => r[12])).size).toBe(n); // no alert twice
    expect(rows.slice(1).every((r) => r[1]!.startsWith('2026/10/'))).toBe(true);
    const progress = seen
      .filter((e) => e.event === 'job.progress')
      .map((e) => e.payload as EventPayloads['job.progress']);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.jobId === jobId && p.total === n)).toBe(true);
    expect(progress.at(-1)?.done).toBe(n);
  });

  it('stops when cancelled and leaves no file', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const s = await made(app, null, 'en');
    const { finished } = events(app);
    const { jobId } = ok<{ jobId: string }>(
      await app.dispatch('reports.exportAlerts', { reportId: s.reportId }),
    );
    ok(await app.dispatch('reports.cancelJob', { jobId }));
    expect(failed(await finished)).toMatchObject({
      code: 'conflict',
      message: 'reports:csv.cancelled',
    });
  });
});
