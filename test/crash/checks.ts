/**
 * What "intact" means after a crash: SQLite's own integrity check, the committed rows unchanged
 * (a digest), and everything SOC Desk derives from the alerts — rollups and the search index —
 * equal to a recount from the base tables.
 */
import { createHash } from 'node:crypto';
import { catchUpAll, mark } from '../../electron/services/alerts/derived';
import type { Db } from '../../electron/store/database';

/** `PRAGMA integrity_check` (b-trees, indexes) and `foreign_key_check`: [] when all is well. */
export function integrityProblems(db: Db): string[] {
  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const problems = integrity.map((r) => r.integrity_check).filter((s) => s !== 'ok');
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows`);
  return problems;
}

/**
 * A digest of every table's rows, except the search index's storage (an undone import leaves
 * FTS5 tombstones: different bytes, same answers — checked by `derivedProblems` instead) and the
 * tables that record the crashed import itself (`skip`).
 */
export function tablesDigest(db: Db, skip: readonly string[] = []): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'alerts_fts%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  for (const name of tables) {
    if (skip.includes(name)) continue;
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const grouped = (db: Db, sql: string) =>
  (db.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Rollups and search index against the base tables, after folding in the tail: [] when they
 * agree. The index is contentless (migration 003), so its rowids are compared with the alert ids
 * and FTS5's own structural check runs.
 */
export function derivedProblems(db: Db): string[] {
  catchUpAll(db);
  const problems: string[] = [];
  const maxId = db.prepare('SELECT coalesce(max(id), 0) FROM alerts').pluck().get() as number;
  if (mark(db) !== maxId) problems.push(`mark ${mark(db)} ≠ max id ${maxId}`);
  const pairs: Array<[string, string, string]> = [
    [
      'alert_facets',
      'SELECT customer_id, status, severity, threat_kind, n FROM alert_facets',
      'SELECT customer_id, status, severity, threat_kind, count(*) FROM alerts GROUP BY 1, 2, 3, 4',
    ],
    [
      'alert_day_counts',
      'SELECT customer_id, day, threat_class, source, n FROM alert_day_counts',
      'SELECT customer_id, day, threat_class, source, count(*) FROM alerts GROUP BY 1, 2, 3, 4',
    ],
    [
      'alert_host_days',
      'SELECT customer_id, day, host, n FROM alert_host_days',
      'SELECT customer_id, day, host, count(*) FROM alert_hosts GROUP BY 1, 2, 3',
    ],
  ];
  for (const [name, rollup, recount] of pairs)
    if (!same(grouped(db, rollup), grouped(db, recount))) problems.push(`${name} ≠ recount`);
  if ((db.prepare('SELECT count(*) FROM alert_fts_queue').pluck().get() as number) > 0)
    problems.push('search queue not empty');
  const indexed = db.prepare('SELECT count(*) FROM alerts_fts').pluck().get() as number;
  const alerts = db.prepare('SELECT count(*) FROM alerts').pluck().get() as number;
  if (indexed !== alerts) problems.push(`search index has ${indexed} rows, alerts ${alerts}`);
  const stray = db
    .prepare('SELECT count(*) FROM alerts_fts WHERE rowid NOT IN (SELECT id FROM alerts)')
    .pluck()
    .get() as number;
  if (stray > 0) problems.push(`search index has ${stray} rows of no alert`);
  try {
    db.prepare(`INSERT INTO alerts_fts (alerts_fts, rank) VALUES ('integrity-check', 0)`).run();
  } catch (e) {
    problems.push(`fts integrity-check: ${e instanceof Error ? e.message : String(e)}`);
  }
  return problems;
}

export const alertCount = (db: Db) =>
  db.prepare('SELECT count(*) FROM alerts').pluck().get() as number;
