/**
 * Inquiry rows: reading them within the profile's scope, turning them into summaries, writing the
 * audit trail. Every inquiry query starts here, so the scope rule is applied in one place: a
 * customer sees only the sheets it prepared itself, a partner only the desk records of its own
 * customers (docs/desk.md "Who sees what").
 */
import { randomBytes } from 'node:crypto';
import type {
  InquirySide,
  InquiryStatus,
  InquirySummary,
  ReceivedOutside,
} from '../../../shared/ops/desk';
import type { CallerDecision } from '../../../shared/hearing-sheet/caller';
import { inquiryTypes } from '../../../shared/hearing-sheet/suggest';
import type { Answers } from '../../../shared/hearing-sheet/schema';
import { fail } from '../../../shared/result';
import { jstIsoDate } from '../../../shared/time';
import type { ServiceContext } from '../context';
import { actor, placeholders, scopeCustomers, storedProfile } from '../scope';

export interface InquiryRow {
  id: string;
  customer_id: string;
  side: InquirySide;
  status: InquiryStatus;
  channel: 'phone' | 'email' | null;
  received_at: number | null;
  reception_day: string | null;
  due_at: number | null;
  received_outside: ReceivedOutside | null;
  template_id: string;
  template_version: number;
  answers: string;
  answers_rev: number;
  answers_saved_at: number | null;
  caller_name: string | null;
  caller_phone: string | null;
  caller_email: string | null;
  caller_result: 'match' | 'mismatch' | null;
  caller_fields: string | null;
  caller_decision: CallerDecision | null;
  caller_note: string | null;
  verified_at: number | null;
  phone_answer: string | null;
  answered_at: number | null;
  first_answer_at: number | null;
  on_time: number | null;
  package_id: string | null;
  escalated_at: number | null;
  acknowledged_at: number | null;
  ack_reference: string | null;
  sl_answered_at: number | null;
  sl_incident_status: string | null;
  sl_resolution: string | null;
  sl_prevention: string | null;
  sl_vendor_introduced: number | null;
  sl_vendor_name: string | null;
  sl_insurance_relevant: number | null;
  sl_note: string | null;
  closed_at: number | null;
  close_note: string | null;
  imported_from: string | null;
  sent_at: number | null;
  sent_via: 'email' | 'file' | null;
  created_at: number;
  updated_at: number;
}

/** Which side of the desk the current profile works on. */
export function profileSide(ctx: ServiceContext): InquirySide {
  const p = storedProfile(ctx);
  if (!p) fail('no_profile');
  return p.kind;
}

/** An inquiry the profile may see, or `not_found` (whether it exists elsewhere or not). */
export function loadInquiry(ctx: ServiceContext, id: string): InquiryRow {
  const side = profileSide(ctx);
  const allowed = scopeCustomers(ctx);
  const row = ctx.db.prepare('SELECT * FROM inquiries WHERE id = ?').get(id) as
    InquiryRow | undefined;
  if (!row || row.side !== side || !allowed.includes(row.customer_id)) fail('not_found');
  return row;
}

/** Refuses an operation in the wrong state with `conflict` (the screen then reloads). */
export function requireStatus(row: InquiryRow, ...statuses: InquiryStatus[]): void {
  if (!statuses.includes(row.status))
    fail('conflict', { message: 'desk:error.wrongStatus', params: { status: row.status } });
}

const ID_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `INQ-20261122-7KQ2M9` (desk) or `PRE-…` (customer's preparation): dated, unguessable. */
export function newInquiryId(side: InquirySide, now: number): string {
  const bytes = randomBytes(6);
  const tail = [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
  return `${side === 'partner' ? 'INQ' : 'PRE'}-${jstIsoDate(now).replaceAll('-', '')}-${tail}`;
}

export function newPackageId(now: number): string {
  return `ESC-${jstIsoDate(now).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/**
 * One audit entry. Only codes and states: never names, phone numbers, e-mail addresses or free
 * text, which the hearing sheet and caller check hold (issue #8: no personal data in logs).
 */
export function audit(
  ctx: ServiceContext,
  row: Pick<InquiryRow, 'id' | 'customer_id'>,
  action: string,
  from: string | null,
  to: string | null,
  at = ctx.clock.now(),
): void {
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id, from_value, to_value)
       VALUES (?, ?, ?, 'inquiry', ?, ?, ?, ?)`,
    )
    .run(at, actor(ctx), action, row.id, row.customer_id, from, to);
}

export function parseAnswers(row: Pick<InquiryRow, 'answers'>): Answers {
  return JSON.parse(row.answers) as Answers;
}

/** Waiting for the first answer: received, not yet answered by the desk or the second line. */
const WAITING: readonly InquiryStatus[] = ['open', 'escalated', 'acknowledged'];

/** Overdue or due today (JST), for an inquiry still waiting for its first answer. */
export function dueFlag(row: InquiryRow, now: number): InquirySummary['flag'] {
  if (row.due_at === null || row.first_answer_at !== null) return null;
  if (!WAITING.includes(row.status)) return null;
  if (now > row.due_at) return 'overdue';
  return jstIsoDate(row.due_at) === jstIsoDate(now) ? 'due-today' : null;
}

interface SummaryExtras {
  name_ja: string;
  name_en: string;
  alert_count: number;
  first_source_id: string | null;
  first_title_ja: string | null;
  first_title_en: string | null;
}

export function toSummary(row: InquiryRow & SummaryExtras, now: number): InquirySummary {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerNameJa: row.name_ja,
    customerNameEn: row.name_en,
    side: row.side,
    status: row.status,
    channel: row.channel,
    reception:
      row.received_at !== null && row.due_at !== null && row.reception_day !== null
        ? {
            receivedAt: row.received_at,
            receptionDay: row.reception_day,
            dueAt: row.due_at,
            receivedOutside: row.received_outside,
          }
        : null,
    firstAnswerAt: row.first_answer_at,
    onTime: row.on_time === null ? null : row.on_time === 1,
    flag: dueFlag(row, now),
    inquiryTypes: inquiryTypes(parseAnswers(row)),
    alertCount: row.alert_count,
    firstAlert:
      row.first_source_id !== null
        ? {
            sourceId: row.first_source_id,
            titleJa: row.first_title_ja ?? '',
            titleEn: row.first_title_en ?? '',
          }
        : null,
    callerResult: row.caller_result,
    callerDecision: row.caller_decision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SUMMARY_SELECT = `
  SELECT i.*, c.name_ja, c.name_en,
    (SELECT count(*) FROM inquiry_alerts x WHERE x.inquiry_id = i.id) AS alert_count,
    fa.source_id AS first_source_id, fa.title_ja AS first_title_ja, fa.title_en AS first_title_en
  FROM inquiries i
  JOIN customers c ON c.id = i.customer_id
  LEFT JOIN inquiry_alerts f ON f.inquiry_id = i.id AND f.position = 0
  LEFT JOIN alerts fa ON fa.id = f.alert_id`;

/** Summaries of the given customers' inquiries on one side, soonest deadline first. */
export function listSummaries(
  ctx: ServiceContext,
  customerIds: string[],
  side: InquirySide,
  statuses: readonly InquiryStatus[],
): InquirySummary[] {
  const now = ctx.clock.now();
  const rows = ctx.db
    .prepare(
      `${SUMMARY_SELECT}
       WHERE i.customer_id IN (${placeholders(customerIds)}) AND i.side = ?
         AND i.status IN (${placeholders(statuses)})
       ORDER BY i.due_at IS NULL, i.due_at, i.updated_at DESC
       LIMIT 1000`,
    )
    .all(...customerIds, side, ...statuses) as Array<InquiryRow & SummaryExtras>;
  return rows.map((r) => toSummary(r, now));
}

export function summaryOf(ctx: ServiceContext, id: string): InquirySummary {
  const row = ctx.db.prepare(`${SUMMARY_SELECT} WHERE i.id = ?`).get(id) as
    (InquiryRow & SummaryExtras) | undefined;
  if (!row) fail('not_found');
  return toSummary(row, ctx.clock.now());
}
