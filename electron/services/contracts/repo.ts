import type { Contract } from '../../shared/domain/contract';
import type { Db } from '../store/database';
import { placeholders } from './scope';

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
