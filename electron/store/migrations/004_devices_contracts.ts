import type { Migration } from '../migrate';

/**
 * Schema of issue #5: outages of IIJ C-SOC and DDoS, the input of the SLA ledger (000 第11条,
 * 第15条, 別紙1; 004 第14条). Devices, health samples and contracts are in 001; changes to
 * outages are written to audit_log (002).
 */
export const migration: Migration = {
  version: 4,
  name: 'devices-contracts',
  up(db) {
    db.exec(`
      CREATE TABLE outages (
        id INTEGER PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        service TEXT NOT NULL CHECK (service IN ('iij-c-soc', 'iij-ddos')),
        -- NULL: the whole service (C-SOC: its platform) was unavailable.
        contract_id TEXT REFERENCES contracts(id),
        started_at INTEGER NOT NULL,
        -- When the vendor learned of it (000 第15条1 "知った時から"); NULL = at the start.
        known_at INTEGER,
        -- NULL while it lasts.
        ended_at INTEGER,
        vendor_fault INTEGER NOT NULL CHECK (vendor_fault IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (ended_at IS NULL OR ended_at > started_at),
        CHECK (known_at IS NULL OR known_at >= started_at)
      ) STRICT;
      CREATE INDEX outages_customer ON outages(customer_id, service, started_at);
    `);
  },
};
