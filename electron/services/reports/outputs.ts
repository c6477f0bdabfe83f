/**
 * What a report is saved as: its PDF (printed from the print layout `/print/report/<id>`, once,
 * then kept so the bundle carries the same bytes), a table as CSV, and the bundle. Each is a
 * temporary output file handed to the renderer as a FileRef, only to a profile that sees every
 * customer in it (electron/services/files/registry.ts).
 */
import { writeFileSync } from 'node:fs';
import type { FileRef } from '../../../shared/api';
import { bundleFileName } from '../../../shared/bundle/format';
import { csvDocument } from '../../../shared/csv';
import type { Report } from '../../../shared/report/schema';
import {
  csvFileName,
  reportTable,
  tablesOf,
  type ReportTable,
} from '../../../shared/report/tables';
import { fail } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { printPdf } from '../pdf';
import { writeBundle } from './bundle-write';
import { parseReport, type ReportRow } from './repo';

const customerIdsOf = (report: Report) => report.customers.map((c) => c.id);

/** The report's PDF: the stored one, else printed now and stored. */
export async function pdfOf(ctx: ServiceContext, row: ReportRow): Promise<Buffer> {
  if (row.pdf) return Buffer.from(row.pdf);
  const pdf = Buffer.from(await printPdf(ctx, `/print/report/${row.id}`));
  // Kept only if the report still exists (it may have been deleted while printing).
  ctx.db.prepare('UPDATE reports SET pdf = ? WHERE id = ? AND pdf IS NULL').run(pdf, row.id);
  const stored = ctx.db.prepare('SELECT pdf FROM reports WHERE id = ?').get(row.id) as
    { pdf: Buffer | null } | undefined;
  ctx.emit('data.changed', { topics: ['reports'] });
  return stored?.pdf ? Buffer.from(stored.pdf) : pdf;
}

export function writeOutput(
  ctx: ServiceContext,
  name: string,
  customerIds: string[],
  bytes: Buffer | string,
): FileRef {
  const out = ctx.files.createOutput(name, customerIds);
  writeFileSync(out.path, bytes, { mode: 0o600 });
  return out.commit();
}

export async function reportPdfFile(ctx: ServiceContext, row: ReportRow): Promise<FileRef> {
  const report = parseReport(row.json);
  const pdf = await pdfOf(ctx, row);
  return writeOutput(ctx, `${row.id}.pdf`, customerIdsOf(report), pdf);
}

/** One table as CSV (small: a report's tables hold at most a few thousand rows). */
export function tableCsvFile(ctx: ServiceContext, report: Report, table: ReportTable): FileRef {
  if (!tablesOf(report).includes(table)) fail('not_found');
  const { header, rows } = reportTable(report, table);
  return writeOutput(
    ctx,
    csvFileName(report, table),
    customerIdsOf(report),
    csvDocument(header, rows),
  );
}

export async function reportBundleFile(ctx: ServiceContext, row: ReportRow): Promise<FileRef> {
  const report = parseReport(row.json);
  const pdf = await pdfOf(ctx, row);
  const who =
    report.kind === 'portfolio' ? (report.partner?.id ?? 'portfolio') : report.customers[0]!.id;
  const out = ctx.files.createOutput(
    bundleFileName(who, report.month, report.language),
    customerIdsOf(report),
  );
  await writeBundle(out.path, {
    report,
    reportJson: row.json,
    pdf,
    createdAt: ctx.clock.now(),
    appVersion: ctx.version,
  });
  return out.commit();
}
