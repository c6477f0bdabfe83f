import type { OutageInput, OutageRecord } from '../../../shared/ops/sla';
import { fail, type Issue } from '../../../shared/result';
import { DAY_MS } from '../../../shared/time';
import type { Db } from '../../store/database';
import type { ServiceContext } from '../context';
import { actor } from '../scope';

interface OutageRow {
  id: number;
  customer_id: string;
  service: OutageRecord['service'];
  contract_id: string | null;
  started_at: number;
  known_at: number | null;
  ended_at: number | null;
  vendor_fault: number;
  note: string;
  created_at: number;
  updated_at: number;
}

const fromRow = (r: OutageRow): OutageRecord => ({
  id: r.id,
  customerId: r.customer_id,
  service: r.service,
  contractId: r.contract_id,
  startedAt: r.started_at,
  knownAt: r.known_at,
  endedAt: r.ended_at,
  vendorFault: r.vendor_fault === 1,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Longest outage SOC Desk accepts: a longer one is a typo (a year is already a terminated service). */
export const MAX_OUTAGE_MS = 366 * DAY_MS;

export function listOutages(db: Db, customerId: string): OutageRecord[] {
  return (
    db
      .prepare('SELECT * FROM outages WHERE customer_id = ? ORDER BY started_at DESC, id DESC')
      .all(customerId) as OutageRow[]
  ).map(fromRow);
}

/** One outage of the given customers; undefined when missing or out of scope (indistinguishable). */
export function getOutage(db: Db, customerIds: readonly string[], id: number) {
  const row = db.prepare('SELECT * FROM outages WHERE id = ?').get(id) as OutageRow | undefined;
  return row && customerIds.includes(row.customer_id) ? fromRow(row) : undefined;
}

const issue = (path: string, key: string): Issue => ({ path, message: `sla:validation.${key}` });

/**
 * Checks an outage against the clock, itself, the customer's contracts and the other outages,
 * and ends the operation with every located problem at once (`invalid_input`).
 */
export function validateOutage(db: Db, input: OutageInput, now: number): void {
  const issues: Issue[] = [];
  const { startedAt, knownAt, endedAt } = input;
  if (startedAt > now) issues.push(issue('startedAt', 'future'));
  if (endedAt !== null) {
    if (endedAt <= startedAt) issues.push(issue('endedAt', 'endBeforeStart'));
    else if (endedAt - startedAt > MAX_OUTAGE_MS) issues.push(issue('endedAt', 'tooLong'));
    if (endedAt > now) issues.push(issue('endedAt', 'future'));
  } else if (now - startedAt > MAX_OUTAGE_MS) issues.push(issue('endedAt', 'tooLong'));
  if (knownAt !== null) {
    if (knownAt < startedAt) issues.push(issue('knownAt', 'knownBeforeStart'));
    else if (knownAt > (endedAt ?? now)) issues.push(issue('knownAt', 'knownAfterEnd'));
  }
  const contracts = db
    .prepare('SELECT id FROM contracts WHERE customer_id = ? AND service = ?')
    .all(input.customerId, input.service) as { id: string }[];
  if (contracts.length === 0) issues.push(issue('service', 'noContract'));
  else if (input.contractId !== null && !contracts.some((k) => k.id === input.contractId)) {
    issues.push(issue('contractId', 'contractMismatch'));
  }
  // Overlapping outages of the same scope would count the same hours twice in a credit.
  if (issues.length === 0) {
    const overlap = db
      .prepare(
        `SELECT 1 FROM outages WHERE customer_id = ? AND service = ? AND id IS NOT ?
           AND (contract_id IS NULL OR ? IS NULL OR contract_id = ?)
           AND started_at < ? AND coalesce(ended_at, ?) > ? LIMIT 1`,
      )
      .get(
        input.customerId,
        input.service,
        input.id ?? null,
        input.contractId,
        input.contractId,
        endedAt ?? now,
        now,
        startedAt,
      );
    if (overlap) issues.push(issue('startedAt', 'overlap'));
  }
  if (issues.length > 0) fail('invalid_input', { issues });
}

/** What the audit log keeps of an outage: times and flags, never the free-text note. */
const audited = (o: OutageRecord | OutageInput) =>
  JSON.stringify({
    service: o.service,
    contractId: o.contractId,
    startedAt: o.startedAt,
    knownAt: o.knownAt,
    endedAt: o.endedAt,
    vendorFault: o.vendorFault,
  });

export function audit(
  ctx: ServiceContext,
  action: 'outage.create' | 'outage.update' | 'outage.delete',
  id: number,
  customerId: string,
  from: OutageRecord | null,
  to: OutageRecord | null,
): void {
  const noteChanged = from !== null && to !== null && from.note !== to.note;
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id, from_value, to_value, note)
       VALUES (?, ?, ?, 'outage', ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.clock.now(),
      actor(ctx),
      action,
      String(id),
      customerId,
      from ? audited(from) : null,
      to ? audited(to) : null,
      noteChanged ? 'note changed' : null,
    );
}

/** Inserts or updates (by `input.id`) one outage; returns it as stored. */
export function writeOutage(db: Db, input: OutageInput, now: number): OutageRecord {
  const values = [
    input.service,
    input.contractId,
    input.startedAt,
    input.knownAt,
    input.endedAt,
    input.vendorFault ? 1 : 0,
    input.note,
    now,
  ];
  let id = input.id;
  if (id === undefined) {
    const r = db
      .prepare(
        `INSERT INTO outages (service, contract_id, started_at, known_at, ended_at, vendor_fault,
           note, updated_at, customer_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...values, input.customerId, now);
    id = Number(r.lastInsertRowid);
  } else {
    db.prepare(
      `UPDATE outages SET service = ?, contract_id = ?, started_at = ?, known_at = ?, ended_at = ?,
         vendor_fault = ?, note = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, id);
  }
  return fromRow(db.prepare('SELECT * FROM outages WHERE id = ?').get(id) as OutageRow);
}
