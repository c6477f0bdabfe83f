/** CSV export of a view: the file's rows are the view's, and it imports back without duplicates. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../../shared/api';
import { CSV_FIELDS, parseCsv, suggestMapping } from '../../../shared/import';
import type { ImportOutcome } from '../../../shared/ops/alerts';
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
});
