import type { Migration } from '../migrate';

/**
 * The search index merges its segments 16 at a time instead of FTS5's default 4 (issue #4's
 * import target). Every write transaction adds a segment; with 4, a 10^6-alert import merged each
 * trigram about log4(400) ≈ 4 times over, with 16 about twice — measured 43 → 28 µs per alert at
 * 4·10^5 rows, with search p95 unchanged (under a millisecond in the index), because a level then
 * holds at most 15 segments to read (docs/performance.md). The setting is stored in the index's
 * own config table, so it holds for every connection and every later write.
 */
export const migration: Migration = {
  version: 9,
  name: 'search_merge',
  up(db) {
    db.exec(`INSERT INTO alerts_fts (alerts_fts, rank) VALUES ('automerge', 16)`);
  },
};
