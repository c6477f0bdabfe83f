/**
 * CSV export of any queue view, streamed to a file page by page (reports/csv-stream.ts: one page in
 * memory, no half file left behind; the main process answers other requests between pages), with
 * progress events; the result is a FileRef the renderer saves with `saveFile`. The header uses the
 * import field names, so an exported file imports back as it is.
 */
import { csvRow } from '../../../shared/csv';
import { CSV_FIELDS } from '../../../shared/import';
import type { AlertFilter, AlertSort } from '../../../shared/ops/alerts';
import { apiError, ok, type Result } from '../../../shared/result';
import { jstIsoDate, toJstIso } from '../../../shared/time';
import type { ServiceContext } from '../context';
import { writeCsvFile } from '../reports/csv-stream';
import { resolveFilter } from './filter';
import { addJob, newJobId, removeJob } from './jobs';
import { queryPage, viewCount } from './query';

interface ExportRecord {
  [k: string]: string | number | null;
}

const PAGE = 1000;

const time = (ms: unknown) => (typeof ms === 'number' ? toJstIso(ms) : null);
const list = (v: unknown) => (JSON.parse(String(v)) as string[]).join(';');

/** One alert as a record in the import format's fields, then the customer's name. */
function exportRow(a: ExportRecord): string {
  const value: Record<(typeof CSV_FIELDS)[number], string | number | null> = {
    sourceId: a.source_id!,
    source: a.source!,
    customerId: a.customer_id!,
    threatKind: a.threat_kind!,
    severity: a.source_severity!,
    detectedAt: time(a.detected_at),
    titleJa: a.title_ja!,
    titleEn: a.title_en!,
    descriptionJa: a.description_ja!,
    descriptionEn: a.description_en!,
    originalText: a.original_text ?? null,
    notifiedAt: time(a.notified_at),
    firstSeen: time(a.first_seen),
    lastSeen: time(a.last_seen),
    count: a.count!,
    status: a.status!,
    important: a.important === 1 ? 'true' : 'false',
    module: a.module ?? null,
    threatClass: a.threat_class!,
    killChain: a.kill_chain ?? null,
    tactic: a.tactic ?? null,
    hosts: list(a.hosts),
    indicators: list(a.indicators),
  };
  return csvRow([...CSV_FIELDS.map((f) => value[f]), a.customer_name ?? null]);
}

export function startExport(
  ctx: ServiceContext,
  filter: AlertFilter,
  sort: AlertSort,
): { jobId: string } {
  const r = resolveFilter(ctx, filter);
  const jobId = newJobId();
  let stop = false;
  addJob(ctx.db, { id: jobId, kind: 'export', cancel: () => (stop = true) });
  const now = ctx.clock.now();
  const out = ctx.files.createOutput(`soc-desk-alerts-${jstIsoDate(now)}.csv`, r.customers);
  const total = viewCount(ctx.db, r, filter).count;
  const finish = (result: Result<unknown>) => {
    removeJob(ctx.db, jobId);
    ctx.emit('job.finished', { jobId, kind: 'alerts.export', result });
  };
  const run = async () => {
    const select = ctx.db.prepare(
      `SELECT a.*, c.name_ja AS customer_name FROM alerts a JOIN customers c ON c.id = a.customer_id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    );
    await writeCsvFile(out.path, [...CSV_FIELDS, 'customerName'], async (write) => {
      let cursor: string | null = null;
      let done = 0;
      do {
        // One page per turn of the event loop: other requests are answered in between.
        await new Promise((resolve) => setImmediate(resolve));
        if (stop) throw new Error('cancelled');
        const page = queryPage(ctx.db, r, sort, cursor, PAGE);
        const rows = new Map(
          (select.all(JSON.stringify(page.ids)) as ExportRecord[]).map((x) => [x.id, x]),
        );
        await write(
          page.ids.flatMap((id) => (rows.has(id) ? [exportRow(rows.get(id)!)] : [])).join(''),
        );
        done += page.ids.length;
        ctx.emit('job.progress', { jobId, kind: 'alerts.export', done, total });
        cursor = page.nextCursor;
      } while (cursor !== null);
    });
    return out.commit();
  };
  run().then(
    (ref) => finish(ok(ref)),
    (e: unknown) => {
      const cancelled = e instanceof Error && e.message === 'cancelled';
      finish({
        ok: false,
        error: apiError(cancelled ? 'conflict' : 'internal', {
          message: cancelled ? 'alerts:export.cancelled' : 'alerts:export.failed',
        }),
      });
    },
  );
  return { jobId };
}
