/**
 * The alert figures of a monthly report, read the way the dashboard reads them (electron/services/
 * dashboard.ts): counts per day, class and source and hosts per day from the rollups the alert
 * engine keeps (migration 003) plus the tail of rows they do not cover yet; severity and status
 * from a covering index over (customer, detected_at). Only the attack stage needs the rows
 * themselves; it is read one day at a time, yielding in between, so the main process keeps
 * answering while a large month is counted.
 */
import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  SEVERITIES,
  THREAT_CLASSES,
  type AlertSource,
  type AlertStatus,
  type Severity,
  type ThreatClass,
} from '../../../shared/catalog';
import { killChainOf } from '../../../shared/report/compose';
import { monthRange, shiftMonth, type MonthRange } from '../../../shared/report/month';
import type { AlertsSection, KillChainSection } from '../../../shared/report/schema';
import { dayToIsoDate } from '../../../shared/time';
import { readSnapshot, type Db } from '../../store/database';
import { hiddenBranch, hiddenSql } from '../alerts/hidden';
import { placeholders } from '../scope';

/** Months in the trend chart, this one included. */
export const TREND_MONTHS = 6;
/** Hosts listed (and the first named in the summary). */
export const TOP_HOSTS = 10;

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const TAIL = 'id > (SELECT w FROM alert_derived_mark)';

export interface AlertFigures {
  alerts: AlertsSection;
  topHosts: Array<{ host: string; customerId: string; count: number }>;
  /** Per customer, for the portfolio table. */
  byCustomer: Map<string, { total: number; criticalHigh: number }>;
}

/** The month's alert figures, read on one snapshot (rollups and their corrections, alerts/hidden.ts). */
export function alertFigures(db: Db, ids: readonly string[], range: MonthRange): AlertFigures {
  return readSnapshot(db, () => figuresOf(db, ids, range));
}

function figuresOf(db: Db, ids: readonly string[], range: MonthRange): AlertFigures {
  const inIds = placeholders(ids);
  const first = monthRange(shiftMonth(range.month, -(TREND_MONTHS - 1)));
  // An interrupted import's rows are left out (alerts/hidden.ts).
  const gone = hiddenSql(db, 'id');
  const trendWhere = `customer_id IN (${inIds}) AND day BETWEEN ? AND ?`;
  const trendParams = [...ids, first.firstDay, range.lastDay];
  const trendMinus = hiddenBranch(
    db,
    'alert_day_counts',
    'customer_id, day, threat_class, source, n',
    trendWhere,
    trendParams,
  );
  const rows = db
    .prepare(
      `SELECT customer_id AS customerId, day, threat_class AS threatClass, source, sum(n) AS n FROM (
         SELECT customer_id, day, threat_class, source, n FROM alert_day_counts
         WHERE ${trendWhere}
         UNION ALL
         SELECT customer_id, day, threat_class, source, 1 FROM alerts
         WHERE ${TAIL} AND customer_id IN (${inIds}) AND day BETWEEN ? AND ?${gone}
         ${trendMinus.sql}
       ) GROUP BY customer_id, day, threat_class, source`,
    )
    .all(...trendParams, ...trendParams, ...trendMinus.params) as Array<{
    customerId: string;
    day: number;
    threatClass: ThreatClass;
    source: AlertSource;
    n: number;
  }>;

  const days = Array.from({ length: range.days }, (_, i) => ({
    date: dayToIsoDate(range.firstDay + i),
    byClass: zeros(THREAT_CLASSES),
    bySource: zeros(ALERT_SOURCES),
  }));
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => ({
    month: shiftMonth(first.month, i),
    total: 0,
    byClass: zeros(THREAT_CLASSES),
  }));
  const byClass = zeros(THREAT_CLASSES);
  const bySource = zeros(ALERT_SOURCES);
  const byCustomer = new Map(ids.map((id) => [id, { total: 0, criticalHigh: 0 }]));
  const previous = shiftMonth(range.month, -1);
  let total = 0;
  let previousTotal = 0;
  for (const r of rows) {
    const month = dayToIsoDate(r.day).slice(0, 7);
    const m = months.find((x) => x.month === month);
    if (m) {
      m.total += r.n;
      m.byClass[r.threatClass] += r.n;
    }
    if (month === previous) previousTotal += r.n;
    const d = days[r.day - range.firstDay];
    if (!d) continue;
    d.byClass[r.threatClass] += r.n;
    d.bySource[r.source] += r.n;
    byClass[r.threatClass] += r.n;
    bySource[r.source] += r.n;
    total += r.n;
    const c = byCustomer.get(r.customerId);
    if (c) c.total += r.n;
  }

  // Severity and status of the month's alerts: an index range, no table rows read.
  const bySeverity = zeros(SEVERITIES);
  const byStatus = zeros(ALERT_STATUSES);
  const statusRows = db
    .prepare(
      `SELECT customer_id AS customerId, severity, status, count(*) AS n FROM alerts
       WHERE customer_id IN (${inIds}) AND detected_at >= ? AND detected_at < ?${gone}
       GROUP BY customer_id, severity, status`,
    )
    .all(...ids, range.startMs, range.endMs) as Array<{
    customerId: string;
    severity: Severity;
    status: AlertStatus;
    n: number;
  }>;
  for (const r of statusRows) {
    bySeverity[r.severity] += r.n;
    byStatus[r.status] += r.n;
    const c = byCustomer.get(r.customerId);
    if (c && (r.severity === 'critical' || r.severity === 'high')) c.criticalHigh += r.n;
  }

  const hostParams = [...ids, range.firstDay, range.lastDay];
  const hostMinus = hiddenBranch(
    db,
    'alert_host_days',
    'host, customer_id, n',
    trendWhere,
    hostParams,
  );
  const topHosts = db
    .prepare(
      `SELECT host, customer_id AS customerId, sum(n) AS count FROM (
         SELECT host, customer_id, n FROM alert_host_days
         WHERE ${trendWhere}
         UNION ALL
         SELECT host, customer_id, 1 FROM alert_hosts
         WHERE alert_id > (SELECT w FROM alert_derived_mark)
           AND customer_id IN (${inIds}) AND day BETWEEN ? AND ?${hiddenSql(db, 'alert_id')}
         ${hostMinus.sql}
       ) GROUP BY customer_id, host HAVING count > 0
       ORDER BY count DESC, host, customer_id LIMIT ${TOP_HOSTS}`,
    )
    .all(...hostParams, ...hostParams, ...hostMinus.params) as Array<{
    host: string;
    customerId: string;
    count: number;
  }>;

  return {
    alerts: { total, previousTotal, bySeverity, byClass, bySource, byStatus, days, months },
    topHosts: topHosts.map((h) => ({ ...h, host: h.host.slice(0, 255) })),
    byCustomer,
  };
}

/**
 * Alerts per attack stage (kill chain): one JST day at a time over the (customer, detected_at)
 * index, yielding to the event loop between days.
 */
export async function killChainFigures(
  db: Db,
  ids: readonly string[],
  range: MonthRange,
  onDay?: (done: number) => void,
): Promise<KillChainSection> {
  const stmt = db.prepare(
    `SELECT kill_chain AS killChain, threat_kind AS kind, count(*) AS n FROM alerts
     WHERE customer_id IN (${placeholders(ids)}) AND detected_at >= ? AND detected_at < ?${hiddenSql(db, 'id')}
     GROUP BY kill_chain, threat_kind`,
  );
  const all: Array<{ killChain: string | null; kind: string; n: number }> = [];
  for (let i = 0; i < range.days; i++) {
    const from = range.startMs + i * 86_400_000;
    all.push(...(stmt.all(...ids, from, from + 86_400_000) as typeof all));
    onDay?.(i + 1);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return killChainOf(all);
}
