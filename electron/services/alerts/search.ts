/**
 * Search pages and "new since" counts. Hits come in rowid order (newest stored first), which FTS5
 * and the primary key give without sorting. Words of 3+ characters go through the trigram index;
 * shorter ones (Japanese two-character words such as 通信, 感染) cannot, so they only re-check
 * candidates, and when every word is short the candidates are the latest rows by id. Either way a
 * request reads at most MAX_SCAN candidates and returns a cursor to continue: a rare short word
 * fills the list progressively, never one slow request. docs/alerts.md explains this to users.
 */
import type { Db } from '../../store/database';
import { mark } from './derived';
import { containsSql, ftsQuery } from './fts';
import { marks, prep, type Resolved } from './filter';
import { hiddenSql } from './hidden';

const CHUNK = 2000;
/** Candidates one request reads; fewer from the table when a short word needs LIKE. */
const MAX_SCAN = 20_000;
const MAX_SCAN_TABLE = 6000;
/** New rows "new since" looks at (the notice then says "2,000 or more"). */
const MAX_NEW = 2000;

/** The filters and words as SQL over `alerts a` (ids supplied as a JSON array). */
function matchSql(db: Db, r: Resolved): { sql: string; params: unknown[] } {
  // Candidates are read by id: unary + keeps the planner off the customer indexes.
  const parts = [`+a.customer_id IN (${marks(r.customers.length)})`];
  const params: unknown[] = [...r.customers];
  const add = (column: string, values: readonly string[] | null) => {
    if (!values) return;
    parts.push(`+a.${column} IN (${marks(values.length)})`);
    params.push(...values);
  };
  add('status', r.statuses);
  add('severity', r.severities);
  add('threat_kind', r.kinds);
  if (r.fromMs !== null) {
    parts.push('+a.detected_at >= ?');
    params.push(r.fromMs);
  }
  if (r.toMs !== null) {
    parts.push('+a.detected_at < ?');
    params.push(r.toMs);
  }
  if (r.host !== null) {
    parts.push('EXISTS (SELECT 1 FROM alert_hosts h WHERE h.alert_id = a.id AND h.host = ?)');
    params.push(r.host);
  }
  for (const w of [...r.long, ...r.short]) {
    const c = containsSql(w);
    parts.push(c.sql);
    params.push(...c.params);
  }
  // Not the rows of an interrupted import (hidden.ts).
  return { sql: parts.join(' AND ') + hiddenSql(db, 'a.id'), params };
}

/**
 * Candidate ids below `below`, newest first: the tail (rows the index does not cover yet, the
 * newest ones) straight from the table, then the index; without long words, the table throughout.
 */
function candidates(db: Db, r: Resolved, w: number, below: number, n: number): number[] {
  if (r.long.length > 0 && below <= w + 1) {
    return prep(
      db,
      `SELECT rowid FROM alerts_fts WHERE alerts_fts MATCH ? AND rowid < ?
       ORDER BY rowid DESC LIMIT ?`,
    )
      .pluck()
      .all(ftsQuery(r.long), below, n) as number[];
  }
  const floor = r.long.length > 0 ? w : 0;
  return prep(db, 'SELECT id FROM alerts WHERE id < ? AND id > ? ORDER BY id DESC LIMIT ?')
    .pluck()
    .all(below, floor, n) as number[];
}

export interface SearchPage {
  ids: number[];
  /** Continue below this id; null when nothing is left. */
  next: number | null;
}

export function searchPage(db: Db, r: Resolved, below: number | null, limit: number): SearchPage {
  const m = matchSql(db, r);
  const w = mark(db);
  const filter = prep(
    db,
    `SELECT a.id FROM alerts a WHERE a.id IN (SELECT value FROM json_each(?)) AND ${m.sql}
     ORDER BY a.id DESC LIMIT ?`,
  );
  const ids: number[] = [];
  let frontier = below ?? Number.MAX_SAFE_INTEGER;
  let scanned = 0;
  // instr() (words without ASCII letters) is fast enough to read as many rows as the index gives.
  const ascii = r.short.some((w) => /[A-Za-z]/.test(w));
  const cap = r.long.length > 0 || !ascii ? MAX_SCAN : MAX_SCAN_TABLE;
  while (scanned < cap) {
    // Newest first: the tail (not in the index yet) before the index.
    const inTail = r.long.length > 0 && frontier > w + 1;
    const batch = candidates(db, r, w, frontier, CHUNK);
    scanned += batch.length;
    const want = limit - ids.length;
    const hits =
      batch.length === 0
        ? []
        : (filter.pluck().all(JSON.stringify(batch), ...m.params, want + 1) as number[]);
    if (hits.length > want) {
      ids.push(...hits.slice(0, want));
      return { ids, next: ids.at(-1) ?? frontier };
    }
    ids.push(...hits);
    if (batch.length < CHUNK) {
      if (!inTail) return { ids, next: null };
      frontier = w + 1;
    } else frontier = batch.at(-1)!;
    if (ids.length === limit) return { ids, next: frontier };
  }
  return { ids, next: frontier };
}

/** How many alerts matching the view arrived after `afterId` (reads at most MAX_NEW rows). */
export function countAfter(db: Db, r: Resolved, afterId: number): { count: number; more: boolean } {
  const m = matchSql(db, r);
  const ids = prep(db, 'SELECT id FROM alerts WHERE id > ? ORDER BY id LIMIT ?')
    .pluck()
    .all(afterId, MAX_NEW + 1) as number[];
  const more = ids.length > MAX_NEW;
  const scan = ids.slice(0, MAX_NEW);
  if (scan.length === 0) return { count: 0, more: false };
  const { n } = prep(
    db,
    `SELECT count(*) AS n FROM alerts a WHERE a.id IN (SELECT value FROM json_each(?)) AND ${m.sql}`,
  ).get(JSON.stringify(scan), ...m.params) as { n: number };
  return { count: n, more };
}
