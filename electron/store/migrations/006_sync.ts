import type { Migration } from '../migrate';

/**
 * Schema of issue #7 feed sync (docs/feed-format.md): the connector's settings, its committed
 * position in the feed and a log of runs. The bearer token is not here: it is a sealed secret in
 * `settings` (`secret.sync.token`, electron/services/secrets.ts).
 */
export const migration: Migration = {
  version: 6,
  name: 'sync',
  up(db) {
    db.exec(`
      -- One feed per store (id = 1). owner_* is the profile that configured it: the feed may only
      -- write data of the customers that profile sees (electron/services/sync/access.ts).
      CREATE TABLE sync_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        interval_min INTEGER NOT NULL CHECK (interval_min BETWEEN 1 AND 1440),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('customer', 'partner')),
        owner_id TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Where the connector stands. cursor is written in the same transaction as the page it
      -- follows (never ahead of the data); feed_url ties it to one feed (another URL starts over).
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        feed_url TEXT NOT NULL,
        cursor TEXT,
        -- The validator of the last answer for etag_cursor: sent as If-None-Match to ask again.
        etag TEXT,
        etag_cursor TEXT,
        pages INTEGER NOT NULL DEFAULT 0 CHECK (pages >= 0),
        items INTEGER NOT NULL DEFAULT 0 CHECK (items >= 0),
        last_attempt_at INTEGER,
        last_success_at INTEGER,
        last_error_at INTEGER,
        last_error_code TEXT,
        last_error_detail TEXT
      ) STRICT;

      -- One row per run (manual or scheduled), updated page by page in the page's transaction.
      -- error_detail is JSON (HTTP status, located issues, refusals): keys and paths, no content.
      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY,
        trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        outcome TEXT NOT NULL CHECK (outcome IN
          ('running', 'ok', 'not_modified', 'error', 'interrupted', 'cancelled')),
        pages INTEGER NOT NULL DEFAULT 0,
        items INTEGER NOT NULL DEFAULT 0,
        refused INTEGER NOT NULL DEFAULT 0,
        retries INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_detail TEXT,
        refusals TEXT
      ) STRICT;
      CREATE INDEX sync_runs_started ON sync_runs(started_at);
      CREATE INDEX sync_runs_outcome ON sync_runs(outcome);
    `);
  },
};
