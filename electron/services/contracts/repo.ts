import type { Contract } from '../../../shared/domain/contract';
import type { Db } from '../../store/database';
import { placeholders } from '../scope';

interface ContractRow {
  id: string;
  customer_id: string;
  service: Contract['service'];
  category: Contract['category'];
  module: Contract['module'];
  item: string | null;
  options: string;
  management_unit: string | null;
  start_date: string;
  billing_start: string;
  monthly_fee: number | null;
  annual_fee: number | null;
  notice_received: string | null;
  requested_end: string | null;
  contract_no: string;
}

export function contractFromRow(r: ContractRow): Contract {
  return {
    id: r.id,
    customerId: r.customer_id,
    service: r.service,
    category: r.category,
    module: r.module,
    item: r.item,
    options: JSON.parse(r.options) as Contract['options'],
    managementUnit: r.management_unit,
    start: r.start_date,
    billingStart: r.billing_start,
    monthlyFee: r.monthly_fee,
    annualFee: r.annual_fee,
    noticeReceived: r.notice_received,
    requestedEnd: r.requested_end,
    contractNo: r.contract_no,
  };
}

/** Contracts of the given customers (already resolved against the profile's scope). */
export function listContracts(db: Db, customerIds: readonly string[]): Contract[] {
  const rows = db
    .prepare(
      `SELECT * FROM contracts WHERE customer_id IN (${placeholders(customerIds)}) ORDER BY customer_id, id`,
    )
    .all(...customerIds) as ContractRow[];
  return rows.map(contractFromRow);
}

/** One contract of the given customers; undefined when it does not exist or is out of scope. */
export function getContract(
  db: Db,
  customerIds: readonly string[],
  contractId: string,
): Contract | undefined {
  const row = db
    .prepare(
      `SELECT * FROM contracts WHERE id = ? AND customer_id IN (${placeholders(customerIds)})`,
    )
    .get(contractId, ...customerIds) as ContractRow | undefined;
  return row ? contractFromRow(row) : undefined;
}

/** Names of the given customers, in scope order. */
export function customerNames(
  db: Db,
  customerIds: readonly string[],
): Array<{ id: string; nameJa: string; nameEn: string }> {
  return db
    .prepare(
      `SELECT id, name_ja AS nameJa, name_en AS nameEn FROM customers
       WHERE id IN (${placeholders(customerIds)}) ORDER BY id`,
    )
    .all(...customerIds) as Array<{ id: string; nameJa: string; nameEn: string }>;
}
