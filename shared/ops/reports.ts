/**
 * Operations of the reports feature (issue #7, docs/reports.md): monthly reports per customer or a
 * partner's portfolio, their PDF, CSV tables and bundles, and bundles imported from another SOC
 * Desk (docs/bundle-format.md), kept read-only.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../catalog';
import type { Manifest } from '../bundle/format';
import type { Report } from '../report/schema';
import { reportIdSchema, yearMonth } from '../report/schema';
import { REPORT_TABLES } from '../report/tables';
import { fileId, type FileRef } from './files';
import { op } from './op';
import { entityId } from './session';

export interface ReportCustomer {
  id: string;
  nameJa: string;
  nameEn: string;
}

/** A report made here, as listed. */
export interface ReportSummary {
  reportId: string;
  kind: Report['kind'];
  month: string;
  language: Language;
  createdAt: number;
  customers: ReportCustomer[];
  /** The PDF has been printed (it is kept, so a bundle carries the same one). */
  pdfReady: boolean;
}

/** A bundle imported from another SOC Desk (read-only). */
export interface ImportedSummary {
  id: number;
  reportId: string;
  kind: Report['kind'];
  month: string;
  language: Language;
  /** When the bundle was made (the manifest's createdAt), and by which SOC Desk. */
  bundleCreatedAt: number;
  appVersion: string;
  fileName: string;
  importedAt: number;
  customers: ReportCustomer[];
}

const scope = z.object({ customerId: entityId.nullable() }).strict();
const made = z.object({ reportId: reportIdSchema }).strict();
const imported = z
  .object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
  .strict();
const table = z.enum(REPORT_TABLES);

export const reportsOps = {
  /** Reports made here that the profile may see (all their customers in scope), newest first. */
  'reports.list': op<{ today: string; months: string[]; reports: ReportSummary[] }>()(scope),
  /**
   * Makes the report of one JST calendar month: a customer's (customerId), or for a partner with
   * customerId null the portfolio across its customers. The language is the report's.
   */
  'reports.create': op<ReportSummary>()(
    z
      .object({ customerId: entityId.nullable(), month: yearMonth, language: z.enum(LANGUAGES) })
      .strict(),
  ),
  'reports.get': op<{ summary: ReportSummary; report: Report }>()(made),
  'reports.delete': op<null>()(made),
  /** The report as an A4 PDF (printed once, then kept). */
  'reports.pdf': op<FileRef>()(made),
  /** One of the report's tables as CSV (RFC 4180, UTF-8 with BOM), headers in its language. */
  'reports.csv': op<FileRef>()(z.object({ reportId: reportIdSchema, table }).strict()),
  /**
   * Every alert of the report's period and customers as CSV, in the report's language, streamed
   * with `job.progress` events; `job.finished` carries the FileRef.
   */
  'reports.exportAlerts': op<{ jobId: string }>()(made),
  'reports.cancelJob': op<null>()(
    z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }).strict(),
  ),
  /** The report bundle (.socdesk): manifest, report JSON and PDF with their SHA-256. */
  'reports.bundle': op<FileRef>()(made),

  /** Opens a bundle (a picked or uploaded file), verifies it completely, then stores it. */
  'reports.importBundle': op<{ id: number; duplicate: boolean }>()(z.object({ fileId }).strict()),
  'reports.listImported': op<ImportedSummary[]>()(scope),
  'reports.getImported': op<{ summary: ImportedSummary; report: Report; manifest: Manifest }>()(
    imported,
  ),
  /** The PDF exactly as it came in the bundle. */
  'reports.importedPdf': op<FileRef>()(imported),
  'reports.importedCsv': op<FileRef>()(z.object({ id: imported.shape.id, table }).strict()),
  'reports.deleteImported': op<null>()(imported),
};
