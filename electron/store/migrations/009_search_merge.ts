import type { Migration } from '../migrate';

/**
 * The search index merges its segments 16 at a time instead of FTS5's default 4 (issue #4's
 * import target). Every write transaction adds a segment; with 4, a 10^6-alert import merged each
 * trigram about log4(400) ≈ 4 times over, with 16 about twice — measured 33 → 21 µs per alert at
 * 4·10^5 rows, with search p95 unchanged (under a millisecond in the index), because a level then
 * holds at most 15 segments to read (docs/performance.md). The "crisis" merge, which merges a
 * whole level inside one transaction, moves from 16 segments (where it would now fire every time,
 * holding the write lock for seconds at 10^6) to 64, so merging stays incremental and each write
 * transaction short. The settings are stored in the index's own config table, so they hold for
 * every connection and every later write.
 */
export const migration: Migration = {
  version: 9,
  name: 'search_merge',
  up(db) {
    db.exec(`INSERT INTO alerts_fts (alerts_fts, rank) VALUES ('automerge', 16)`);
    db.exec(`INSERT INTO alerts_fts (alerts_fts, rank) VALUES ('crisismerge', 64)`);
  },
};
