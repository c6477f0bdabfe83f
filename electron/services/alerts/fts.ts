/**
 * The alerts' full-text index (FTS5 trigram, migration 003). Triggers queue changed rows;
 * `indexPending` indexes them in one statement per batch, which FTS5 buffers in memory (a row
 * trigger would flush the buffer once per row, ~10x slower). Every writer gets search for free:
 * the import indexes at the end of each chunk, and a search first indexes what is still queued.
 */
import type { Db } from '../../store/database';

const COLUMNS = 'title_ja, title_en, description_ja, description_en, hosts, indicators';

/** Indexes up to `limit` queued rows; returns how many were handled. Call inside a transaction. */
export function indexPending(db: Db, limit = 50_000): number {
  const ids = db
    .prepare('SELECT alert_id FROM alert_fts_queue ORDER BY alert_id LIMIT ?')
    .pluck()
    .all(limit) as number[];
  if (ids.length === 0) return 0;
  const lo = ids[0]!;
  const hi = ids.at(-1)!;
  db.prepare(
    `DELETE FROM alerts_fts WHERE rowid IN
       (SELECT alert_id FROM alert_fts_queue WHERE alert_id BETWEEN ? AND ? AND op IN (1, 2))`,
  ).run(lo, hi);
  db.prepare(
    `INSERT INTO alerts_fts (rowid, ${COLUMNS})
     SELECT a.id, a.title_ja, a.title_en, a.description_ja, a.description_en, a.hosts, a.indicators
     FROM alert_fts_queue q JOIN alerts a ON a.id = q.alert_id
     WHERE q.alert_id BETWEEN ? AND ? AND q.op IN (0, 1)`,
  ).run(lo, hi);
  db.prepare('DELETE FROM alert_fts_queue WHERE alert_id BETWEEN ? AND ?').run(lo, hi);
  return ids.length;
}

/** Indexes everything still queued, in bounded transactions (a search calls this first). */
export function ensureIndexed(db: Db): void {
  const pending = () => db.prepare('SELECT 1 FROM alert_fts_queue LIMIT 1').get() !== undefined;
  while (pending()) {
    if (db.transaction(() => indexPending(db))() === 0) return;
  }
}

/** Characters, not UTF-16 units: a trigram is three code points. */
const chars = (s: string) => [...s];

/**
 * The words of a search box: split on spaces (ASCII and ideographic), at most 8, each at most 64
 * characters. Words of 3+ characters use the index; shorter ones (通信, 感染) only filter.
 */
export function searchWords(q: string): { long: string[]; short: string[] } {
  const words = q
    .normalize('NFKC')
    .split(/[\s\u3000]+/)
    .filter((w) => w !== '')
    .slice(0, 8)
    .map((w) => chars(w).slice(0, 64).join(''));
  return {
    long: words.filter((w) => chars(w).length >= 3),
    short: words.filter((w) => chars(w).length < 3),
  };
}

/**
 * The FTS5 query for words of 3+ characters: every word as trigrams that cover it without overlap
 * (plus the last one), all AND-ed. With detail=none FTS5 cannot match phrases, so this finds rows
 * holding all the trigrams and `likePatterns` re-checks the real substring.
 */
export function ftsQuery(long: readonly string[]): string {
  const terms = new Set<string>();
  for (const word of long) {
    const c = chars(word.toLowerCase());
    for (let i = 0; i + 3 <= c.length; i += 3) terms.add(c.slice(i, i + 3).join(''));
    if (c.length % 3 !== 0) terms.add(c.slice(-3).join(''));
  }
  return [...terms].map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}

/** `%word%` for LIKE with `\` as the escape character. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const TEXT_COLUMNS = [
  'title_ja',
  'title_en',
  'description_ja',
  'description_en',
  'hosts',
  'indicators',
] as const;

/** SQL that is true when a row of `alerts` (alias `a`) contains the word, and its parameters. */
export function containsSql(word: string): { sql: string; params: string[] } {
  const pattern = likePattern(word);
  return {
    sql: `(${TEXT_COLUMNS.map((c) => `a.${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
    params: TEXT_COLUMNS.map(() => pattern),
  };
}
