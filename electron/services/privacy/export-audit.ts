/**
 * Every export is in the audit log (issue #8; docs/privacy.md): a file made for saving, a job that
 * streams one, or a mail that sends one. One wrapper around the handlers writes the row after the
 * operation succeeded — who (the profile), which operation, which record, which customer — and
 * nothing of the content. The table below must name every operation whose result is a FileRef:
 * the compiler refuses it otherwise (`FileOps`), so a new export cannot be added unaudited.
 */
import type { FileRef, OperationName, ResultOf } from '../../../shared/api';
import type { ServiceContext } from '../context';
import type { Handler, Handlers } from '../handlers-types';
import { actor } from '../scope';

/** Operations whose result is a file made for the user (not `files.open`, which reads one in). */
type FileOps = { [K in OperationName]: ResultOf<K> extends FileRef ? K : never }[OperationName];
/** Exports that do not return the file: streamed by a job, or sent by mail. */
type OtherExports =
  'alerts.export' | 'reports.exportAlerts' | 'desk.sendPackage' | 'desk.mailSheet';
export type ExportOp = FileOps | OtherExports;

export interface ExportSpec {
  kind: 'file' | 'job' | 'mail';
  /** The audit row's entity, and the input field naming the record (else the whole view). */
  entity: string;
  idKey?: string;
  /** The feature writes its own row with this action already (kept, not doubled). */
  selfAudited?: string;
}

export const EXPORT_OPS: Record<ExportOp, ExportSpec> = {
  'alerts.export': { kind: 'job', entity: 'alerts' },
  'contracts.exportDeadlines': { kind: 'file', entity: 'contracts', idKey: 'customerId' },
  'desk.packageFile': { kind: 'file', entity: 'package', idKey: 'packageId' },
  'desk.exportSheet': { kind: 'file', entity: 'inquiry', idKey: 'inquiryId' },
  'desk.sendPackage': { kind: 'mail', entity: 'package', idKey: 'packageId' },
  'desk.mailSheet': { kind: 'mail', entity: 'inquiry', idKey: 'inquiryId' },
  'reports.pdf': { kind: 'file', entity: 'report', idKey: 'reportId' },
  'reports.csv': { kind: 'file', entity: 'report', idKey: 'reportId' },
  'reports.bundle': { kind: 'file', entity: 'report', idKey: 'reportId' },
  'reports.exportAlerts': { kind: 'job', entity: 'report', idKey: 'reportId' },
  'reports.importedPdf': { kind: 'file', entity: 'imported_report', idKey: 'id' },
  'reports.importedCsv': { kind: 'file', entity: 'imported_report', idKey: 'id' },
  'system.backup': { kind: 'file', entity: 'store', selfAudited: 'backup' },
  'system.exportCustomer': {
    kind: 'file',
    entity: 'customer',
    idKey: 'customerId',
    selfAudited: 'export',
  },
};

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** The one customer an export is about, when there is exactly one (else null: several or all). */
function customerOf(ctx: ServiceContext, spec: ExportSpec, input: unknown, result: unknown) {
  const fileId = field(result, 'fileId');
  if (typeof fileId === 'string') {
    const ids = ctx.files.get(fileId).customerIds ?? [];
    return ids.length === 1 ? ids[0]! : null;
  }
  const id = spec.idKey ? field(input, spec.idKey) : undefined;
  const one = (sql: string) =>
    (ctx.db.prepare(sql).get(id) as { customer_id: string } | undefined)?.customer_id ?? null;
  if (spec.entity === 'inquiry') return one('SELECT customer_id FROM inquiries WHERE id = ?');
  if (spec.entity === 'package')
    return one('SELECT customer_id FROM escalation_packages WHERE id = ?');
  if (spec.entity === 'report') {
    const ids = ctx.db
      .prepare('SELECT customer_id FROM report_customers WHERE report_id = ? LIMIT 2')
      .all(id) as Array<{ customer_id: string }>;
    return ids.length === 1 ? ids[0]!.customer_id : null;
  }
  const filterCustomer = field(field(input, 'filter'), 'customerId');
  return typeof filterCustomer === 'string' ? filterCustomer : null;
}

function auditExport(ctx: ServiceContext, name: ExportOp, input: unknown, result: unknown): void {
  const spec = EXPORT_OPS[name];
  if (spec.selfAudited) return;
  const id = spec.idKey ? field(input, spec.idKey) : undefined;
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id, to_value, note)
       VALUES (?, ?, 'export', ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.clock.now(),
      actor(ctx),
      spec.entity,
      typeof id === 'string' || typeof id === 'number' ? String(id) : 'view',
      customerOf(ctx, spec, input, result),
      name,
      spec.kind,
    );
}

export const isExportOp = (name: string): name is ExportOp => Object.hasOwn(EXPORT_OPS, name);

/** Every handler; the export operations write their audit row once they succeeded. */
export function withExportAudit(handlers: Handlers): Handlers {
  const wrapped = { ...handlers } as Record<OperationName, Handler<OperationName>>;
  for (const name of Object.keys(EXPORT_OPS) as ExportOp[]) {
    const handler = handlers[name] as Handler<OperationName>;
    wrapped[name] = async (input, ctx) => {
      const result = await handler(input, ctx);
      auditExport(ctx, name, input, result);
      return result;
    };
  }
  return wrapped;
}
