/**
 * The one large table of a report: every alert of its period and customers, as CSV in the report's
 * language (RFC 4180, UTF-8 with a BOM). Streamed to a file a page at a time (csv-stream.ts: one
 * page in memory, no half file left behind) — the main process answers other requests between
 * pages — with `job.progress` events, and cancellable; the `job.finished` event carries the
 * FileRef. The small tables are written at once (outputs.ts).
 */
import { randomBytes } from 'node:crypto';
import { csvRow } from '../../../shared/csv';
import { monthRange } from '../../../shared/report/month';
import type { Report } from '../../../shared/report/schema';
import { translator } from '../../../shared/report/text';
import { apiError, ok, type Result } from '../../../shared/result';
import { formatDateTime } from '../../../shared/time';
import type { Db } from '../../store/database';
import type { ServiceContext } from '../context';
import { hiddenSql } from '../alerts/hidden';
import { placeholders } from '../scope';
import { writeCsvFile } from './csv-stream';

const PAGE = 2000;
const COLUMNS = [
  'customer',
  'detectedAt',
  'source',
  'module',
  'severity',
  'class',
  'kind',
  'title',
  'hosts',
  'status',
  'notifiedAt',
  'important',
  'sourceId',
] as const;

const jobs = new WeakMap<Db, Map<string, () => void>>();
const registry = (db: Db) => {
  let m = jobs.get(db);
  if (!m) jobs.set(db, (m = new Map<string, () => void>()));
  return m;
};

export function cancelJob(ctx: ServiceContext, jobId: string): void {
  registry(ctx.db).get(jobId)?.();
}

interface Row {
  id: number;
  customer_id: string;
  detected_at: number;
  source: string;
  module: string | null;
  severity: string;
  threat_class: string;
  threat_kind: string;
  title_ja: string;
  title_en: string;
  hosts: string;
  status: string;
  notified_at: number | null;
  important: number;
  source_id: string;
}

export function startAlertsExport(ctx: ServiceContext, report: Report): { jobId: string } {
  const jobId = randomBytes(12).toString('base64url');
  const db = ctx.db;
  const ids = report.customers.map((c) => c.id);
  const range = monthRange(report.month);
  const lang = report.language;
  const t = translator(lang);
  const names = new Map(report.customers.map((c) => [c.id, c.name[lang]]));
  let stop = false;
  registry(db).set(jobId, () => (stop = true));
  const out = ctx.files.createOutput(`${report.reportId}-alerts.csv`, ids);
  const { total } = db
    .prepare(
      `SELECT count(*) AS total FROM alerts WHERE customer_id IN (${placeholders(ids)})
       AND detected_at >= ? AND detected_at < ?${hiddenSql(db, 'id')}`,
    )
    .get(...ids, range.startMs, range.endMs) as { total: number };
  // Keyset paging per customer over the (customer_id, detected_at, id) index.
  const page = db.prepare(
    `SELECT id, customer_id, detected_at, source, module, severity, threat_class, threat_kind,
            title_ja, title_en, hosts, status, notified_at, important, source_id
     FROM alerts WHERE customer_id = ? AND detected_at < ?
       AND (detected_at > ? OR (detected_at = ? AND id > ?))${hiddenSql(db, 'id')}
     ORDER BY detected_at, id LIMIT ${PAGE}`,
  );
  const line = (a: Row) =>
    csvRow([
      names.get(a.customer_id) ?? a.customer_id,
      formatDateTime(a.detected_at),
      t(`catalog:sourceShort.${a.source}`),
      a.module,
      t(`catalog:severity.${a.severity}`),
      t(`catalog:threatClass.${a.threat_class}`),
      a.threat_kind,
      lang === 'ja' ? a.title_ja : a.title_en,
      (JSON.parse(a.hosts) as string[]).join(' '),
      t(`catalog:status.${a.status}`),
      a.notified_at === null ? null : formatDateTime(a.notified_at),
      a.important === 1 ? t('reports:csv.alerts.yes') : null,
      a.source_id,
    ]);

  const run = async () => {
    const header = COLUMNS.map((c) => t(`reports:csv.alerts.${c}`));
    await writeCsvFile(out.path, header, async (write) => {
      let done = 0;
      for (const id of ids) {
        let at = range.startMs - 1;
        let last = Number.MAX_SAFE_INTEGER;
        for (;;) {
          // One page per turn of the event loop: other requests are answered in between.
          await new Promise((resolve) => setImmediate(resolve));
          if (stop) throw new Error('cancelled');
          const rows = page.all(id, range.endMs, at, at, last) as Row[];
          if (rows.length === 0) break;
          await write(rows.map(line).join(''));
          done += rows.length;
          ctx.emit('job.progress', { jobId, kind: 'reports.exportAlerts', done, total });
          const end = rows[rows.length - 1]!;
          at = end.detected_at;
          last = end.id;
          if (rows.length < PAGE) break;
        }
      }
    });
    return out.commit();
  };
  const finish = (result: Result<unknown>) => {
    registry(db).delete(jobId);
    ctx.emit('job.finished', { jobId, kind: 'reports.exportAlerts', result });
  };
  run().then(
    (ref) => finish(ok(ref)),
    (e: unknown) => {
      const cancelled = e instanceof Error && e.message === 'cancelled';
      finish({
        ok: false,
        error: apiError(cancelled ? 'conflict' : 'internal', {
          message: cancelled ? 'reports:csv.cancelled' : 'reports:csv.failed',
        }),
      });
    },
  );
  return { jobId };
}
