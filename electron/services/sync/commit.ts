/**
 * Commits one validated page of the feed: every item and the cursor after it, in one transaction.
 * Either the whole page and its cursor are in the store, or none of it is — so a crash, a kill or an
 * error at any point loses nothing and, with upserts by natural keys, duplicates nothing.
 */
import type { FeedChange, FeedPage } from '../../../shared/feed';
import { keyOf } from '../../../shared/feed';
import type { DataTopic } from '../../../shared/api';
import type { Issue } from '../../../shared/result';
import type { SyncError, SyncRefusal } from '../../../shared/ops/sync';
import { alertWriter } from '../../store/alerts';
import type { Db } from '../../store/database';
import { MAX_REFUSALS_KEPT } from './repo';

/** The page cannot be committed; nothing of it was written. */
export class PageRejected extends Error {
  constructor(readonly error: SyncError) {
    super(error.code);
    this.name = 'PageRejected';
  }
}

export interface CommitInput {
  runId: number;
  feedUrl: string;
  /** The cursor the page was asked for: it must still be the committed one (compare-and-set). */
  requestCursor: string | null;
  page: FeedPage;
  etag: string | null;
  /** Customers the feed may write (the owner's scope). */
  scope: ReadonlySet<string>;
  /** Tests only: called inside the transaction after each item is written. */
  onItem?: (index: number) => void;
}

export interface CommitResult {
  written: number;
  refused: SyncRefusal[];
  topics: DataTopic[];
}

const TOPICS: Record<FeedChange['kind'], DataTopic[]> = {
  // C-SOC notification times feed the SLA ledger (000 別紙1 2), contracts its credits.
  alert: ['alerts', 'sla'],
  contract: ['contracts', 'sla'],
  device: ['devices'],
  deviceStatus: ['devices'],
  healthSample: ['devices'],
};

/** Prepared statements for one store, built once per run. */
export function pageCommitter(db: Db): (input: CommitInput) => CommitResult {
  const writeAlert = alertWriter(db);
  const customerExists = db.prepare('SELECT 1 FROM customers WHERE id = ?').pluck();
  const alertOwner = db
    .prepare('SELECT customer_id FROM alerts WHERE source = ? AND source_id = ?')
    .pluck();
  const contractOwner = db.prepare('SELECT customer_id FROM contracts WHERE id = ?').pluck();
  const deviceOwner = db.prepare('SELECT customer_id FROM devices WHERE id = ?').pluck();
  const upsertContract = db.prepare(
    `INSERT INTO contracts (id, customer_id, service, category, module, item, options,
       management_unit, start_date, billing_start, monthly_fee, annual_fee, notice_received,
       requested_end, contract_no)
     VALUES (@id, @customerId, @service, @category, @module, @item, @options, @managementUnit,
       @start, @billingStart, @monthlyFee, @annualFee, @noticeReceived, @requestedEnd, @contractNo)
     ON CONFLICT (id) DO UPDATE SET service = excluded.service, category = excluded.category,
       module = excluded.module, item = excluded.item, options = excluded.options,
       management_unit = excluded.management_unit, start_date = excluded.start_date,
       billing_start = excluded.billing_start, monthly_fee = excluded.monthly_fee,
       annual_fee = excluded.annual_fee, notice_received = excluded.notice_received,
       requested_end = excluded.requested_end, contract_no = excluded.contract_no`,
  );
  const upsertDevice = db.prepare(
    `INSERT INTO devices (id, customer_id, kind, vendor, model, name, serial, rented, contract_id,
       installed_on, last_seen_at, data_collection_ok)
     VALUES (@id, @customerId, @kind, @vendor, @model, @name, @serial, @rented, @contractId,
       @installedOn, @lastSeenAt, @dataCollectionOk)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, vendor = excluded.vendor,
       model = excluded.model, name = excluded.name, serial = excluded.serial,
       rented = excluded.rented, contract_id = excluded.contract_id,
       installed_on = excluded.installed_on, last_seen_at = excluded.last_seen_at,
       data_collection_ok = excluded.data_collection_ok`,
  );
  const updateStatus = db.prepare(
    'UPDATE devices SET last_seen_at = ?, data_collection_ok = ? WHERE id = ?',
  );
  const upsertSample = db.prepare(
    `INSERT INTO health_samples (device_id, at, cpu_pct, mem_pct, disk_pct, bandwidth_mbps, endpoints)
     VALUES (@deviceId, @at, @cpuPct, @memPct, @diskPct, @bandwidthMbps, @endpoints)
     ON CONFLICT (device_id, at) DO UPDATE SET cpu_pct = excluded.cpu_pct,
       mem_pct = excluded.mem_pct, disk_pct = excluded.disk_pct,
       bandwidth_mbps = excluded.bandwidth_mbps, endpoints = excluded.endpoints`,
  );
  const currentCursor = db.prepare('SELECT feed_url, cursor FROM sync_state WHERE id = 1');
  const advance = db.prepare(
    `UPDATE sync_state SET cursor = ?, etag = ?, etag_cursor = ?, pages = pages + ?,
       items = items + ? WHERE id = 1`,
  );
  const runRefusals = db.prepare('SELECT refusals FROM sync_runs WHERE id = ?').pluck();
  const advanceRun = db.prepare(
    `UPDATE sync_runs SET pages = pages + ?, items = items + ?, refused = refused + ?,
       refusals = ? WHERE id = ?`,
  );

  /** Null when the item may be written, else why it is refused (tenant isolation). */
  const refusal = (c: FeedChange, scope: ReadonlySet<string>): SyncRefusal['reason'] | null => {
    const customer = c.data.customerId;
    if (!scope.has(customer))
      return customerExists.get(customer) ? 'out_of_scope' : 'unknown_customer';
    const owners: unknown[] = [];
    if (c.kind === 'alert') owners.push(alertOwner.get(c.data.source, c.data.sourceId));
    else if (c.kind === 'contract') owners.push(contractOwner.get(c.data.id));
    else if (c.kind === 'device') {
      owners.push(deviceOwner.get(c.data.id));
      if (c.data.contractId !== null) owners.push(contractOwner.get(c.data.contractId));
    } else owners.push(deviceOwner.get(c.data.deviceId));
    // An id already held by another customer: writing would move data across tenants.
    return owners.some((o) => o !== undefined && o !== customer) ? 'other_tenant' : null;
  };

  /** A reference the feed promised would come first (docs/feed-format.md "Guarantees"). */
  const missingReference = (c: FeedChange, path: string): Issue | null => {
    if (c.kind === 'device' && c.data.contractId !== null) {
      if (contractOwner.get(c.data.contractId) === undefined)
        return { path: `${path}.data.contractId`, message: 'sync:feedIssue.unknownContract' };
    }
    if (c.kind === 'deviceStatus' || c.kind === 'healthSample') {
      if (deviceOwner.get(c.data.deviceId) === undefined)
        return { path: `${path}.data.deviceId`, message: 'sync:feedIssue.unknownDevice' };
    }
    return null;
  };

  const write = (c: FeedChange) => {
    switch (c.kind) {
      case 'alert':
        writeAlert(c.data);
        return;
      case 'contract':
        upsertContract.run({ ...c.data, options: JSON.stringify(c.data.options) });
        return;
      case 'device':
        upsertDevice.run({
          ...c.data,
          rented: c.data.rented ? 1 : 0,
          dataCollectionOk: c.data.dataCollectionOk ? 1 : 0,
        });
        return;
      case 'deviceStatus':
        updateStatus.run(c.data.lastSeenAt, c.data.dataCollectionOk ? 1 : 0, c.data.deviceId);
        return;
      case 'healthSample': {
        const { customerId: _customer, ...sample } = c.data;
        upsertSample.run(sample);
        return;
      }
    }
  };

  return (input) =>
    db.transaction((): CommitResult => {
      const state = currentCursor.get() as { feed_url: string; cursor: string | null } | undefined;
      if (!state || state.feed_url !== input.feedUrl || state.cursor !== input.requestCursor) {
        throw new PageRejected({ code: 'conflict' });
      }
      const refused: SyncRefusal[] = [];
      const issues: Issue[] = [];
      const topics = new Set<DataTopic>(['sync']);
      let written = 0;
      input.page.changes.forEach((c, index) => {
        const path = `items[${index}]`;
        const reason = refusal(c, input.scope);
        if (reason) {
          refused.push({
            path,
            kind: c.kind,
            key: keyOf(c),
            customerId: c.data.customerId,
            reason,
          });
          return;
        }
        const missing = missingReference(c, path);
        if (missing) {
          issues.push(missing);
          return;
        }
        write(c);
        written++;
        for (const t of TOPICS[c.kind]) topics.add(t);
        input.onItem?.(index);
      });
      if (issues.length > 0)
        throw new PageRejected({ code: 'reference', issues: issues.slice(0, 50) });
      const counted = input.page.changes.length > 0 ? 1 : 0;
      // Only an answer at the head ("no more") is worth revalidating: asking the same cursor again
      // after a "more" answer must fetch, not hear "not modified" about an unfinished page.
      const etag = input.page.hasMore ? null : input.etag;
      advance.run(input.page.nextCursor, etag, input.requestCursor, counted, written);
      const kept = JSON.parse(
        (runRefusals.get(input.runId) as string | null) ?? '[]',
      ) as SyncRefusal[];
      const merged = [...kept, ...refused].slice(0, MAX_REFUSALS_KEPT);
      advanceRun.run(counted, written, refused.length, JSON.stringify(merged), input.runId);
      return { written, refused, topics: [...topics] };
    })();
}
