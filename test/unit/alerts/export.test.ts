/** CSV export of a view: the file's rows are the view's, and it imports back without duplicates. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../../shared/api';
import { partPath } from '../../../electron/services/reports/csv-stream';
import { CSV_FIELDS, parseCsv, suggestMapping } from '../../../shared/import';
import type { ImportOutcome } from '../../../shared/ops/alerts';
import { manyAlerts, outputFiles, watchParts } from '../reports/helpers';
import { alertsApp, finished, runImport, value } from './helpers';

describe('alerts.export', () => {
  it('writes the view as CSV (BOM, import field names) that imports back unchanged in number', async () => {
    const app = await alertsApp();
    const filter = { customerId: 'c-kawasemi', severities: ['critical' as const, 'high' as const] };
    const { jobId } = await value<{ jobId: string }>(app, 'alerts.export', {
      filter,
      sort: 'oldest',
    });
    const r = await finished(app, jobId);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const ref = r.value as FileRef;
    const entry = app.ctx.files.get(ref.fileId);
    expect(entry.customerIds).toEqual(['c-kawasemi']);
    const text = readFileSync(entry.path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text).map((x) => x.fields);
    expect(header).toEqual([...CSV_FIELDS, 'customerName']);
    const expected = app.db
      .prepare(
        `SELECT source_id FROM alerts WHERE customer_id = 'c-kawasemi' AND severity IN ('critical', 'high') ORDER BY detected_at, id`,
      )
      .pluck()
      .all();
    expect(rows.map((x) => x[0])).toEqual(expected);
    expect(app.events.some((e) => e.event === 'job.progress' && e.payload.jobId === jobId)).toBe(
      true,
    );

    const before = app.db.prepare('SELECT count(*) FROM alerts').pluck().get();
    const fileId = app.ctx.files.registerPicked(entry.path, 'export.csv').fileId;
    const back = await runImport(app, fileId, { format: 'csv', mapping: suggestMapping(header!) });
    expect(back).toMatchObject({ ok: true, value: { records: expected.length, inserted: 0 } });
    expect(
      (back as { value: ImportOutcome }).value.updated +
        (back as { value: ImportOutcome }).value.unchanged,
    ).toBe(expected.length);
    expect(app.db.prepare('SELECT count(*) FROM alerts').pluck().get()).toBe(before);
  });

  /** The export of a view of four pages of 1,000 (2,500 more alerts), watched page by page. */
  async function bigExport() {
    const app = await alertsApp();
    manyAlerts(app, 'c-kawasemi', 2500, '2026-11-01T00:00:00+09:00');
    const before = outputFiles(app);
    const seen = watchParts(app);
    const { jobId } = await value<{ jobId: string }>(app, 'alerts.export', {
      filter: { customerId: 'c-kawasemi' },
      sort: 'oldest',
    });
    return { app, before, seen, jobId };
  }

  it('streams: each page is on disk (under .part) when its progress is reported', async () => {
    const { app, before, seen, jobId } = await bigExport();
    const r = await finished(app, jobId);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const ref = r.value as FileRef;
    const path = app.ctx.files.get(ref.fileId).path;
    const final = readFileSync(path);
    const total = parseCsv(final.toString('utf8')).length - 1;
    expect(total).toBeGreaterThan(2500);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const s of seen) {
      // The rows so far, whole, and a prefix of the finished file; the file's own name not yet used.
      expect(s.parts).toEqual([`${ref.fileId}.part`]);
      expect(parseCsv(s.bytes.toString('utf8'))).toHaveLength(s.done + 1);
      expect(final.subarray(0, s.bytes.length).equals(s.bytes)).toBe(true);
    }
    expect(seen[0]!.bytes.length).toBeLessThan(final.length / 2);
    expect(seen.at(-1)).toMatchObject({ done: total });
    expect(existsSync(partPath(path))).toBe(false);
    expect(outputFiles(app).filter((f) => !before.includes(f))).toEqual([ref.fileId]);
  });

  it('leaves no file when cancelled', async () => {
    const { app, before, seen, jobId } = await bigExport();
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await value(app, 'alerts.cancelJob', { jobId });
    const r = await finished(app, jobId);
    expect(r).toMatchObject({ ok: false, error: { message: 'alerts:export.cancelled' } });
    expect(seen.length).toBeLessThan(4);
    expect(outputFiles(app)).toEqual(before);
  });
});
