import type { Migration } from '../migrate';

/**
 * Schema of issue #4 alerts: search index, list indexes, rollups for the dashboard and the queue's
 * counts, the recommendation checklist, import bookkeeping. docs/alerts.md and docs/performance.md
 * explain the choices.
 */
export const migration: Migration = {
  version: 3,
  name: 'alerts-workflow',
  up(db) {
    db.exec(`
      -- What the source said, hashed, so re-importing an unchanged alert writes nothing.
      ALTER TABLE alerts ADD COLUMN content_hash TEXT;

      -- Keyset paging of the queue: one index per way in (everything, by status, by severity, by
      -- kind), newest first inside each, carrying the other filter columns so a filter is checked
      -- in the index without reading the row.
      CREATE INDEX alerts_q_detected
        ON alerts(customer_id, detected_at, id, status, severity, threat_kind);
      CREATE INDEX alerts_q_status
        ON alerts(customer_id, status, detected_at, id, severity, threat_kind);
      CREATE INDEX alerts_q_severity
        ON alerts(customer_id, severity, detected_at, id, status, threat_kind);
      CREATE INDEX alerts_q_kind
        ON alerts(customer_id, threat_kind, detected_at, id, status, severity);
      CREATE INDEX alert_hosts_host ON alert_hosts(customer_id, host, day);
      -- Covered by the first two above (same leading columns); one index less per insert.
      DROP INDEX alerts_customer_detected;
      DROP INDEX alerts_customer_status;

      -- Full-text search: trigram (substrings, Japanese without word breaks). Contentless with
      -- detail=none keeps the index small and fast to build; hits are re-checked against the row.
      CREATE VIRTUAL TABLE alerts_fts USING fts5(
        title_ja, title_en, description_ja, description_en, hosts, indicators,
        content='', contentless_delete=1, tokenize='trigram', detail=none
      );

      -- Rollups for counts at 10^6 alerts, and the search index, cover the alerts with id <= w
      -- ("caught up"); newer rows are the tail that queries read directly until catchUp()
      -- (electron/services/alerts/derived.ts) folds them in with a few GROUP BY statements. There
      -- are no INSERT triggers: any trigger makes SQLite keep a statement journal for every insert,
      -- which measured ~35 us per alert on the encrypted store (docs/performance.md). Updates and
      -- deletes of caught-up rows adjust the rollups through the triggers below.
      CREATE TABLE alert_derived_mark (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        w INTEGER NOT NULL
      ) STRICT;
      INSERT INTO alert_derived_mark VALUES (1, 0);

      -- Caught-up rows whose search entry must be redone (1) or removed (2).
      CREATE TABLE alert_fts_queue (
        alert_id INTEGER PRIMARY KEY,
        op INTEGER NOT NULL CHECK (op IN (1, 2))
      ) STRICT;

      CREATE TABLE alert_facets (
        customer_id TEXT NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        threat_kind TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (customer_id, status, severity, threat_kind)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE alert_day_counts (
        customer_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        threat_class TEXT NOT NULL,
        source TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (customer_id, day, threat_class, source)
      ) STRICT, WITHOUT ROWID;
      -- Hosts per day, from alert_hosts; an alert's hosts column lists the same hosts, so the
      -- triggers (which see only the alerts row) adjust it from there.
      CREATE TABLE alert_host_days (
        customer_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        host TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (customer_id, day, host)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX alert_host_days_host ON alert_host_days(host, customer_id);

      CREATE TRIGGER alerts_derived_ad AFTER DELETE ON alerts
      WHEN old.id <= (SELECT w FROM alert_derived_mark) BEGIN
        UPDATE alert_facets SET n = n - 1 WHERE customer_id = old.customer_id
          AND status = old.status AND severity = old.severity AND threat_kind = old.threat_kind;
        DELETE FROM alert_facets WHERE customer_id = old.customer_id AND status = old.status
          AND severity = old.severity AND threat_kind = old.threat_kind AND n <= 0;
        UPDATE alert_day_counts SET n = n - 1 WHERE customer_id = old.customer_id
          AND day = old.day AND threat_class = old.threat_class AND source = old.source;
        DELETE FROM alert_day_counts WHERE customer_id = old.customer_id AND day = old.day
          AND threat_class = old.threat_class AND source = old.source AND n <= 0;
        UPDATE alert_host_days SET n = n - 1 WHERE customer_id = old.customer_id AND day = old.day
          AND host IN (SELECT value FROM json_each(old.hosts));
        DELETE FROM alert_host_days WHERE customer_id = old.customer_id AND day = old.day
          AND host IN (SELECT value FROM json_each(old.hosts)) AND n <= 0;
        INSERT INTO alert_fts_queue VALUES (old.id, 2) ON CONFLICT DO UPDATE SET op = 2;
        -- A deleted last row frees its id for the next insert: keep that id in the tail.
        UPDATE alert_derived_mark SET w = min(w, coalesce((SELECT max(id) FROM alerts), 0));
      END;

      CREATE TRIGGER alerts_derived_au_facets
      AFTER UPDATE OF customer_id, status, severity, threat_kind ON alerts
      WHEN old.id <= (SELECT w FROM alert_derived_mark) AND (old.customer_id IS NOT new.customer_id
        OR old.status IS NOT new.status OR old.severity IS NOT new.severity
        OR old.threat_kind IS NOT new.threat_kind) BEGIN
        UPDATE alert_facets SET n = n - 1 WHERE customer_id = old.customer_id
          AND status = old.status AND severity = old.severity AND threat_kind = old.threat_kind;
        DELETE FROM alert_facets WHERE customer_id = old.customer_id AND status = old.status
          AND severity = old.severity AND threat_kind = old.threat_kind AND n <= 0;
        INSERT INTO alert_facets VALUES (new.customer_id, new.status, new.severity, new.threat_kind, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TRIGGER alerts_derived_au_days
      AFTER UPDATE OF customer_id, day, threat_class, source ON alerts
      WHEN old.id <= (SELECT w FROM alert_derived_mark) AND (old.customer_id IS NOT new.customer_id
        OR old.day IS NOT new.day OR old.threat_class IS NOT new.threat_class
        OR old.source IS NOT new.source) BEGIN
        UPDATE alert_day_counts SET n = n - 1 WHERE customer_id = old.customer_id
          AND day = old.day AND threat_class = old.threat_class AND source = old.source;
        DELETE FROM alert_day_counts WHERE customer_id = old.customer_id AND day = old.day
          AND threat_class = old.threat_class AND source = old.source AND n <= 0;
        INSERT INTO alert_day_counts VALUES (new.customer_id, new.day, new.threat_class, new.source, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TRIGGER alerts_derived_au_hosts AFTER UPDATE OF customer_id, day, hosts ON alerts
      WHEN old.id <= (SELECT w FROM alert_derived_mark) AND (old.customer_id IS NOT new.customer_id
        OR old.day IS NOT new.day OR old.hosts IS NOT new.hosts) BEGIN
        UPDATE alert_host_days SET n = n - 1 WHERE customer_id = old.customer_id AND day = old.day
          AND host IN (SELECT value FROM json_each(old.hosts));
        DELETE FROM alert_host_days WHERE customer_id = old.customer_id AND day = old.day
          AND host IN (SELECT value FROM json_each(old.hosts)) AND n <= 0;
        INSERT INTO alert_host_days SELECT DISTINCT new.customer_id, new.day, value, 1
          FROM json_each(new.hosts) WHERE true ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TRIGGER alerts_derived_au_text AFTER UPDATE OF title_ja, title_en, description_ja,
        description_en, hosts, indicators ON alerts
      WHEN old.id <= (SELECT w FROM alert_derived_mark) AND (old.title_ja IS NOT new.title_ja
        OR old.title_en IS NOT new.title_en OR old.description_ja IS NOT new.description_ja
        OR old.description_en IS NOT new.description_en OR old.hosts IS NOT new.hosts
        OR old.indicators IS NOT new.indicators) BEGIN
        INSERT INTO alert_fts_queue VALUES (new.id, 1) ON CONFLICT DO NOTHING;
      END;

      -- The recommendations a user ticked, per alert (ids are the knowledge base's, assets/kb/).
      CREATE TABLE alert_checklist (
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        recommendation_id TEXT NOT NULL,
        done_at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        PRIMARY KEY (alert_id, recommendation_id)
      ) STRICT, WITHOUT ROWID;

      -- Imports: one row per file, the id ranges each applied chunk inserted, and the rows it
      -- changed as they were before, so an import that does not finish is undone completely.
      CREATE TABLE alert_imports (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        actor TEXT NOT NULL,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('json', 'ndjson', 'csv')),
        customer_ids TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN
          ('validating', 'applying', 'done', 'invalid', 'cancelled', 'failed', 'rolled_back')),
        records INTEGER NOT NULL DEFAULT 0,
        inserted INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        error TEXT
      ) STRICT;
      CREATE INDEX alert_imports_state ON alert_imports(state);
      CREATE TABLE alert_import_chunks (
        import_id INTEGER NOT NULL REFERENCES alert_imports(id) ON DELETE CASCADE,
        first_id INTEGER NOT NULL,
        last_id INTEGER NOT NULL,
        PRIMARY KEY (import_id, first_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE alert_import_undo (
        import_id INTEGER NOT NULL REFERENCES alert_imports(id) ON DELETE CASCADE,
        alert_id INTEGER NOT NULL,
        before TEXT NOT NULL,
        PRIMARY KEY (import_id, alert_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
