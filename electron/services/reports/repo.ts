/**
 * Stored reports — made here (`reports`) and imported from bundles (`imported_reports`) — read
 * within the profile's scope. The rule is the same for both and for every feature: a report is
 * visible only when every customer it is about is in the profile's scope (a customer profile sees
 * only reports about itself; a partner its customers' and its own portfolio reports). Anything
 * else answers `not_found`, whether it exists or not.
 */
import type { Manifest } from '../../../shared/bundle/format';
import type { ImportedSummary, ReportCustomer, ReportSummary } from '../../../shared/ops/reports';
import type { Report } from '../../../shared/report/schema';
import { fail } from '../../../shared/result';
import type { Db } from '../../store/database';
import type { ServiceContext } from '../context';
import { actor, placeholders, scopeCustomers } from '../scope';

export interface ReportRow {
  id: string;
  kind: Report['kind'];
  month: string;
  language: Report['language'];
  created_at: number;
  created_by: string;
  json: string;
  sha256: string;
  pdf: Buffer | null;
}

export interface ImportedRow {
  id: number;
  report_id: string;
  kind: Report['kind'];
  month: string;
  language: Report['language'];
  bundle_created_at: number;
  app_version: string;
  file_name: string;
  imported_at: number;
  imported_by: string;
  manifest: string;
  report_json: string;
  report_sha256: string;
  pdf: Buffer;
  pdf_sha256: string;
}

/**
 * The visibility rule in SQL: the report has customers, and none outside the given ids. (`NOT IN
 * (NULL)` is never true, so an empty scope would otherwise see everything: it sees nothing.)
 */
const inside = (link: string, key: string, ids: readonly string[]) =>
  ids.length === 0
    ? '0'
    : `EXISTS (SELECT 1 FROM ${link} l WHERE l.${key} = r.id)
       AND NOT EXISTS (SELECT 1 FROM ${link} l WHERE l.${key} = r.id
         AND l.customer_id NOT IN (${placeholders(ids)}))`;

function customersOf(db: Db, link: string, key: string, id: string | number): ReportCustomer[] {
  return db
    .prepare(
      `SELECT c.id, c.name_ja AS nameJa, c.name_en AS nameEn FROM ${link} l
       JOIN customers c ON c.id = l.customer_id WHERE l.${key} = ? ORDER BY c.id`,
    )
    .all(id) as ReportCustomer[];
}

export function reportSummary(
  db: Db,
  row: Omit<ReportRow, 'json' | 'pdf'> & { pdf_ready: number },
): ReportSummary {
  return {
    reportId: row.id,
    kind: row.kind,
    month: row.month,
    language: row.language,
    createdAt: row.created_at,
    customers: customersOf(db, 'report_customers', 'report_id', row.id),
    pdfReady: row.pdf_ready === 1,
  };
}

const SUMMARY_COLUMNS =
  'r.id, r.kind, r.month, r.language, r.created_at, r.created_by, r.sha256, r.pdf IS NOT NULL AS pdf_ready';

/** Reports about the given customers only (already resolved against the scope), newest first. */
export function listReports(db: Db, ids: readonly string[]): ReportSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM reports r WHERE ${inside('report_customers', 'report_id', ids)}
       ORDER BY r.created_at DESC, r.id LIMIT 500`,
    )
    .all(...ids) as Array<Omit<ReportRow, 'json' | 'pdf'> & { pdf_ready: number }>;
  return rows.map((r) => reportSummary(db, r));
}

/** A report the profile may see, or `not_found`. */
export function loadReport(ctx: ServiceContext, reportId: string): ReportRow {
  const ids = scopeCustomers(ctx);
  const row = ctx.db
    .prepare(
      `SELECT r.* FROM reports r WHERE r.id = ? AND ${inside('report_customers', 'report_id', ids)}`,
    )
    .get(reportId, ...ids) as ReportRow | undefined;
  if (!row) fail('not_found');
  return row;
}

export function summaryOfRow(db: Db, row: ReportRow): ReportSummary {
  return reportSummary(db, { ...row, pdf_ready: row.pdf ? 1 : 0 });
}

export function importedSummary(
  db: Db,
  row: Omit<ImportedRow, 'manifest' | 'report_json' | 'pdf'>,
): ImportedSummary {
  return {
    id: row.id,
    reportId: row.report_id,
    kind: row.kind,
    month: row.month,
    language: row.language,
    bundleCreatedAt: row.bundle_created_at,
    appVersion: row.app_version,
    fileName: row.file_name,
    importedAt: row.imported_at,
    customers: customersOf(db, 'imported_report_customers', 'imported_id', row.id),
  };
}

export function listImported(db: Db, ids: readonly string[]): ImportedSummary[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.report_id, r.kind, r.month, r.language, r.bundle_created_at, r.app_version,
              r.file_name, r.imported_at, r.imported_by, r.report_sha256, r.pdf_sha256
       FROM imported_reports r WHERE ${inside('imported_report_customers', 'imported_id', ids)}
       ORDER BY r.imported_at DESC, r.id DESC LIMIT 500`,
    )
    .all(...ids) as Array<Omit<ImportedRow, 'manifest' | 'report_json' | 'pdf'>>;
  return rows.map((r) => importedSummary(db, r));
}

export function loadImported(ctx: ServiceContext, id: number): ImportedRow {
  const ids = scopeCustomers(ctx);
  const row = ctx.db
    .prepare(
      `SELECT r.* FROM imported_reports r WHERE r.id = ?
         AND ${inside('imported_report_customers', 'imported_id', ids)}`,
    )
    .get(id, ...ids) as ImportedRow | undefined;
  if (!row) fail('not_found');
  return row;
}

export const parseReport = (json: string) => JSON.parse(json) as Report;
export const parseManifest = (json: string) => JSON.parse(json) as Manifest;

/** One audit entry: ids, kinds and months only (a report holds no personal data; the log never). */
export function audit(
  ctx: ServiceContext,
  action: string,
  entity: 'report' | 'imported_report',
  entityId: string,
  customerIds: readonly string[],
  to: string | null,
): void {
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id, from_value, to_value)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
    )
    .run(
      ctx.clock.now(),
      actor(ctx),
      action,
      entity,
      entityId,
      customerIds.length === 1 ? customerIds[0] : null,
      to,
    );
}
