import type { Migration } from '../migrate';

/** Alerts of both sources with their hosts and communications, and the audit log. */
export const migration: Migration = {
  version: 2,
  name: 'alerts',
  up(db) {
    db.exec(`
      -- One row per alert of either source; day is the JST day number of detected_at, stored so
      -- dashboard aggregates group by an indexed column (TOOLCHAIN.md).
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('cts', 'csoc')),
        source_id TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        module TEXT,
        threat_class TEXT NOT NULL,
        threat_kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        source_severity TEXT NOT NULL,
        important INTEGER NOT NULL CHECK (important IN (0, 1)),
        title_ja TEXT NOT NULL,
        title_en TEXT NOT NULL,
        description_ja TEXT NOT NULL,
        description_en TEXT NOT NULL,
        original_text TEXT,
        detected_at INTEGER NOT NULL,
        notified_at INTEGER,
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        count INTEGER NOT NULL,
        day INTEGER NOT NULL,
        status TEXT NOT NULL,
        kill_chain TEXT,
        tactic TEXT,
        hosts TEXT NOT NULL DEFAULT '[]',
        indicators TEXT NOT NULL DEFAULT '[]',
        UNIQUE (source, source_id)
      ) STRICT;
      CREATE INDEX alerts_customer_day ON alerts(customer_id, day, threat_class, source);
      CREATE INDEX alerts_customer_status ON alerts(customer_id, status, severity);
      CREATE INDEX alerts_customer_detected ON alerts(customer_id, detected_at);

      CREATE TABLE alert_hosts (
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        host TEXT NOT NULL,
        PRIMARY KEY (alert_id, host)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX alert_hosts_customer_day ON alert_hosts(customer_id, day, host);

      CREATE TABLE communications (
        id INTEGER PRIMARY KEY,
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        src TEXT NOT NULL,
        dst TEXT NOT NULL,
        port INTEGER,
        protocol TEXT NOT NULL,
        url TEXT,
        action TEXT NOT NULL
      ) STRICT;
      CREATE INDEX communications_alert ON communications(alert_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        customer_id TEXT,
        from_value TEXT,
        to_value TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX audit_entity ON audit_log(entity, entity_id);
    `);
  },
};
