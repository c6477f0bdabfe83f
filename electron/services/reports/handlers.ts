import { selectableMonths } from '../../../shared/report/month';
import { jstIsoDate } from '../../../shared/time';
import type { Handlers } from '../handlers-types';
import { resolveCustomers } from '../scope';
import { cancelJob, startAlertsExport } from './alerts-export';
import { createReport } from './build';
import { importBundle } from './import';
import { reportBundleFile, reportPdfFile, tableCsvFile, writeOutput } from './outputs';
import {
  audit,
  importedSummary,
  listImported,
  listReports,
  loadImported,
  loadReport,
  parseManifest,
  parseReport,
  summaryOfRow,
} from './repo';

type Op = Extract<keyof Handlers, `reports.${string}`>;

/** Months offered for a report: this one and the eleven before (alerts are kept 90+ days). */
const MONTHS_OFFERED = 12;

/** The reports operations (issue #7); the logic lives in the files beside this one. */
export const reportsHandlers: Pick<Handlers, Op> = {
  'reports.list': ({ customerId }, ctx) => {
    const ids = resolveCustomers(ctx, customerId);
    const now = ctx.clock.now();
    return {
      today: jstIsoDate(now),
      months: selectableMonths(now, MONTHS_OFFERED),
      reports: listReports(ctx.db, ids),
    };
  },
  'reports.create': (input, ctx) => createReport(ctx, input),
  'reports.get': ({ reportId }, ctx) => {
    const row = loadReport(ctx, reportId);
    return { summary: summaryOfRow(ctx.db, row), report: parseReport(row.json) };
  },
  'reports.delete': ({ reportId }, ctx) => {
    ctx.db.transaction(() => {
      const row = loadReport(ctx, reportId);
      const ids = parseReport(row.json).customers.map((c) => c.id);
      ctx.db.prepare('DELETE FROM reports WHERE id = ?').run(row.id);
      audit(ctx, 'report.delete', 'report', row.id, ids, null);
    })();
    ctx.emit('data.changed', { topics: ['reports'] });
    return null;
  },
  'reports.pdf': ({ reportId }, ctx) => reportPdfFile(ctx, loadReport(ctx, reportId)),
  'reports.csv': ({ reportId, table }, ctx) =>
    tableCsvFile(ctx, parseReport(loadReport(ctx, reportId).json), table),
  'reports.exportAlerts': ({ reportId }, ctx) =>
    startAlertsExport(ctx, parseReport(loadReport(ctx, reportId).json)),
  'reports.cancelJob': ({ jobId }, ctx) => {
    cancelJob(ctx, jobId);
    return null;
  },
  'reports.bundle': ({ reportId }, ctx) => reportBundleFile(ctx, loadReport(ctx, reportId)),

  'reports.importBundle': ({ fileId }, ctx) => importBundle(ctx, fileId),
  'reports.listImported': ({ customerId }, ctx) =>
    listImported(ctx.db, resolveCustomers(ctx, customerId)),
  'reports.getImported': ({ id }, ctx) => {
    const row = loadImported(ctx, id);
    return {
      summary: importedSummary(ctx.db, row),
      report: parseReport(row.report_json),
      manifest: parseManifest(row.manifest),
    };
  },
  'reports.importedPdf': ({ id }, ctx) => {
    const row = loadImported(ctx, id);
    const ids = parseReport(row.report_json).customers.map((c) => c.id);
    return writeOutput(ctx, `${row.report_id}.pdf`, ids, Buffer.from(row.pdf));
  },
  'reports.importedCsv': ({ id, table }, ctx) =>
    tableCsvFile(ctx, parseReport(loadImported(ctx, id).report_json), table),
  'reports.deleteImported': ({ id }, ctx) => {
    ctx.db.transaction(() => {
      const row = loadImported(ctx, id);
      const ids = parseReport(row.report_json).customers.map((c) => c.id);
      ctx.db.prepare('DELETE FROM imported_reports WHERE id = ?').run(row.id);
      audit(ctx, 'report.delete-imported', 'imported_report', String(row.id), ids, null);
    })();
    ctx.emit('data.changed', { topics: ['reports'] });
    return null;
  },
};
