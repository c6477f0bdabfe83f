import { writeFileSync } from 'node:fs';
import type { FileRef } from '../../../shared/api';
import { jstIsoDate } from '../../../shared/time';
import { readSnapshot, type Db } from '../../store/database';
import { hiddenBranch, hiddenSql, type RollupTable } from '../alerts/hidden';
import type { ServiceContext } from '../context';
import { actor, resolveCustomers } from '../scope';

interface ForeignKey {
  table: string;
  from: string;
  to: string;
}

/** Ordinary tables of the store, without SQLite's own, full-text shadow tables and settings. */
function dataTables(db: Db): string[] {
  const rows = db
    .prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'")
    .all() as { name: string; type: string }[];
  const virtual = rows.filter((r) => r.type === 'virtual').map((r) => r.name);
  return rows
    .filter((r) => r.type === 'table' && !r.name.startsWith('sqlite_') && r.name !== 'settings')
    .filter((r) => !virtual.some((v) => r.name.startsWith(`${v}_`)))
    .map((r) => r.name);
}

const columns = (db: Db, table: string) =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map(
    (c) => c.name,
  );
const foreignKeys = (db: Db, table: string) =>
  db
    .prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)')
    .all(table) as ForeignKey[];

const ROLLUPS: readonly string[] = ['alert_facets', 'alert_day_counts', 'alert_host_days'];

/**
 * A table's rows of one customer, without what an interrupted import left (alerts/hidden.ts): its
 * alerts and their hosts are left out (children follow by key), the rollups count without them.
 */
function ownRows(db: Db, t: string, cols: string[], customerId: string) {
  const rows = (sql: string, params: unknown[]) =>
    db.prepare(sql).all(...params) as Record<string, unknown>[];
  if (ROLLUPS.includes(t)) {
    const keys = cols.filter((c) => c !== 'n').join(', ');
    const minus = hiddenBranch(db, t as RollupTable, `${keys}, n`, 'customer_id = ?', [customerId]);
    if (minus.sql === '') return rows(`SELECT * FROM "${t}" WHERE customer_id = ?`, [customerId]);
    return rows(
      `SELECT ${keys}, sum(n) AS n FROM (SELECT ${keys}, n FROM "${t}" WHERE customer_id = ?
       ${minus.sql}) GROUP BY ${keys} HAVING sum(n) > 0 ORDER BY ${keys}`,
      [customerId, ...minus.params],
    );
  }
  const gone =
    t === 'alerts'
      ? hiddenSql(db, 'id')
      : cols.includes('alert_id')
        ? hiddenSql(db, 'alert_id')
        : '';
  return rows(`SELECT * FROM "${t}" WHERE customer_id = ?${gone}`, [customerId]);
}

/**
 * Every record of one customer: rows of tables with a customer_id, then, table by table, rows that
 * point (by foreign key) at rows already taken — so tables added by later features are included
 * without listing them here. Read on one snapshot (rollups and their corrections, alerts/hidden.ts).
 */
export function customerRecords(db: Db, customerId: string): Record<string, unknown[]> {
  return readSnapshot(db, () => recordsOf(db, customerId));
}

/** customerRecords, outside a snapshot. */
function recordsOf(db: Db, customerId: string): Record<string, unknown[]> {
  const tables = dataTables(db);
  const out: Record<string, Record<string, unknown>[]> = {};
  out.customers = db.prepare('SELECT * FROM customers WHERE id = ?').all(customerId) as Record<
    string,
    unknown
  >[];
  for (const t of tables) {
    const cols = columns(db, t);
    if (t !== 'customers' && cols.includes('customer_id')) {
      out[t] = ownRows(db, t, cols, customerId);
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const t of tables) {
      if (out[t]) continue;
      const fks = foreignKeys(db, t).filter((fk) => out[fk.table] && fk.table !== 'partners');
      if (fks.length === 0) continue;
      const rows = new Map<string, Record<string, unknown>>();
      for (const fk of fks) {
        const keys = [...new Set(out[fk.table]!.map((r) => r[fk.to ?? 'id']))];
        for (let i = 0; i < keys.length; i += 500) {
          const chunk = keys.slice(i, i + 500);
          const found = db
            .prepare(
              `SELECT * FROM "${t}" WHERE "${fk.from}" IN (${chunk.map(() => '?').join(', ')})`,
            )
            .all(...chunk) as Record<string, unknown>[];
          // A row linked through two keys is taken once (some tables have no rowid to tell them apart).
          for (const r of found) rows.set(JSON.stringify(r), r);
        }
      }
      out[t] = [...rows.values()];
      changed = true;
    }
  }
  return Object.fromEntries(Object.entries(out).filter(([, rows]) => rows.length > 0));
}

/** Writes one customer's records as JSON and records the export in the audit log. */
export function exportCustomer(ctx: ServiceContext, customerId: string): FileRef {
  const [id] = resolveCustomers(ctx, customerId);
  const now = ctx.clock.now();
  const out = ctx.files.createOutput(`socdesk-${id}-${jstIsoDate(now).replaceAll('-', '')}.json`, [
    id!,
  ]);
  const document = {
    format: 'soc-desk-customer-export',
    formatVersion: 1,
    exportedAt: new Date(now).toISOString(),
    customerId: id,
    tables: customerRecords(ctx.db, id!),
  };
  writeFileSync(out.path, JSON.stringify(document, null, 1), { mode: 0o600 });
  ctx.db
    .prepare(
      'INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(now, actor(ctx), 'export', 'customer', id, id);
  return out.commit();
}
