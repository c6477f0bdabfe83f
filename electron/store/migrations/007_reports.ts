import type { Migration } from '../migrate';

/**
 * Schema of issue #7 reports (docs/reports.md, docs/bundle-format.md): monthly reports made here
 * (the report JSON as made, so the screen, the PDF and a bundle show the same figures) and report
 * bundles imported from another SOC Desk, stored read-only. The customers a report is about sit in
 * their own tables, so scope checks are an indexed join (a portfolio report has many customers).
 * No table here has a customer_id column: a portfolio report holds several customers' figures and
 * must not travel with one customer's data export (electron/services/system/export.ts).
 */
export const migration: Migration = {
  version: 7,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('customer', 'portfolio')),
        month TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('ja', 'en')),
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        -- The report JSON exactly as made (shared/report/schema.ts) and the SHA-256 of its bytes.
        json TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        -- Printed on first request and kept, so a bundle carries the same PDF as the one saved.
        pdf BLOB
      ) STRICT;
      CREATE INDEX reports_created ON reports(created_at);

      CREATE TABLE report_customers (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        PRIMARY KEY (report_id, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX report_customers_customer ON report_customers(customer_id);

      -- A bundle that passed every check (electron/services/reports/bundle-read.ts); never edited.
      CREATE TABLE imported_reports (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('customer', 'portfolio')),
        month TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('ja', 'en')),
        -- From the manifest: when and by which SOC Desk version the bundle was made.
        bundle_created_at INTEGER NOT NULL,
        app_version TEXT NOT NULL,
        file_name TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        manifest TEXT NOT NULL,
        report_json TEXT NOT NULL,
        report_sha256 TEXT NOT NULL,
        pdf BLOB NOT NULL,
        pdf_sha256 TEXT NOT NULL,
        -- The same report imported twice is stored once.
        UNIQUE (report_id, report_sha256)
      ) STRICT;
      CREATE INDEX imported_reports_imported ON imported_reports(imported_at);

      CREATE TABLE imported_report_customers (
        imported_id INTEGER NOT NULL REFERENCES imported_reports(id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        PRIMARY KEY (imported_id, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX imported_report_customers_customer ON imported_report_customers(customer_id);
    `);
  },
};
