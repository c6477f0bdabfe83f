/**
 * Deletion on request (docs/privacy.md): one inquiry's personal data, everything a caller gave in
 * their closed inquiries, or a customer's registered contact. Each is scoped like the desk (a
 * partner its customers' desk records, a customer the sheets it prepared) and audited with ids
 * and codes only.
 */
import {
  normalizeEmail,
  normalizeName,
  normalizePhone,
} from '../../../shared/hearing-sheet/caller';
import {
  REDACTED,
  type CallerMatches,
  type RedactionInfo,
  type RedactionReason,
} from '../../../shared/ops/privacy';
import { fail } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { loadInquiry, type InquiryRow } from '../desk/repo';
import { actor, placeholders, resolveCustomers, scopeCustomers, storedProfile } from '../scope';
import { redactInquiry } from './redact';

/** The desk's owner decides about its records: a sales partner profile. */
export function requirePartner(ctx: ServiceContext): string {
  const p = storedProfile(ctx);
  if (!p) fail('no_profile');
  if (p.kind !== 'partner') fail('forbidden');
  return p.id;
}

export function redactionOf(ctx: ServiceContext, inquiryId: string): RedactionInfo | null {
  const r = ctx.db
    .prepare("SELECT at, reason FROM redactions WHERE entity = 'inquiry' AND entity_id = ?")
    .get(inquiryId) as { at: number; reason: RedactionReason } | undefined;
  return r ? { inquiryId, at: r.at, reason: r.reason } : null;
}

export function inquiryInfo(ctx: ServiceContext, inquiryId: string): RedactionInfo | null {
  return redactionOf(ctx, loadInquiry(ctx, inquiryId).id);
}

/** Closed: the desk is done with it (answered, refused, closed), or the customer sent its sheet. */
function isClosed(row: Pick<InquiryRow, 'side' | 'status' | 'closed_at'>): boolean {
  return row.side === 'partner' ? row.closed_at !== null : row.status === 'sent';
}

export function eraseInquiry(ctx: ServiceContext, inquiryId: string): RedactionInfo {
  const row = loadInquiry(ctx, inquiryId);
  // An inquiry in progress still needs its caller and sheet; close it first (or discard a draft).
  if (!isClosed(row)) fail('conflict', { message: 'privacy:error.notClosed' });
  const now = ctx.clock.now();
  const done = ctx.db.transaction(() => redactInquiry(ctx, row, 'request', actor(ctx), now))();
  if (done) ctx.emit('data.changed', { topics: ['inquiries'] });
  return redactionOf(ctx, row.id)!;
}

interface Person {
  name: string;
  phone: string;
  email: string;
}

interface CallerRow extends InquiryRow {
  caller_name: string;
}

/** The partner's desk records whose caller gave this name, phone or e-mail, newest first. */
function callerRows(ctx: ServiceContext, person: Person): CallerRow[] {
  const ids = scopeCustomers(ctx);
  const rows = ctx.db
    .prepare(
      `SELECT * FROM inquiries WHERE side = 'partner' AND caller_name IS NOT NULL
         AND customer_id IN (${placeholders(ids)})
       ORDER BY COALESCE(received_at, created_at) DESC, id`,
    )
    .all(...ids) as CallerRow[];
  const same = (given: string, stored: string | null, norm: (s: string) => string) =>
    given !== '' &&
    stored !== null &&
    stored !== REDACTED &&
    norm(stored) !== '' &&
    norm(stored) === norm(given);
  return rows.filter(
    (r) =>
      same(person.name, r.caller_name, normalizeName) ||
      same(person.phone, r.caller_phone, normalizePhone) ||
      same(person.email, r.caller_email, normalizeEmail),
  );
}

export function findCaller(ctx: ServiceContext, person: Person): CallerMatches {
  requirePartner(ctx);
  const rows = callerRows(ctx, person);
  return {
    closed: rows.filter(isClosed).map((r) => r.id),
    active: rows.filter((r) => !isClosed(r)).map((r) => r.id),
  };
}

export function eraseCaller(
  ctx: ServiceContext,
  person: Person,
): { redacted: number; active: number } {
  requirePartner(ctx);
  const now = ctx.clock.now();
  const who = actor(ctx);
  const result = ctx.db.transaction(() => {
    const rows = callerRows(ctx, person);
    let redacted = 0;
    for (const r of rows.filter(isClosed))
      if (redactInquiry(ctx, r, 'request', who, now)) redacted += 1;
    return { redacted, active: rows.length - rows.filter(isClosed).length };
  })();
  if (result.redacted > 0) ctx.emit('data.changed', { topics: ['inquiries'] });
  return result;
}

/**
 * Erases a customer's registered contact (the person on the parameter sheet). Until the customer
 * registers a new one, every caller check reports a mismatch and the desk decides (002 別紙3 2(3)).
 */
export function eraseContact(ctx: ServiceContext, customerId: string): null {
  requirePartner(ctx);
  const [id] = resolveCustomers(ctx, customerId);
  const now = ctx.clock.now();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE customers SET contact_name = @r, contact_kana = @r, contact_phone = @r,
           contact_email = @r WHERE id = @id`,
      )
      .run({ r: REDACTED, id });
    ctx.db
      .prepare(
        `INSERT INTO redactions (entity, entity_id, customer_id, at, reason)
         VALUES ('contact', ?, ?, ?, 'request')
         ON CONFLICT (entity, entity_id) DO UPDATE SET at = excluded.at`,
      )
      .run(id, id, now);
    ctx.db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id)
         VALUES (?, ?, 'privacy.contact-deleted', 'customer', ?, ?)`,
      )
      .run(now, actor(ctx), id, id);
  })();
  ctx.emit('data.changed', { topics: ['session', 'inquiries'] });
  return null;
}
