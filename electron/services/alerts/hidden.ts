/**
 * Rows an interrupted import inserted are invisible to every read until the recovery has undone
 * them. A crash during pass 2 leaves an import "applying" with committed chunks; undoing them takes
 * minutes at 10^5+ rows (a worker, ~1,300 rows/s), so instead of holding start-up until it is done
 * every read excludes the ids in that import's chunk ranges (alert_import_chunks) and subtracts
 * their share from the rollups. The import this process is running (a live worker that is not a
 * recovery) is not hidden: its rows appear as it writes them, by design (docs/alerts.md).
 *
 * Rows such an import changed (alert_import_undo) keep their new content until the recovery
 * restores them; docs/limits.md says so.
 */
import type { Db } from '../../store/database';
import { mark } from './derived';
import { prep } from './filter';
import { liveImportIds } from './jobs';

/** Imports this process is undoing (their worker is live, yet their rows stay hidden). */
const recovering = new WeakMap<Db, Set<number>>();

export function setRecovering(db: Db, importId: number, on: boolean): void {
  let s = recovering.get(db);
  if (!s) recovering.set(db, (s = new Set<number>()));
  if (on) s.add(importId);
  else s.delete(importId);
}

/** Id ranges, sorted by their first id, of the rows the SQL function below hides. */
const ranges = new WeakMap<Db, Array<[number, number]>>();
const registered = new WeakSet<Db>();

/** Import rows whose inserted rows are hidden now: applying, and not this process's own import. */
export function hiddenImports(db: Db): number[] {
  const applying = prep(db, `SELECT id FROM alert_imports WHERE state = 'applying'`)
    .pluck()
    .all() as number[];
  if (applying.length === 0) return applying;
  const live = liveImportIds(db);
  const undoing = recovering.get(db);
  return applying.filter((id) => !live.has(id) || undoing?.has(id) === true);
}

function hiddenRanges(db: Db): Array<[number, number]> {
  const ids = hiddenImports(db);
  if (ids.length === 0) return [];
  return (
    prep(
      db,
      `SELECT first_id, last_id FROM alert_import_chunks
       WHERE import_id IN (SELECT value FROM json_each(?)) ORDER BY first_id`,
    ).all(JSON.stringify(ids)) as Array<{ first_id: number; last_id: number }>
  ).map((c) => [c.first_id, c.last_id]);
}

function isHidden(list: Array<[number, number]>, id: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = list[mid]!;
    if (id < a) hi = mid - 1;
    else if (id > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * ` AND NOT socdesk_hidden(<column>)` while an interrupted import's rows are on disk, else ''
 * (no cost in the normal case). Call it for each query: it refreshes the ranges the function uses.
 */
export function hiddenSql(db: Db, column: string): string {
  const list = hiddenRanges(db);
  ranges.set(db, list);
  if (list.length === 0) return '';
  if (!registered.has(db)) {
    registered.add(db);
    db.function('socdesk_hidden', { deterministic: false }, (id: unknown) =>
      isHidden(ranges.get(db) ?? [], Number(id)) ? 1 : 0,
    );
  }
  return ` AND NOT socdesk_hidden(${column})`;
}

export type RollupTable = 'alert_facets' | 'alert_day_counts' | 'alert_host_days';

/** The rows of each rollup that the hidden rows of one id range account for. */
type Share = Record<RollupTable, unknown[][]>;

const SHARE_SQL: Record<RollupTable, string> = {
  alert_facets: `SELECT customer_id, status, severity, threat_kind, count(*) FROM alerts
    WHERE id BETWEEN ? AND ? GROUP BY 1, 2, 3, 4`,
  alert_day_counts: `SELECT customer_id, day, threat_class, source, count(*) FROM alerts
    WHERE id BETWEEN ? AND ? GROUP BY 1, 2, 3, 4`,
  alert_host_days: `SELECT customer_id, day, host, count(*) FROM alert_hosts
    WHERE alert_id BETWEEN ? AND ? GROUP BY 1, 2, 3`,
};
const COLUMNS: Record<RollupTable, string[]> = {
  alert_facets: ['customer_id', 'status', 'severity', 'threat_kind'],
  alert_day_counts: ['customer_id', 'day', 'threat_class', 'source'],
  alert_host_days: ['customer_id', 'day', 'host'],
};

/**
 * Shares per range, cached: the recovery shrinks one range at a time from the top, so a read
 * while it runs recounts at most that range (the first read at 10^6 hidden rows counts them all
 * once, ~1 s).
 */
const shares = new WeakMap<Db, Map<string, Share>>();

function shareOf(db: Db, lo: number, hi: number): Share {
  let cache = shares.get(db);
  if (!cache) shares.set(db, (cache = new Map<string, Share>()));
  const key = `${lo}:${hi}`;
  let s = cache.get(key);
  if (!s) {
    const read = (t: RollupTable) => prep(db, SHARE_SQL[t]).raw().all(lo, hi) as unknown[][];
    s = {
      alert_facets: read('alert_facets'),
      alert_day_counts: read('alert_day_counts'),
      alert_host_days: read('alert_host_days'),
    };
    if (cache.size > 10_000) cache.clear();
    cache.set(key, s);
  }
  return s;
}

/**
 * A UNION ALL branch that takes the hidden rows' share out of a rollup query, or nothing. The
 * branch reads the rollup's own column names (and `n`, negative), so `select` and `where` are the
 * rollup branch's own text; `params` are that where's parameters.
 */
export function hiddenBranch(
  db: Db,
  table: RollupTable,
  select: string,
  where: string,
  params: readonly unknown[],
): { sql: string; params: unknown[] } {
  const list = hiddenRanges(db);
  if (list.length === 0) return { sql: '', params: [] };
  // Only rows the rollups cover (id <= w) are in them; the tail is read with hiddenSql.
  const w = mark(db);
  const rows: unknown[][] = [];
  for (const [lo, hi] of list) {
    if (lo > w) continue;
    rows.push(...shareOf(db, lo, Math.min(hi, w))[table]);
  }
  if (rows.length === 0) return { sql: '', params: [] };
  const cols = COLUMNS[table];
  const from = `(SELECT ${cols.map((c, i) => `value ->> ${i} AS ${c}`).join(', ')},
    -(value ->> ${cols.length}) AS n FROM json_each(?))`;
  return {
    sql: ` UNION ALL SELECT ${select} FROM ${from} WHERE ${where}`,
    params: [JSON.stringify(rows), ...params],
  };
}
