/**
 * What SOC Desk derives from the alerts table — the rollups (alert_facets, alert_day_counts,
 * alert_host_days) and the search index (alerts_fts) — covers the rows with id <= w
 * (alert_derived_mark). Newer rows, "the tail", are read directly by every query that uses the
 * rollups or the index, so results are exact whether or not catchUp() has run; catching up only
 * keeps the tail short. The import catches up at the end of each chunk; the queue's handlers do
 * when the tail has grown (another writer, the demo data). Migration 003 explains why there are no
 * INSERT triggers.
 */
import type { Db } from '../../store/database';

const TEXT = 'title_ja, title_en, description_ja, description_en, hosts, indicators';

export function mark(db: Db): number {
  return (db.prepare('SELECT w FROM alert_derived_mark').pluck().get() as number | undefined) ?? 0;
}

/** Rows not yet folded in (bounded count: 0 … limit). */
export function tailSize(db: Db, limit = 1_000_000): number {
  const { n } = db
    .prepare(
      'SELECT count(*) AS n FROM (SELECT 1 FROM alerts WHERE id > (SELECT w FROM alert_derived_mark) LIMIT ?)',
    )
    .get(limit) as { n: number };
  return n;
}

/** Applies queued search-index changes of caught-up rows (re-index, remove). */
function applyQueue(db: Db): void {
  if (db.prepare('SELECT 1 FROM alert_fts_queue LIMIT 1').get() === undefined) return;
  db.prepare('DELETE FROM alerts_fts WHERE rowid IN (SELECT alert_id FROM alert_fts_queue)').run();
  db.prepare(
    `INSERT INTO alerts_fts (rowid, ${TEXT}) SELECT a.id, ${TEXT.split(', ')
      .map((c) => `a.${c}`)
      .join(', ')} FROM alert_fts_queue q JOIN alerts a ON a.id = q.alert_id WHERE q.op = 1`,
  ).run();
  db.prepare('DELETE FROM alert_fts_queue').run();
}

/**
 * Folds up to `limit` tail rows into the rollups and the index. Call inside a transaction (the
 * import does, per chunk) or let `catchUpAll` open one per step. False when there was no tail.
 */
export function catchUp(db: Db, limit = 50_000): boolean {
  applyQueue(db);
  const w = mark(db);
  const hi = db
    .prepare('SELECT max(id) FROM (SELECT id FROM alerts WHERE id > ? ORDER BY id LIMIT ?)')
    .pluck()
    .get(w, limit) as number | null;
  if (hi === null) return false;
  const range = [w, hi] as const;
  db.prepare(
    `INSERT INTO alert_facets SELECT customer_id, status, severity, threat_kind, count(*)
     FROM alerts WHERE id > ? AND id <= ? GROUP BY 1, 2, 3, 4 ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  ).run(...range);
  db.prepare(
    `INSERT INTO alert_day_counts SELECT customer_id, day, threat_class, source, count(*)
     FROM alerts WHERE id > ? AND id <= ? GROUP BY 1, 2, 3, 4 ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  ).run(...range);
  db.prepare(
    `INSERT INTO alert_host_days SELECT customer_id, day, host, count(*)
     FROM alert_hosts WHERE alert_id > ? AND alert_id <= ? GROUP BY 1, 2, 3
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  ).run(...range);
  db.prepare(
    `INSERT INTO alerts_fts (rowid, ${TEXT}) SELECT id, ${TEXT} FROM alerts WHERE id > ? AND id <= ?`,
  ).run(...range);
  db.prepare('UPDATE alert_derived_mark SET w = ?').run(hi);
  return true;
}

/** Catches up completely, one bounded transaction per step. */
export function catchUpAll(db: Db): void {
  while (db.transaction(() => catchUp(db))());
}

/**
 * Catches up when the tail is long enough to slow the queries that read it, or when changed rows
 * wait for the search index (a search would not find their new text until then).
 */
export function catchUpIfLong(db: Db, threshold = 2000): void {
  const queued = db.prepare('SELECT 1 FROM alert_fts_queue LIMIT 1').get() !== undefined;
  if (queued || tailSize(db, threshold) >= threshold) catchUpAll(db);
}

/** The columns of one new alert that the rollups and the index need. */
export interface NewRow {
  id: number;
  customerId: string;
  status: string;
  severity: string;
  kind: string;
  day: number;
  threatClass: string;
  source: string;
  hosts: readonly string[];
  text: readonly [string, string, string, string, string, string];
}

/**
 * Folds rows the caller has just inserted, from the values it already holds (no read back, one
 * UPSERT per rollup key rather than per row). Only valid when these rows are the whole tail: call
 * `catchUp` first in the same transaction, as the import's chunk writer does.
 */
export function foldRows(db: Db, rows: readonly NewRow[]): void {
  if (rows.length === 0) return;
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const facets = new Map<string, number>();
  const days = new Map<string, number>();
  const hosts = new Map<string, number>();
  for (const r of rows) {
    count(facets, JSON.stringify([r.customerId, r.status, r.severity, r.kind]));
    count(days, JSON.stringify([r.customerId, r.day, r.threatClass, r.source]));
    for (const h of new Set(r.hosts)) count(hosts, JSON.stringify([r.customerId, r.day, h]));
  }
  const apply = (sql: string, m: Map<string, number>) => {
    const s = db.prepare(sql);
    for (const [k, n] of m) s.run(...(JSON.parse(k) as unknown[]), n);
  };
  apply(
    `INSERT INTO alert_facets VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    facets,
  );
  apply(
    `INSERT INTO alert_day_counts VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    days,
  );
  apply(
    `INSERT INTO alert_host_days VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    hosts,
  );
  const fts = db.prepare(`INSERT INTO alerts_fts (rowid, ${TEXT}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const r of rows) fts.run(r.id, ...r.text);
  db.prepare('UPDATE alert_derived_mark SET w = max(w, ?)').run(rows.at(-1)!.id);
}
