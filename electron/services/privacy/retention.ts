/**
 * Retention of closed inquiries' personal data (docs/privacy.md). A sales partner sets N months;
 * the personal data of each of its desk records closed on JST day D is kept for N months counted
 * from the next day (民法第140条: the first day is not counted) — a period that ends by 民法第143条
 * (shared/rules periodEnd) — and deleted from the day after. Closed on 2026-05-22 with 6 months:
 * kept through 2026-11-22, deleted from 2026-11-23. The purge runs at start-up, every day just after
 * midnight JST on the app's clock, and on demand from the settings screen.
 */
import { addDays, addMonths, compareDates, periodEnd } from '../../../shared/rules';
import type { PurgePreview } from '../../../shared/ops/privacy';
import { DAY_MS, jstIsoDate, jstMidnight, MINUTE_MS } from '../../../shared/time';
import type { ServiceContext } from '../context';
import { placeholders } from '../scope';
import { describeError } from './log';
import { redactInquiry } from './redact';

/** The last closing day whose retention of `months` has ended by `today` (JST dates). */
export function lastPurgeableDay(today: string, months: number): string {
  // periodEnd(D + 1, N) grows with D; the answer is within a few days of today − N months.
  let day = addDays(addMonths(today, -months), 3);
  while (compareDates(periodEnd(addDays(day, 1), months), today) >= 0) day = addDays(day, -1);
  return day;
}

/** The preview's figures: the cut-off day, and the first instant that is kept. */
export function cutoff(
  now: number,
  months: number,
): { closedOnOrBefore: string; keepFrom: number } {
  const closedOnOrBefore = lastPurgeableDay(jstIsoDate(now), months);
  return { closedOnOrBefore, keepFrom: jstMidnight(addDays(closedOnOrBefore, 1)) };
}

interface Candidate {
  id: string;
  customer_id: string;
  template_id: string;
  template_version: number;
  answers: string;
}

/**
 * The desk records (partner side) of these customers, closed before `keepFrom` and not deleted
 * yet. A closed record has `closed_at`: answered by phone, refused at the caller check, or closed
 * after the second line's answer (docs/desk.md). Prepared sheets on the customer's side are the
 * customer's own and are not reached by a partner's retention.
 */
export function candidates(
  ctx: ServiceContext,
  customerIds: readonly string[],
  keepFrom: number,
): Candidate[] {
  return ctx.db
    .prepare(
      `SELECT i.id, i.customer_id, i.template_id, i.template_version, i.answers FROM inquiries i
       WHERE i.side = 'partner' AND i.closed_at IS NOT NULL AND i.closed_at < ?
         AND i.customer_id IN (${placeholders(customerIds)})
         AND NOT EXISTS (SELECT 1 FROM redactions r WHERE r.entity = 'inquiry' AND r.entity_id = i.id)
       ORDER BY i.closed_at`,
    )
    .all(keepFrom, ...customerIds) as Candidate[];
}

export function partnerCustomers(ctx: ServiceContext, partnerId: string): string[] {
  return (
    ctx.db.prepare('SELECT id FROM customers WHERE partner_id = ? ORDER BY id').all(partnerId) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

export function preview(ctx: ServiceContext, partnerId: string, months: number): PurgePreview {
  const { closedOnOrBefore, keepFrom } = cutoff(ctx.clock.now(), months);
  const n = candidates(ctx, partnerCustomers(ctx, partnerId), keepFrom).length;
  return { months, inquiries: n, closedOnOrBefore };
}

/**
 * Deletes, in one transaction, the personal data of every closed record of the partner's
 * customers whose retention has ended, records the run, and tells the screens.
 */
export function purgePartner(
  ctx: ServiceContext,
  partnerId: string,
  months: number,
  actor: string,
): number {
  const now = ctx.clock.now();
  const { keepFrom } = cutoff(now, months);
  const customers = partnerCustomers(ctx, partnerId);
  const count = ctx.db.transaction(() => {
    let n = 0;
    for (const row of candidates(ctx, customers, keepFrom))
      if (redactInquiry(ctx, row, 'retention', actor, now)) n += 1;
    ctx.db
      .prepare(
        'UPDATE privacy_retention SET last_purge_at = ?, last_purge_count = ? WHERE partner_id = ?',
      )
      .run(now, n, partnerId);
    ctx.db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, from_value, to_value)
         VALUES (?, ?, 'privacy.purge', 'retention', ?, ?, ?)`,
      )
      .run(now, actor, partnerId, `months:${months}`, `inquiries:${n}`);
    return n;
  })();
  if (count > 0) ctx.emit('data.changed', { topics: ['inquiries'] });
  return count;
}

/** Every partner's purge with its own setting (start-up and the daily run). */
export function runRetention(ctx: ServiceContext): number {
  const rows = ctx.db
    .prepare('SELECT partner_id, months FROM privacy_retention ORDER BY partner_id')
    .all() as Array<{ partner_id: string; months: number }>;
  let total = 0;
  for (const r of rows) total += purgePartner(ctx, r.partner_id, r.months, 'system');
  return total;
}

/** The next daily run: five minutes past the next midnight JST. */
export function nextRunAt(now: number): number {
  return jstMidnight(jstIsoDate(now + DAY_MS)) + 5 * MINUTE_MS;
}

const timers = new WeakMap<ServiceContext, ReturnType<typeof setTimeout>>();

function runSafely(ctx: ServiceContext): void {
  try {
    runRetention(ctx);
  } catch (e) {
    // The kind and place only: the failing row's data must not reach the log (docs/privacy.md).
    console.error(`[soc-desk] retention purge failed: ${describeError(e)}`);
  }
}

/** Runs the purge now and then daily; the timer does not keep the process alive. */
export function startRetention(ctx: ServiceContext): void {
  runSafely(ctx);
  const schedule = () => {
    const delay = Math.max(MINUTE_MS, nextRunAt(ctx.clock.now()) - ctx.clock.now());
    const timer = setTimeout(() => {
      runSafely(ctx);
      schedule();
    }, delay);
    timer.unref?.();
    timers.set(ctx, timer);
  };
  schedule();
}

export function stopRetention(ctx: ServiceContext): void {
  const timer = timers.get(ctx);
  if (timer) clearTimeout(timer);
  timers.delete(ctx);
}
