/**
 * The large CSV exports stream (electron/services/reports/csv-stream.ts): rows reach the disk a
 * page at a time while the job runs, under `<name>.part`, and only a whole file is ever renamed to
 * its name; a cancelled or failed export leaves nothing. The bytes are those of shared/csv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { EventPayloads, FileRef } from '../../../shared/api';
import { csvDocument, csvRow } from '../../../shared/csv';
import type { ReportSummary } from '../../../shared/ops/reports';
import type { Result } from '../../../shared/result';
import { partPath, writeCsvFile } from '../../../electron/services/reports/csv-stream';
import { tempDir } from '../helpers';
import {
  failed,
  manyAlerts,
  ok,
  outputFiles,
  reportApp,
  watchParts,
  type App,
  type PartSnapshot,
} from './helpers';

const records = (bytes: Buffer) =>
  Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;

function finishedOf(app: App): Promise<Result<unknown>> {
  const emit = app.ctx.emit;
  return new Promise((resolve) => {
    app.ctx.emit = (event, payload) => {
      emit(event, payload);
      if (event === 'job.finished') resolve((payload as EventPayloads['job.finished']).result);
    };
  });
}

/** The file grew page by page, each step a prefix of the final file holding exactly `done` rows. */
function expectStreamed(seen: PartSnapshot[], final: Buffer, total: number) {
  expect(seen.length).toBeGreaterThanOrEqual(3);
  for (const s of seen) {
    expect(s.parts).toHaveLength(1);
    expect(final.subarray(0, s.bytes.length).equals(s.bytes)).toBe(true);
    expect(records(s.bytes)).toHaveLength(s.done + 1);
  }
  const sizes = seen.map((s) => s.bytes.length);
  expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  expect(new Set(sizes).size).toBe(sizes.length);
  expect(sizes.at(-1)).toBe(final.length);
  expect(seen.at(-1)?.done).toBe(total);
  // Before the end, the file on disk was far from whole: it was not built in memory.
  expect(sizes[0]).toBeLessThan(final.length / 2);
}

describe('the report’s CSV of every alert, streamed', () => {
  async function bigReport() {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    // 5,000 more October alerts for one customer: three pages of 2,000 for it alone.
    manyAlerts(app, 'c-hikari', 5000, '2026-10-05T00:00:00+09:00');
    const s = ok<ReportSummary>(
      await app.dispatch('reports.create', { customerId: null, month: '2026-10', language: 'ja' }),
    );
    return { app, reportId: s.reportId };
  }

  it('reaches the disk page by page under .part, then takes its name whole', async () => {
    const { app, reportId } = await bigReport();
    const before = outputFiles(app);
    const seen = watchParts(app);
    const finished = finishedOf(app);
    ok(await app.dispatch('reports.exportAlerts', { reportId }));
    const ref = ok<FileRef>(await finished);
    const path = app.ctx.files.get(ref.fileId).path;
    const final = readFileSync(path);
    const total = records(final).length - 1;
    expect(total).toBeGreaterThan(5000);
    expectStreamed(seen, final, total);
    // While it ran, the export's own name did not exist yet; afterwards no .part is left.
    expect(seen.every((s) => s.parts[0] === `${ref.fileId}.part`)).toBe(true);
    expect(existsSync(partPath(path))).toBe(false);
    expect(outputFiles(app).filter((f) => !before.includes(f))).toEqual([ref.fileId]);
  });

  it('leaves no file, whole or partial, when cancelled half-way', async () => {
    const { app, reportId } = await bigReport();
    const before = outputFiles(app);
    const finished = finishedOf(app);
    let jobId = '';
    const seen = watchParts(app);
    const emit = app.ctx.emit;
    app.ctx.emit = (event, payload) => {
      emit(event, payload);
      // Cancelled on its second page, with rows already on disk.
      if (event === 'job.progress' && seen.length === 2)
        void app.dispatch('reports.cancelJob', { jobId });
    };
    jobId = ok<{ jobId: string }>(await app.dispatch('reports.exportAlerts', { reportId })).jobId;
    expect(failed(await finished)).toMatchObject({ message: 'reports:csv.cancelled' });
    expect(seen[1]!.bytes.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(5);
    expect(outputFiles(app)).toEqual(before);
  });
});

describe('writeCsvFile', () => {
  const header = ['名前', 'メモ'];
  const rows = [
    ['桜川精機株式会社', '=1+1'],
    ['"引用", と', '改行\nあり'],
    ['-5', null],
  ];

  it('writes the same bytes as the in-memory document (BOM, RFC 4180, formulas defused)', async () => {
    const path = join(tempDir(), 'x.csv');
    await writeCsvFile(path, header, async (write) => {
      for (const r of rows) await write(csvRow(r));
    });
    expect(readFileSync(path).equals(Buffer.from(csvDocument(header, rows), 'utf8'))).toBe(true);
    expect(existsSync(partPath(path))).toBe(false);
  });

  it('keeps nothing when a page fails, and reports the failure', async () => {
    const path = join(tempDir(), 'x.csv');
    await expect(
      writeCsvFile(path, header, async (write) => {
        await write(csvRow(rows[0]!));
        expect(existsSync(partPath(path))).toBe(true);
        throw new Error('store gone');
      }),
    ).rejects.toThrow('store gone');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(partPath(path))).toBe(false);
  });

  it('rejects (no crash, no file) when the file cannot be written', async () => {
    const path = join(tempDir(), 'missing-folder', 'x.csv');
    await expect(writeCsvFile(path, header, () => Promise.resolve())).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(existsSync(path)).toBe(false);
  });
});
