import type { Migration } from '../migrate';

/** The first schema: settings, partners, customers (parameter sheet), contracts, devices and health. */
export const migration: Migration = {
  version: 1,
  name: 'master-data',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        name_ja TEXT NOT NULL,
        name_en TEXT NOT NULL,
        desk_phone TEXT NOT NULL DEFAULT '',
        desk_email TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        partner_id TEXT NOT NULL REFERENCES partners(id),
        name_ja TEXT NOT NULL,
        name_en TEXT NOT NULL,
        industry_ja TEXT NOT NULL,
        industry_en TEXT NOT NULL,
        contact_name TEXT NOT NULL,
        contact_kana TEXT NOT NULL,
        contact_department TEXT NOT NULL,
        contact_phone TEXT NOT NULL,
        contact_email TEXT NOT NULL,
        utm_url_filter INTEGER NOT NULL CHECK (utm_url_filter IN (0, 1)),
        fw_proxy INTEGER NOT NULL CHECK (fw_proxy IN (0, 1))
      ) STRICT;
      CREATE INDEX customers_partner ON customers(partner_id);

      CREATE TABLE contracts (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        service TEXT NOT NULL,
        category TEXT,
        module TEXT,
        item TEXT,
        options TEXT NOT NULL DEFAULT '[]',
        management_unit TEXT,
        start_date TEXT NOT NULL,
        billing_start TEXT NOT NULL,
        monthly_fee INTEGER,
        annual_fee INTEGER,
        notice_received TEXT,
        requested_end TEXT,
        contract_no TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contracts_customer ON contracts(customer_id);

      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        kind TEXT NOT NULL,
        vendor TEXT NOT NULL,
        model TEXT NOT NULL,
        name TEXT NOT NULL,
        serial TEXT NOT NULL,
        rented INTEGER NOT NULL CHECK (rented IN (0, 1)),
        contract_id TEXT REFERENCES contracts(id),
        installed_on TEXT,
        last_seen_at INTEGER,
        data_collection_ok INTEGER NOT NULL CHECK (data_collection_ok IN (0, 1))
      ) STRICT;
      CREATE INDEX devices_customer ON devices(customer_id);

      CREATE TABLE health_samples (
        device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        cpu_pct REAL NOT NULL,
        mem_pct REAL NOT NULL,
        disk_pct REAL NOT NULL,
        bandwidth_mbps REAL NOT NULL,
        endpoints INTEGER NOT NULL,
        PRIMARY KEY (device_id, at)
      ) STRICT, WITHOUT ROWID;

    `);
  },
};
