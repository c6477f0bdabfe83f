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
import { hiddenBranch, hiddenSql } from './hidden';

export interface Facet {
  customer: string;
  status: AlertStatus;
  severity: Severity;
  kind: ThreatKind;
  n: number;
}

/** Counts by customer, status, severity and kind: the rollup plus the tail (see derived.ts). */
export function facets(db: Db, customers: readonly string[]): Facet[] {
  const ids = marks(customers.length);
  // Less what an interrupted import left (hidden.ts).
  const minus = hiddenBranch(
    db,
    'alert_facets',
    'customer_id, status, severity, threat_kind, n',
    `customer_id IN (${ids})`,
    customers,
  );
  return (
    prep(
      db,
      `SELECT customer, status, severity, kind, sum(n) AS n FROM (
         SELECT customer_id AS customer, status, severity, threat_kind AS kind, n FROM alert_facets
         WHERE customer_id IN (${ids})
         UNION ALL
         SELECT customer_id, status, severity, threat_kind, 1 FROM alerts
         WHERE id > (SELECT w FROM alert_derived_mark) AND +customer_id IN (${ids})${hiddenSql(db, 'id')}
         ${minus.sql}
       ) GROUP BY 1, 2, 3, 4`,
    ).all(...customers, ...customers, ...minus.params) as Facet[]
  ).filter((f) => f.n > 0);
}

const inSet = <T>(set: readonly T[] | null, v: T) => set === null || set.includes(v);
const matches = (f: Facet, r: Resolved) =>
  inSet(r.statuses, f.status) && inSet(r.severities, f.severity) && inSet(r.kinds, f.kind);

/** Alerts matching the status, severity and kind filters (time, host and words aside). */
export function facetTotal(all: readonly Facet[], r: Resolved): number {
  return all.filter((f) => matches(f, r)).reduce((n, f) => n + f.n, 0);
}

type Lead = 'detected' | 'status' | 'severity' | 'kind';
const INDEX: Record<Lead, string> = {
  detected: 'alerts_q_detected',
  status: 'alerts_q_status',
  severity: 'alerts_q_severity',
  kind: 'alerts_q_kind',
};
const COLUMN = { status: 'status', severity: 'severity', kind: 'threat_kind' } as const;

/**
 * For one customer: the lead with the fewest index entries to read per match (each branch costs
 * a little too), and its values that have matches at all. A customer without a match is skipped,
 * so a view never scans a customer's whole index for nothing.
 */
function plan(all: readonly Facet[], r: Resolved, customer: string): Array<[Lead, string | null]> {
  const mine = all.filter((f) => f.customer === customer);
  const match = mine.filter((f) => matches(f, r)).reduce((n, f) => n + f.n, 0);
  if (match === 0) return [];
  let best: Array<[Lead, string | null]> = [['detected', null]];
  let bestCost = mine.reduce((n, f) => n + f.n, 0) / match + 0.5;
  const options: Array<[Lead, readonly string[] | null, (f: Facet) => string]> = [
    ['status', r.statuses, (f) => f.status],
    ['severity', r.severities, (f) => f.severity],
    ['kind', r.kinds, (f) => f.kind],
  ];
  for (const [lead, values, key] of options) {
    if (!values) continue;
    const useful = values.filter((v) => mine.some((f) => key(f) === v && matches(f, r)));
    const rows = mine.filter((f) => useful.includes(key(f))).reduce((n, f) => n + f.n, 0);
    const cost = rows / match + useful.length * 0.5;
    if (cost < bestCost) [best, bestCost] = [useful.map((v) => [lead, v]), cost];
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
    WHERE customer_id = ?${leadSql}${ks.sql}${res.sql}${hiddenSql(db, 'id')}
    ORDER BY detected_at ${dir}, id ${dir} LIMIT ?`;
  const params = [customer, ...(value === null ? [] : [value]), ...ks.params, ...res.params, limit];
  return (prep(db, sql).all(...params) as Array<{ id: number; t: number; severity: Severity }>).map(
    (h) => ({ id: h.id, t: h.t, r: SEVERITY_RANK[h.severity] }),
  );
}

/** Newest or oldest first: every branch gives its first `limit + 1`, the merge keeps the best. */
function byDetected(db: Db, r: Resolved, sort: AlertSort, cursor: Cursor | null, limit: number) {
  const desc = sort !== 'oldest';
  const all = facets(db, r.customers);
  const after = cursor?.k === 'd' ? cursor : null;
  const hits: Hit[] = [];
  for (const c of r.customers) {
    for (const [lead, v] of plan(all, r, c))
      hits.push(...branch(db, r, lead, c, v, desc, after, limit + 1));
  }
  return hits.sort(byTime(desc));
}

/**
 * Most severe first, newest first within a level: one level at a time, stopping when full; a
 * (customer, level) without a match is not read.
 */
function bySeverity(db: Db, r: Resolved, cursor: Cursor | null, limit: number): Hit[] {
  const all = facets(db, r.customers);
  const hits: Hit[] = [];
  const after = cursor?.k === 's' ? cursor : null;
  for (const severity of SEVERITIES) {
    const rank = SEVERITY_RANK[severity];
    if (!inSet(r.severities, severity) || (after && rank < after.r)) continue;
    const level: Hit[] = [];
    const from = after && rank === after.r ? after : null;
    for (const c of r.customers) {
      const any = all.some((f) => f.customer === c && f.severity === severity && matches(f, r));
      if (any) level.push(...branch(db, r, 'severity', c, severity, true, from, limit + 1));
    }
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
    for (let width = 1; lo <= hi && found.length <= limit; width *= 2) {
      const [a, b] = desc ? [Math.max(lo, hi - width + 1), hi] : [lo, Math.min(hi, lo + width - 1)];
      const rows = prep(
        db,
        `SELECT a.id, a.detected_at AS t, a.severity FROM alert_hosts h INDEXED BY alert_hosts_host
         JOIN alerts a ON a.id = h.alert_id
         WHERE h.customer_id = ? AND h.host = ? AND h.day BETWEEN ? AND ?${ks.sql}${res.sql}${hiddenSql(db, 'a.id')}`,
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
  if (r.host === null) {
    if (sort === 'severity') {
      return severityPage(db, r, cursor, limit, facetTotal(facets(db, r.customers), r));
    }
    return byDetected(db, r, sort, cursor, limit).slice(0, limit + 1);
  }
  // A host filter only concerns the customers that have that host at all. A frequent host is
  // checked row by row along the usual indexes; a rare one is read through its own index.
  const rows = hostRows(db, r);
  const view = { ...r, customers: r.customers.filter((c) => (rows.get(c) ?? 0) > 0) };
  if (view.customers.length === 0) return [];
  const found = [...rows.values()].reduce((a, b) => a + b, 0);
  if (sort === 'severity') return severityPage(db, view, cursor, limit, found);
  const all = facets(db, view.customers).reduce((n, f) => n + f.n, 0);
  if (found >= all * 0.05) return byDetected(db, view, sort, cursor, limit).slice(0, limit + 1);
  return byHost(db, view, sort, cursor, limit).slice(0, limit + 1);
}

/** Rows per customer that name the view's host (rollup, plus the tail). */
function hostRows(db: Db, r: Resolved): Map<string, number> {
  const ids = marks(r.customers.length);
  const minus = hiddenBranch(
    db,
    'alert_host_days',
    'customer_id, n',
    `host = ? AND customer_id IN (${ids})`,
    [r.host, ...r.customers],
  );
  const rows = prep(
    db,
    `SELECT customer_id AS c, sum(n) AS n FROM (
       SELECT customer_id, n FROM alert_host_days INDEXED BY alert_host_days_host
       WHERE host = ? AND customer_id IN (${ids})
       UNION ALL
       SELECT customer_id, 1 FROM alert_hosts
       WHERE alert_id > (SELECT w FROM alert_derived_mark) AND +host = ? AND +customer_id IN (${ids})${hiddenSql(db, 'alert_id')}
       ${minus.sql}
     ) GROUP BY 1`,
  ).all(r.host, ...r.customers, r.host, ...r.customers, ...minus.params) as Array<{
    c: string;
    n: number;
  }>;
  return new Map(rows.filter((x) => x.n > 0).map((x) => [x.c, x.n]));
}

const SMALL = 3000;

/**
 * Most severe first. A selective view (few rows by the rollups: matches, or the host's rows) is
 * read whole through its best index and sorted here; a broad one walks the severity index level by
 * level. `bound` is an upper bound of the view's rows (dates only narrow it further).
 */
function severityPage(db: Db, r: Resolved, cursor: Cursor | null, limit: number, bound: number) {
  if (bound > SMALL) return bySeverity(db, r, cursor, limit).slice(0, limit + 1);
  const after = cursor?.k === 's' ? cursor : null;
  const order = (a: Hit, b: Hit) => a.r - b.r || b.t - a.t || b.id - a.id;
  const all =
    r.host === null
      ? byDetected(db, r, 'newest', null, SMALL)
      : byHost(db, r, 'newest', null, SMALL);
  return all
    .filter((h) => !after || order(h, { id: after.id, t: after.t, r: after.r }) > 0)
    .sort(order)
    .slice(0, limit + 1);
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
  const where = `customer_id IN (${ids}) AND day BETWEEN ? AND ?${extra}`;
  const minus = hiddenBranch(db, 'alert_day_counts', 'n', where, params);
  const row = prep(
    db,
    `SELECT coalesce(sum(n), 0) AS n FROM (
       SELECT n FROM alert_day_counts WHERE ${where}
       UNION ALL
       SELECT 1 FROM alerts WHERE id > (SELECT w FROM alert_derived_mark)
         AND +customer_id IN (${ids}) AND +day BETWEEN ? AND ?${tailExtra}${hiddenSql(db, 'id')}
       ${minus.sql}
     )`,
  ).get(...params, ...params, ...minus.params) as { n: number };
  return row.n;
}
