/**
 * The report's tables as CSV rows, headers and labels in the report's language: the same tables
 * the report shows, for Excel (shared/csv.ts writes them: RFC 4180, UTF-8 with a BOM). Pure, so an
 * imported report exports exactly what its bundle holds. Times are JST `YYYY/MM/DD HH:mm`,
 * percentages are numbers (the header says %), money is whole yen.
 */
import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  SEVERITIES,
  THREAT_CLASSES,
  type Language,
} from '../catalog';
import type { CsvValue } from '../csv';
import { formatDate, formatDateTime } from '../time';
import type { Report } from './schema';
import { formatter, translator } from './text';

export const REPORT_TABLES = [
  'alerts-by-day',
  'alerts-breakdown',
  'top-hosts',
  'kill-chain',
  'sla',
  'devices',
  'inquiries',
  'contracts',
  'portfolio',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export interface CsvTable {
  header: string[];
  rows: CsvValue[][];
}

/** The tables a report has (the portfolio table only in a partner's portfolio report). */
export function tablesOf(report: Pick<Report, 'portfolio'>): ReportTable[] {
  return REPORT_TABLES.filter((t) => t !== 'portfolio' || report.portfolio !== null);
}

const when = (ms: number | null) => (ms === null ? null : formatDateTime(ms));
const pct = (lang: Language, ratio: number | null, digits = 2) =>
  ratio === null ? null : Number(formatter(lang).percent(ratio, digits));

export function reportTable(report: Report, table: ReportTable): CsvTable {
  const lang = report.language;
  const t = translator(lang);
  const col = (c: string) => t(`reports:csv.${table}.${c}`);
  const customer = (id: string) => report.customers.find((c) => c.id === id)?.name[lang] ?? id;
  const header = (cols: string[]) => cols.map(col);
  switch (table) {
    case 'alerts-by-day':
      return {
        header: [
          col('date'),
          ...THREAT_CLASSES.map((c) => t(`catalog:threatClass.${c}`)),
          ...ALERT_SOURCES.map((s) => t(`catalog:sourceShort.${s}`)),
          col('total'),
        ],
        rows: report.alerts.days.map((d) => [
          formatDate(d.date),
          ...THREAT_CLASSES.map((c) => d.byClass[c]),
          ...ALERT_SOURCES.map((s) => d.bySource[s]),
          ALERT_SOURCES.reduce((n, s) => n + d.bySource[s], 0),
        ]),
      };
    case 'alerts-breakdown': {
      const rows: CsvValue[][] = [];
      const a = report.alerts;
      const add = (dim: string, label: string, n: number) =>
        rows.push([col(`dim.${dim}`), label, n, a.total === 0 ? 0 : pct(lang, n / a.total, 1)]);
      for (const s of SEVERITIES) add('severity', t(`catalog:severity.${s}`), a.bySeverity[s]);
      for (const c of THREAT_CLASSES) add('class', t(`catalog:threatClass.${c}`), a.byClass[c]);
      for (const s of ALERT_SOURCES) add('source', t(`catalog:source.${s}`), a.bySource[s]);
      for (const s of ALERT_STATUSES) add('status', t(`catalog:status.${s}`), a.byStatus[s]);
      return { header: header(['dimension', 'value', 'count', 'share']), rows };
    }
    case 'top-hosts':
      return {
        header: header(['rank', 'host', 'customer', 'count']),
        rows: report.topHosts.map((h, i) => [i + 1, h.host, customer(h.customerId), h.count]),
      };
    case 'kill-chain':
      return {
        header: header(['phase', 'reported', 'typical', 'total']),
        rows: [
          ...report.killChain.phases.map((p) => [
            t(`reports:killChain.${p.phase}`),
            p.reported,
            p.typical,
            p.reported + p.typical,
          ]),
          [t('reports:killChain.unknown'), 0, 0, report.killChain.unknown],
        ],
      };
    case 'sla':
      return {
        header: header([
          'customer',
          'service',
          'coverage',
          'important',
          'within',
          'late',
          'pending',
          'availability',
          'outageMinutes',
          'guarantee',
          'credit',
          'claimBy',
        ]),
        rows: report.sla.map((s) => {
          const l = s.ledger;
          return [
            customer(s.customerId),
            t(`catalog:service.${s.service}`),
            t(`reports:sla.coverage.${s.coverage}`),
            l.incidents?.important ?? null,
            l.incidents?.within ?? null,
            l.incidents?.late ?? null,
            l.incidents?.pending ?? null,
            pct(lang, l.availability, 3),
            Math.round(l.outageMinutes),
            t(`reports:sla.guarantee.${l.guarantee}`),
            l.creditTotal,
            l.deadlines.map((d) => formatDate(d.date)).join(' / ') || null,
          ];
        }),
      };
    case 'devices':
      return {
        header: header([
          'customer',
          'name',
          'kind',
          'model',
          'status',
          'uptime',
          'reported',
          'expected',
          'interval',
          'cpuAvg',
          'cpuMax',
          'bandwidthMax',
          'endpointsMax',
        ]),
        rows: report.devices.map((d) => [
          customer(d.customerId),
          d.name,
          t(`devices:kind.${d.kind}`),
          `${d.vendor} ${d.model}`,
          t(`devices:status.${d.status}`),
          pct(lang, d.uptime),
          d.reported,
          d.expected,
          t(`reports:devices.interval.${d.interval}`),
          d.cpuAvg,
          d.cpuMax,
          d.bandwidthMax,
          d.endpointsMax,
        ]),
      };
    case 'inquiries':
      return {
        header: header([
          'id',
          'customer',
          'channel',
          'receivedAt',
          'dueAt',
          'firstAnswerAt',
          'escalatedAt',
          'outcome',
        ]),
        rows: report.desk.rows.map((r) => [
          r.id,
          customer(r.customerId),
          r.channel ? t(`reports:desk.channel.${r.channel}`) : null,
          when(r.receivedAt),
          when(r.dueAt),
          when(r.firstAnswerAt),
          when(r.escalatedAt),
          t(`reports:desk.outcome.${r.outcome}`),
        ]),
      };
    case 'contracts':
      return {
        header: header([
          'customer',
          'service',
          'contractNo',
          'deadline',
          'date',
          'daysLeft',
          'action',
        ]),
        rows: report.contracts.rows.map((r) => [
          customer(r.customerId),
          t(`catalog:service.${r.service}`),
          r.contractNo,
          t(`reports:deadlineTitle.${r.kind}`),
          formatDate(r.date),
          r.daysLeft,
          r.actionNeeded ? t('reports:contracts.actionNeeded') : null,
        ]),
      };
    case 'portfolio':
      return {
        header: header([
          'customer',
          'alerts',
          'criticalHigh',
          'devices',
          'unhealthyDevices',
          'uptime',
          'guaranteeBreaches',
          'credit',
          'onTimeRate',
          'deadlines',
          'actionNeeded',
        ]),
        rows: (report.portfolio ?? []).map((p) => [
          customer(p.customerId),
          p.alerts,
          p.criticalHigh,
          p.devices,
          p.unhealthyDevices,
          pct(lang, p.uptime),
          p.guaranteeBreaches,
          p.creditTotal,
          pct(lang, p.onTimeRate, 0),
          p.deadlines,
          p.actionNeeded,
        ]),
      };
  }
}

/** The file name of a table's CSV: `<report id>-<table>.csv` (ASCII, safe on every OS). */
export const csvFileName = (report: Pick<Report, 'reportId'>, table: ReportTable) =>
  `${report.reportId}-${table}.csv`;
