import type { Migration } from '../migrate';

/**
 * Personal-data protection (issue #8, docs/privacy.md): each sales partner's retention of closed
 * inquiries' personal data, and the record of what was deleted, when and why. The record holds
 * ids, dates and reasons only — never the data that was deleted.
 */
export const migration: Migration = {
  version: 8,
  name: 'privacy',
  up(db) {
    db.exec(`
      -- One row per partner that turned retention on; no row means off (the default).
      CREATE TABLE privacy_retention (
        partner_id TEXT PRIMARY KEY REFERENCES partners(id),
        months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 120),
        updated_at INTEGER NOT NULL,
        last_purge_at INTEGER,
        last_purge_count INTEGER
      ) STRICT;

      -- entity: 'inquiry' (entity_id = inquiry id) or 'contact' (entity_id = customer id).
      CREATE TABLE redactions (
        entity TEXT NOT NULL CHECK (entity IN ('inquiry', 'contact')),
        entity_id TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        at INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('retention', 'request')),
        PRIMARY KEY (entity, entity_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX redactions_customer ON redactions(customer_id, entity);

      -- The purge looks for closed desk records by closing time.
      CREATE INDEX inquiries_closed ON inquiries(side, closed_at) WHERE closed_at IS NOT NULL;
    `);
  },
};
