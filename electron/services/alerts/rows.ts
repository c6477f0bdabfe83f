/** Alerts as the renderer sees them: the queue's row shape, read by id within the scope. */
import type { AlertRow } from '../../../shared/ops/alerts';
import type { Db } from '../../store/database';
import { marks, prep } from './filter';
import { hiddenSql } from './hidden';

export const ROW_COLUMNS = `id, source, source_id, customer_id, module, threat_class, threat_kind,
  severity, source_severity, important, title_ja, title_en, detected_at, notified_at, last_seen,
  count, status, hosts`;

export interface RowRecord {
  id: number;
  source: AlertRow['source'];
  source_id: string;
  customer_id: string;
  module: AlertRow['module'];
  threat_class: AlertRow['threatClass'];
  threat_kind: AlertRow['threatKind'];
  severity: AlertRow['severity'];
  source_severity: string;
  important: number;
  title_ja: string;
  title_en: string;
  detected_at: number;
  notified_at: number | null;
  last_seen: number;
  count: number;
  status: AlertRow['status'];
  hosts: string;
}

export function toRow(r: RowRecord): AlertRow {
  return {
    id: r.id,
    source: r.source,
    sourceId: r.source_id,
    customerId: r.customer_id,
    module: r.module,
    threatClass: r.threat_class,
    threatKind: r.threat_kind,
    severity: r.severity,
    sourceSeverity: r.source_severity,
    important: r.important === 1,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    detectedAt: r.detected_at,
    notifiedAt: r.notified_at,
    lastSeen: r.last_seen,
    count: r.count,
    status: r.status,
    hosts: JSON.parse(r.hosts) as string[],
  };
}

/** The rows for these ids that belong to the given customers, in the order of `ids`. */
export function rowsByIds(
  db: Db,
  ids: readonly number[],
  customers: readonly string[],
): AlertRow[] {
  if (ids.length === 0 || customers.length === 0) return [];
  const found = prep(
    db,
    // By id; unary + keeps the planner from scanning a customer index instead.
    `SELECT ${ROW_COLUMNS} FROM alerts WHERE id IN (SELECT value FROM json_each(?))
     AND +customer_id IN (${marks(customers.length)})${hiddenSql(db, 'id')}`,
  ).all(JSON.stringify(ids), ...customers) as RowRecord[];
  const byId = new Map(found.map((r) => [r.id, toRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
