/**
 * Shared by the service-*.test.ts files: the monthly report made through the operations, and the
 * alert figures recomputed independently by SQL over the raw rows to check it against.
 */
import type { ReportSummary } from '../../../shared/ops/reports';
import { monthRange } from '../../../shared/report/month';
import type { Report } from '../../../shared/report/schema';
import { ok, type App } from './helpers';

export const HOKUTO = ['c-hikari', 'c-kotobuki', 'c-tsubame'];

export async function make(
  app: App,
  customerId: string | null,
  month: string,
  language: 'ja' | 'en',
) {
  const s = ok<ReportSummary>(
    await app.dispatch('reports.create', { customerId, month, language }),
  );
  return ok<{ summary: ReportSummary; report: Report }>(
    await app.dispatch('reports.get', { reportId: s.reportId }),
  ).report;
}

export function alertCounts(app: App, ids: string[], month: string) {
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

export const nonZero = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));
