/**
 * The queue at 10^6 alerts: keyset pages read from an index in sort order, never a sort of the
 * matches. Each customer (and each value of the filter chosen to lead) is one "branch", an index
 * range scanned newest first; the branches are merged in JS. The leading filter is the one whose
 * rows are fewest according to the `alert_facets` rollup, and the other filters are checked inside
 * the index (the indexes carry status, severity and kind). docs/performance.md has the figures.
 */
import {
  SEVERITIES,
  type AlertStatus,
  type Severity,
  type ThreatKind,
} from '../../../shared/catalog';
import type { AlertSort } from '../../../shared/ops/alerts';
import { SEVERITY_RANK } from '../../../shared/severity';
import { jstDayNumber } from '../../../shared/time';
import type { Db } from '../../store/database';
import { marks, prep, type Cursor, type Resolved } from './filter';

export interface Facet {
  status: AlertStatus;
  severity: Severity;
  kind: ThreatKind;
  n: number;
}

/** Counts by status, severity and kind: the rollup plus the tail (see derived.ts). */
export function facets(db: Db, customers: readonly string[]): Facet[] {
  const ids = marks(customers.length);
  return prep(
    db,
    `SELECT status, severity, kind, sum(n) AS n FROM (
       SELECT status, severity, threat_kind AS kind, n FROM alert_facets WHERE customer_id IN (${ids})
       UNION ALL
       SELECT status, severity, threat_kind, 1 FROM alerts
       WHERE id > (SELECT w FROM alert_derived_mark) AND +customer_id IN (${ids})
     ) GROUP BY 1, 2, 3`,
  ).all(...customers, ...customers) as Facet[];
}

const inSet = <T>(set: readonly T[] | null, v: T) => set === null || set.includes(v);

/** Alerts matching the status, severity and kind filters (time, host and words aside). */
export function facetTotal(all: readonly Facet[], r: Resolved): number {
  return all
    .filter(
      (f) =>
        inSet(r.statuses, f.status) && inSet(r.severities, f.severity) && inSet(r.kinds, f.kind),
    )
    .reduce((n, f) => n + f.n, 0);
}

type Lead = 'detected' | 'status' | 'severity' | 'kind';
const INDEX: Record<Lead, string> = {
  detected: 'alerts_q_detected',
  status: 'alerts_q_status',
  severity: 'alerts_q_severity',
  kind: 'alerts_q_kind',
};
const COLUMN = { status: 'status', severity: 'severity', kind: 'threat_kind' } as const;

/** The lead with the fewest index entries to read per match; branches cost a little each. */
function chooseLead(all: readonly Facet[], r: Resolved): Lead {
  const match = Math.max(1, facetTotal(all, r));
  let best: Lead = 'detected';
  let bestCost = all.reduce((n, f) => n + f.n, 0) / match + r.customers.length * 0.5;
  const options: Array<[Lead, readonly string[] | null, (f: Facet) => string]> = [
    ['status', r.statuses, (f) => f.status],
    ['severity', r.severities, (f) => f.severity],
    ['kind', r.kinds, (f) => f.kind],
  ];
  for (const [lead, values, key] of options) {
    if (!values) continue;
    const rows = all.filter((f) => values.includes(key(f))).reduce((n, f) => n + f.n, 0);
    const cost = rows / match + r.customers.length * values.length * 0.5;
    if (cost < bestCost) [best, bestCost] = [lead, cost];
  }
  return best;
}

export interface Hit {
  id: number;
  t: number;
  r: number;
}

/** The residual filters checked in the index, and time range, as SQL and parameters. */
function residual(r: Resolved, lead: Lead, table = ''): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, values: readonly string[] | null, skip: boolean) => {
    if (!values || skip) return;
    parts.push(`${table}${column} IN (${marks(values.length)})`);
    params.push(...values);
  };
  add('status', r.statuses, lead === 'status');
  add('severity', r.severities, lead === 'severity');
  add('threat_kind', r.kinds, lead === 'kind');
  if (r.fromMs !== null) {
    parts.push(`${table}detected_at >= ?`);
    params.push(r.fromMs);
  }
  if (r.toMs !== null) {
    parts.push(`${table}detected_at < ?`);
    params.push(r.toMs);
  }
  if (r.host !== null && table === '') {
    parts.push('EXISTS (SELECT 1 FROM alert_hosts h WHERE h.alert_id = alerts.id AND h.host = ?)');
    params.push(r.host);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

function keyset(desc: boolean, after: { t: number; id: number } | null, table = '') {
  if (!after) return { sql: '', params: [] as unknown[] };
  const [cmp, eq] = desc ? ['<', '<='] : ['>', '>='];
  return {
    sql: ` AND ${table}detected_at ${eq} ? AND (${table}detected_at ${cmp} ? OR ${table}id ${cmp} ?)`,
    params: [after.t, after.t, after.id] as unknown[],
  };
}

const byTime = (desc: boolean) => (a: Hit, b: Hit) =>
  desc ? b.t - a.t || b.id - a.id : a.t - b.t || a.id - b.id;

/** One index range: a customer (and a lead value), in sort order, from the cursor on. */
function branch(
  db: Db,
  r: Resolved,
  lead: Lead,
  customer: string,
  value: string | null,
  desc: boolean,
  after: { t: number; id: number } | null,
  limit: number,
): Hit[] {
  const res = residual(r, lead);
  const ks = keyset(desc, after);
  const leadSql = lead === 'detected' ? '' : ` AND ${COLUMN[lead]} = ?`;
  const dir = desc ? 'DESC' : 'ASC';
  const sql = `SELECT id, detected_at AS t, severity FROM alerts INDEXED BY ${INDEX[lead]}
    WHERE customer_id = ?${leadSql}${ks.sql}${res.sql}
    ORDER BY detected_at ${dir}, id ${dir} LIMIT ?`;
  const params = [customer, ...(value === null ? [] : [value]), ...ks.params, ...res.params, limit];
  return (prep(db, sql).all(...params) as Array<{ id: number; t: number; severity: Severity }>).map(
    (h) => ({ id: h.id, t: h.t, r: SEVERITY_RANK[h.severity] }),
  );
}

function leadValues(r: Resolved, lead: Lead): Array<string | null> {
  if (lead === 'detected') return [null];
  return { status: r.statuses, severity: r.severities, kind: r.kinds }[lead] ?? [];
}

/** Newest or oldest first: every branch gives its first `limit + 1`, the merge keeps the best. */
function byDetected(db: Db, r: Resolved, sort: AlertSort, cursor: Cursor | null, limit: number) {
  const desc = sort !== 'oldest';
  const lead = chooseLead(facets(db, r.customers), r);
  const after = cursor?.k === 'd' ? cursor : null;
  const hits: Hit[] = [];
  for (const c of r.customers) {
    for (const v of leadValues(r, lead))
      hits.push(...branch(db, r, lead, c, v, desc, after, limit + 1));
  }
  return hits.sort(byTime(desc));
}

/** Most severe first, newest first within a level: one level at a time, stopping when full. */
function bySeverity(db: Db, r: Resolved, cursor: Cursor | null, limit: number): Hit[] {
  const hits: Hit[] = [];
  const after = cursor?.k === 's' ? cursor : null;
  for (const severity of SEVERITIES) {
    const rank = SEVERITY_RANK[severity];
    if (!inSet(r.severities, severity) || (after && rank < after.r)) continue;
    const level: Hit[] = [];
    const from = after && rank === after.r ? after : null;
    for (const c of r.customers)
      level.push(...branch(db, r, 'severity', c, severity, true, from, limit + 1));
    hits.push(...level.sort(byTime(true)));
    if (hits.length > limit) break;
  }
  return hits;
}

/** Host filter, newest or oldest first: the host's rows day window by day window. */
function byHost(db: Db, r: Resolved, sort: AlertSort, cursor: Cursor | null, limit: number) {
  const desc = sort !== 'oldest';
  const host = r.host!;
  const after = cursor?.k === 'd' ? cursor : null;
  const res = residual({ ...r, host: null }, 'detected', 'a.');
  const ks = keyset(desc, after, 'a.');
  const hits: Hit[] = [];
  for (const c of r.customers) {
    const span = prep(
      db,
      `SELECT min(day) AS lo, max(day) AS hi FROM alert_hosts INDEXED BY alert_hosts_host
       WHERE customer_id = ? AND host = ?`,
    ).get(c, host) as { lo: number | null; hi: number | null };
    if (span.lo === null || span.hi === null) continue;
    let lo = Math.max(span.lo, r.fromMs === null ? span.lo : jstDayNumber(r.fromMs));
    let hi = Math.min(span.hi, r.toMs === null ? span.hi : jstDayNumber(r.toMs - 1));
    if (after) {
      if (desc) hi = Math.min(hi, jstDayNumber(after.t));
      else lo = Math.max(lo, jstDayNumber(after.t));
    }
    const found: Hit[] = [];
    for (let width = 8; lo <= hi && found.length <= limit; width *= 2) {
      const [a, b] = desc ? [Math.max(lo, hi - width + 1), hi] : [lo, Math.min(hi, lo + width - 1)];
      const rows = prep(
        db,
        `SELECT a.id, a.detected_at AS t, a.severity FROM alert_hosts h INDEXED BY alert_hosts_host
         JOIN alerts a ON a.id = h.alert_id
         WHERE h.customer_id = ? AND h.host = ? AND h.day BETWEEN ? AND ?${ks.sql}${res.sql}`,
      ).all(c, host, a, b, ...ks.params, ...res.params) as Array<{
        id: number;
        t: number;
        severity: Severity;
      }>;
      found.push(...rows.map((h) => ({ id: h.id, t: h.t, r: SEVERITY_RANK[h.severity] })));
      if (desc) hi = a - 1;
      else lo = b + 1;
    }
    hits.push(...found);
  }
  return hits.sort(byTime(desc));
}

/** Ids of one page (plus one, to know there is more), in the view's order. */
export function pageHits(
  db: Db,
  r: Resolved,
  sort: AlertSort,
  cursor: Cursor | null,
  limit: number,
): Hit[] {
  if (sort === 'severity') return bySeverity(db, r, cursor, limit).slice(0, limit + 1);
  if (r.host !== null) return byHost(db, r, sort, cursor, limit).slice(0, limit + 1);
  return byDetected(db, r, sort, cursor, limit).slice(0, limit + 1);
}

/** The day rollup can count a date range when the other filters are source and class only. */
export function dayTotal(db: Db, r: Resolved, classes: string[] | null, sources: string[] | null) {
  const lo = r.fromMs === null ? -1e9 : jstDayNumber(r.fromMs);
  const hi = r.toMs === null ? 1e9 : jstDayNumber(r.toMs - 1);
  const extra = [
    classes ? ` AND threat_class IN (${marks(classes.length)})` : '',
    sources ? ` AND source IN (${marks(sources.length)})` : '',
  ].join('');
  // The tail is read by id (unary + keeps other indexes out of its plan).
  const tailExtra = extra.replaceAll(' AND ', ' AND +');
  const ids = marks(r.customers.length);
  const params = [...r.customers, lo, hi, ...(classes ?? []), ...(sources ?? [])];
  const row = prep(
    db,
    `SELECT coalesce(sum(n), 0) AS n FROM (
       SELECT n FROM alert_day_counts WHERE customer_id IN (${ids}) AND day BETWEEN ? AND ?${extra}
       UNION ALL
       SELECT 1 FROM alerts WHERE id > (SELECT w FROM alert_derived_mark)
         AND +customer_id IN (${ids}) AND +day BETWEEN ? AND ?${tailExtra}
     )`,
  ).get(...params, ...params) as { n: number };
  return row.n;
}
