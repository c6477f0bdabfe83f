/**
 * Making a monthly report: collect the figures of one JST month for the customers asked for (in
 * scope), compose the sections and the executive summary (shared/report), check the result against
 * the versioned schema and store it byte for byte, so the screen, the PDF, the CSVs and a bundle
 * all show the same report.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ReportSummary } from '../../../shared/ops/reports';
import { portfolioRows } from '../../../shared/report/compose';
import { monthOf, monthRange } from '../../../shared/report/month';
import {
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  reportSchema,
  type Report,
  type ReportBody,
} from '../../../shared/report/schema';
import { executiveSummary } from '../../../shared/report/summary';
import { fail } from '../../../shared/result';
import { jstIsoDate } from '../../../shared/time';
import type { ServiceContext } from '../context';
import { customerNames } from '../contracts/repo';
import { resolveCustomers, storedProfile } from '../scope';
import { alertFigures, killChainFigures } from './alerts-data';
import {
  DEADLINE_HORIZON_DAYS,
  deadlineRows,
  deskSection,
  deviceRows,
  slaRows,
} from './other-data';
import { audit, summaryOfRow, type ReportRow } from './repo';

export function newReportId(month: string): string {
  return `RPT-${month.replace('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** The report JSON exactly as stored and bundled, and the SHA-256 (hex) of its UTF-8 bytes. */
export function serializeReport(report: Report): { json: string; sha256: string } {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  return { json, sha256: createHash('sha256').update(json, 'utf8').digest('hex') };
}

export async function createReport(
  ctx: ServiceContext,
  input: { customerId: string | null; month: string; language: 'ja' | 'en' },
): Promise<ReportSummary> {
  const profile = storedProfile(ctx);
  if (!profile) fail('no_profile');
  const ids = resolveCustomers(ctx, input.customerId);
  if (ids.length === 0) fail('invalid_input', { message: 'reports:error.noCustomers' });
  const now = ctx.clock.now();
  if (input.month > monthOf(now)) {
    fail('invalid_input', { issues: [{ path: 'month', message: 'reports:error.futureMonth' }] });
  }
  const kind: Report['kind'] =
    profile.kind === 'partner' && input.customerId === null ? 'portfolio' : 'customer';
  const range = monthRange(input.month);
  const db = ctx.db;

  const customers = customerNames(db, ids).map((c) => ({
    id: c.id,
    name: { ja: c.nameJa, en: c.nameEn },
  }));
  const partnerId =
    kind === 'portfolio'
      ? profile.id
      : (
          db.prepare('SELECT partner_id AS p FROM customers WHERE id = ?').get(ids[0]) as {
            p: string;
          }
        ).p;
  const partner = db
    .prepare('SELECT id, name_ja AS ja, name_en AS en FROM partners WHERE id = ?')
    .get(partnerId) as { id: string; ja: string; en: string } | undefined;

  const figures = alertFigures(db, ids, range);
  const killChain = await killChainFigures(db, ids, range);
  const sla = slaRows(db, ids, range, now);
  const devices = deviceRows(db, ids, range, now);
  const desk = deskSection(db, ids, profile.kind, range, now);
  const contracts = {
    asOf: jstIsoDate(now),
    horizonDays: DEADLINE_HORIZON_DAYS,
    rows: deadlineRows(db, ids, now),
  };
  const body: ReportBody = {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    reportId: newReportId(input.month),
    kind,
    language: input.language,
    month: input.month,
    period: { from: range.from, to: range.to, days: range.days },
    generatedAt: now,
    inProgress: now < range.endMs,
    appVersion: ctx.version.slice(0, 64),
    partner: partner ? { id: partner.id, name: { ja: partner.ja, en: partner.en } } : null,
    customers,
    alerts: figures.alerts,
    topHosts: figures.topHosts,
    killChain,
    sla,
    devices,
    desk,
    contracts,
    portfolio: null,
  };
  if (kind === 'portfolio') body.portfolio = portfolioRows(body, figures.byCustomer);
  // zod returns the keys in the schema's order: identity, summary, then the sections.
  const report: Report = reportSchema.parse({ ...body, summary: executiveSummary(body) });
  const { reportId, language, month } = report;
  const { json, sha256 } = serializeReport(report);

  const row: ReportRow = {
    id: reportId,
    kind,
    month,
    language,
    created_at: now,
    created_by: '',
    json,
    sha256,
    pdf: null,
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO reports (id, kind, month, language, created_at, created_by, json, sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(reportId, kind, month, language, now, `${profile.kind}:${profile.id}`, json, sha256);
    const link = db.prepare('INSERT INTO report_customers (report_id, customer_id) VALUES (?, ?)');
    for (const id of ids) link.run(reportId, id);
    audit(ctx, 'report.create', 'report', reportId, ids, `${kind}:${month}:${language}`);
  })();
  ctx.emit('data.changed', { topics: ['reports'] });
  return summaryOfRow(db, row);
}
