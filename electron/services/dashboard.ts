import type { DashboardSummary, DayCount } from '../../shared/api';
import {
  ALERT_SOURCES,
  OPEN_ALERT_STATUSES,
  SEVERITIES,
  THREAT_CLASSES,
  type AlertSource,
  type Severity,
  type ThreatClass,
} from '../../shared/catalog';
import { contractStanding } from '../../shared/contracts';
import { UNHEALTHY_STATUSES, deviceStatus } from '../../shared/devices';
import { DAY_MS, jstDayNumber, jstIsoDate } from '../../shared/time';
import { hiddenBranch, hiddenSql } from './alerts/hidden';
import { listContracts } from './contracts/repo';
import { listDevicesWithLatest } from './devices/repo';
import { readSnapshot } from '../store/database';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers-types';
import { placeholders, resolveCustomers } from './scope';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The dashboard: every figure is an SQL aggregate over indexed columns (the stored JST `day`,
 * customer and status), so the renderer receives a few hundred numbers, never the alerts. Open
 * alerts, alerts per day and top hosts read the rollups that triggers keep (migration 003), so the
 * summary stays fast at 10^6 alerts (docs/performance.md); "new in 24 h" is an index range.
 */
export const dashboardHandlers: Pick<Handlers, 'dashboard.summary'> = {
  // On one snapshot: the rollups and the corrections for hidden rows (alerts/hidden.ts) must
  // agree while an interrupted import is being undone by another connection.
  'dashboard.summary': ({ customerId, days }, ctx): DashboardSummary =>
    readSnapshot(ctx.db, () => summary(ctx, customerId, days)),
};

function summary(ctx: ServiceContext, customerId: string | null, days: 30 | 90): DashboardSummary {
  const ids = resolveCustomers(ctx, customerId);
  const now = ctx.clock.now();
  const today = jstDayNumber(now);
  const firstDay = today - days + 1;
  const inIds = placeholders(ids);
  const db = ctx.db;

  const openBySeverity = zeros(SEVERITIES);
  // Rollups cover the alerts up to alert_derived_mark.w; newer ones (the tail, normally none)
  // are counted directly, read by id: unary + keeps the other columns' indexes out of the plan.
  const tail = 'id > (SELECT w FROM alert_derived_mark)';
  const openIn = placeholders(OPEN_ALERT_STATUSES);
  // An interrupted import's rows are left out (alerts/hidden.ts): `gone` on the tail and the
  // index reads, a `minus` branch on each rollup.
  const gone = hiddenSql(db, 'id');
  const openWhere = `customer_id IN (${inIds}) AND status IN (${openIn})`;
  const openParams = [...ids, ...OPEN_ALERT_STATUSES];
  const openMinus = hiddenBranch(db, 'alert_facets', 'severity, n', openWhere, openParams);
  const open = db
    .prepare(
      `SELECT severity, sum(n) AS n FROM (
           SELECT severity, n FROM alert_facets
           WHERE ${openWhere}
           UNION ALL
           SELECT severity, 1 FROM alerts
           WHERE ${tail} AND +customer_id IN (${inIds}) AND +status IN (${openIn})${gone}
           ${openMinus.sql}
         ) GROUP BY severity`,
    )
    .all(...openParams, ...openParams, ...openMinus.params) as {
    severity: Severity;
    n: number;
  }[];
  for (const r of open) openBySeverity[r.severity] = r.n;

  const { n: newLast24h } = db
    .prepare(
      `SELECT count(*) AS n FROM alerts WHERE customer_id IN (${inIds}) AND detected_at > ?${gone}`,
    )
    .get(...ids, now - DAY_MS) as { n: number };

  const dayWhere = `customer_id IN (${inIds}) AND day BETWEEN ? AND ?`;
  const dayParams = [...ids, firstDay, today];
  const dayMinus = hiddenBranch(
    db,
    'alert_day_counts',
    'day, threat_class, source, n',
    dayWhere,
    dayParams,
  );
  const perDayRows = db
    .prepare(
      `SELECT day, threat_class AS threatClass, source, sum(n) AS n FROM (
           SELECT day, threat_class, source, n FROM alert_day_counts
           WHERE ${dayWhere}
           UNION ALL
           SELECT day, threat_class, source, 1 FROM alerts
           WHERE ${tail} AND +customer_id IN (${inIds}) AND +day BETWEEN ? AND ?${gone}
           ${dayMinus.sql}
         ) GROUP BY day, threat_class, source`,
    )
    .all(...dayParams, ...dayParams, ...dayMinus.params) as {
    day: number;
    threatClass: ThreatClass;
    source: AlertSource;
    n: number;
  }[];
  const perDay: DayCount[] = [];
  for (let day = firstDay; day <= today; day++) {
    perDay.push({ day, byClass: zeros(THREAT_CLASSES), bySource: zeros(ALERT_SOURCES) });
  }
  for (const r of perDayRows) {
    const bucket = perDay[r.day - firstDay];
    if (!bucket) continue;
    bucket.byClass[r.threatClass] += r.n;
    bucket.bySource[r.source] += r.n;
  }

  const hostMinus = hiddenBranch(
    db,
    'alert_host_days',
    'host, customer_id, n',
    dayWhere,
    dayParams,
  );
  const topHosts = db
    .prepare(
      `SELECT host, customer_id AS customerId, sum(n) AS count FROM (
           SELECT host, customer_id, n FROM alert_host_days
           WHERE ${dayWhere}
           UNION ALL
           SELECT host, customer_id, 1 FROM alert_hosts
           WHERE alert_id > (SELECT w FROM alert_derived_mark)
             AND +customer_id IN (${inIds}) AND +day BETWEEN ? AND ?${hiddenSql(db, 'alert_id')}
           ${hostMinus.sql}
         ) GROUP BY customer_id, host HAVING count > 0
         ORDER BY count DESC, host, customer_id LIMIT 10`,
    )
    .all(...dayParams, ...dayParams, ...hostMinus.params) as DashboardSummary['topHosts'];

  const devices = listDevicesWithLatest(db, ids);
  const unhealthy = devices.filter((d) =>
    UNHEALTHY_STATUSES.includes(deviceStatus(d.device, d.latest, now).status),
  ).length;

  const contracts = listContracts(db, ids);
  const todayIso = jstIsoDate(now);
  const needingAction = contracts.filter((k) => contractStanding(k, todayIso).actionNeeded).length;

  return {
    customerId,
    days,
    asOf: now,
    openBySeverity,
    openTotal: Object.values(openBySeverity).reduce((a, b) => a + b, 0),
    newLast24h,
    devices: { total: devices.length, unhealthy },
    contracts: { total: contracts.length, needingAction },
    perDay,
    topHosts,
  };
}
