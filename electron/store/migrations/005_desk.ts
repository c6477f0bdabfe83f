import type { Migration } from '../migrate';

/**
 * Schema of issue #6, the first-line desk (002 別紙3): hearing-sheet templates (every version kept,
 * so an old sheet still renders), inquiries with their sheet, caller check, reception clock and
 * outcome, the alerts they are about, escalation packages and each attempt to deliver one.
 */
export const migration: Migration = {
  version: 5,
  name: 'desk',
  up(db) {
    db.exec(`
      -- Every template version ever shipped, imported or used; never deleted.
      CREATE TABLE hearing_templates (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        title_ja TEXT NOT NULL,
        title_en TEXT NOT NULL,
        body TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('shipped', 'imported', 'with-sheet')),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (id, version)
      ) STRICT;

      -- side: 'partner' is the desk's record of a call or mail; 'customer' is a sheet the
      -- customer prepares before calling. Each profile sees only its own side (docs/desk.md).
      CREATE TABLE inquiries (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        side TEXT NOT NULL CHECK (side IN ('partner', 'customer')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'open', 'answered', 'refused',
          'escalated', 'acknowledged', 'second-line-answered', 'closed')),
        channel TEXT CHECK (channel IN ('phone', 'email')),
        received_at INTEGER,
        reception_day TEXT,
        due_at INTEGER,
        received_outside TEXT CHECK (received_outside IN ('before-open', 'after-close', 'weekend',
          'holiday', 'year-end')),
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        answers TEXT NOT NULL DEFAULT '{}',
        answers_rev INTEGER NOT NULL DEFAULT 0,
        answers_saved_at INTEGER,
        caller_name TEXT,
        caller_phone TEXT,
        caller_email TEXT,
        caller_result TEXT CHECK (caller_result IN ('match', 'mismatch')),
        caller_fields TEXT,
        caller_decision TEXT CHECK (caller_decision IN ('served', 'callback-confirmed',
          'served-with-reason', 'refused')),
        caller_note TEXT,
        verified_at INTEGER,
        phone_answer TEXT,
        answered_at INTEGER,
        first_answer_at INTEGER,
        on_time INTEGER CHECK (on_time IN (0, 1)),
        package_id TEXT,
        escalated_at INTEGER,
        acknowledged_at INTEGER,
        ack_reference TEXT,
        sl_answered_at INTEGER,
        sl_incident_status TEXT,
        sl_resolution TEXT,
        sl_prevention TEXT,
        sl_vendor_introduced INTEGER CHECK (sl_vendor_introduced IN (0, 1)),
        sl_vendor_name TEXT,
        sl_insurance_relevant INTEGER CHECK (sl_insurance_relevant IN (0, 1)),
        sl_note TEXT,
        closed_at INTEGER,
        close_note TEXT,
        imported_from TEXT,
        sent_at INTEGER,
        sent_via TEXT CHECK (sent_via IN ('email', 'file')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        FOREIGN KEY (template_id, template_version) REFERENCES hearing_templates(id, version)
      ) STRICT;
      CREATE INDEX inquiries_scope_due ON inquiries(customer_id, side, status, due_at);
      CREATE UNIQUE INDEX inquiries_imported ON inquiries(side, imported_from)
        WHERE imported_from IS NOT NULL;

      CREATE TABLE inquiry_alerts (
        inquiry_id TEXT NOT NULL REFERENCES inquiries(id) ON DELETE CASCADE,
        alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (inquiry_id, alert_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX inquiry_alerts_alert ON inquiry_alerts(alert_id);

      -- The package as sent: the JSON exactly as attached (its SHA-256 is over these bytes) and
      -- the PDF once printed. Kept, so a failed delivery can be retried and nothing is lost.
      CREATE TABLE escalation_packages (
        id TEXT PRIMARY KEY,
        inquiry_id TEXT NOT NULL REFERENCES inquiries(id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        built_at INTEGER NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('ja', 'en')),
        json TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        pdf BLOB
      ) STRICT;
      CREATE INDEX escalation_packages_inquiry ON escalation_packages(inquiry_id, built_at);

      CREATE TABLE escalation_deliveries (
        id INTEGER PRIMARY KEY,
        package_id TEXT NOT NULL REFERENCES escalation_packages(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('smtp', 'file')),
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        error TEXT,
        message_id TEXT
      ) STRICT;
      CREATE INDEX escalation_deliveries_package ON escalation_deliveries(package_id, at);
    `);
  },
};
