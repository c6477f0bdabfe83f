/**
 * The desk's steps after the sheet: the caller check, the answer by phone, and the second line's
 * acknowledgement and report after an escalation. Each step is time-stamped on the inquiry and in
 * the audit log (codes only, no personal data).
 */
import type { InquiryDetail, VerifyResult } from '../../../shared/ops/desk';
import { checkCaller, type CallerDecision } from '../../../shared/hearing-sheet/caller';
import { fail } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { withPrefill } from './inquiries';
import { detail } from './inquiry-view';
import { customerRecord, linkedAlertRows } from './records';
import { audit, loadInquiry, parseAnswers, requireStatus, type InquiryRow } from './repo';
import { getTemplate } from './templates';

function partnerRow(ctx: ServiceContext, id: string): InquiryRow {
  const row = loadInquiry(ctx, id);
  // Only the partner is the first-line window (002 別紙3 1(2)).
  if (row.side !== 'partner') fail('forbidden');
  return row;
}

const fieldsCode = (c: ReturnType<typeof checkCaller>) =>
  `name:${c.name},phone:${c.phone},email:${c.email}`;

/**
 * Checks the caller against the parameter sheet's registered contact (002 別紙3 2(3)). A match is
 * recorded as served. A mismatch needs the desk's decision — refuse, confirm by calling the
 * registered contact back, or serve for a stated reason — and is recorded with it.
 */
export function verifyCaller(
  ctx: ServiceContext,
  input: {
    inquiryId: string;
    name: string;
    phone: string;
    email: string;
    decision?: CallerDecision;
    note?: string;
  },
): VerifyResult {
  const row = partnerRow(ctx, input.inquiryId);
  requireStatus(row, 'open');
  const customer = customerRecord(ctx, row.customer_id);
  const check = checkCaller(input, customer.contact);
  let decision: CallerDecision | null = null;
  if (check.result === 'match') decision = input.decision === 'refused' ? 'refused' : 'served';
  else if (input.decision) {
    if (input.decision === 'served')
      fail('invalid_input', {
        issues: [{ path: 'decision', message: 'desk:error.servedNeedsMatch' }],
      });
    if (input.decision === 'served-with-reason' && !input.note?.trim())
      fail('invalid_input', { issues: [{ path: 'note', message: 'desk:error.reasonRequired' }] });
    decision = input.decision;
  }
  const now = ctx.clock.now();
  if (decision === null) {
    // The mismatch itself is recorded (which fields), before any decision.
    audit(ctx, row, 'caller.mismatch', null, fieldsCode(check));
    return { check, recorded: false, status: row.status };
  }
  const refused = decision === 'refused';
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE inquiries SET caller_name = ?, caller_phone = ?, caller_email = ?, caller_result = ?,
           caller_fields = ?, caller_decision = ?, caller_note = ?, verified_at = ?, updated_at = ?,
           status = ?, closed_at = ? WHERE id = ?`,
      )
      .run(
        input.name.trim(),
        input.phone.trim(),
        input.email.trim(),
        check.result,
        JSON.stringify(check),
        decision,
        input.note?.trim() || null,
        now,
        now,
        refused ? 'refused' : row.status,
        refused ? now : null,
        row.id,
      );
    audit(ctx, row, 'caller.checked', check.result, decision, now);
    if (refused) audit(ctx, row, 'inquiry.refused', row.status, 'refused', now);
    else {
      const template = getTemplate(ctx, row.template_id, row.template_version);
      const answers = withPrefill(
        template,
        parseAnswers(row),
        customer,
        linkedAlertRows(ctx, row.id),
        {
          caller: input,
        },
      );
      ctx.db
        .prepare('UPDATE inquiries SET answers = ?, answers_rev = answers_rev + 1 WHERE id = ?')
        .run(JSON.stringify(answers), row.id);
    }
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return { check, recorded: true, status: refused ? 'refused' : row.status };
}

function requireServedCaller(row: InquiryRow): void {
  if (row.caller_decision === null || row.caller_decision === 'refused')
    fail('conflict', { message: 'desk:error.callerNotVerified' });
}

/** An instant the desk gives for a step: not before reception, not in the future. */
function stepTime(
  ctx: ServiceContext,
  row: InquiryRow,
  at: number | undefined,
  path: string,
): number {
  const now = ctx.clock.now();
  const t = at ?? now;
  if (t > now + 60_000)
    fail('invalid_input', { issues: [{ path, message: 'desk:error.inFuture' }] });
  if (row.received_at !== null && t < row.received_at)
    fail('invalid_input', { issues: [{ path, message: 'desk:error.beforeReception' }] });
  return t;
}

/** The first line answers by phone (002 別紙3 2(4)② "一次受付窓口では、電話のみの回答"). */
export function answer(
  ctx: ServiceContext,
  input: { inquiryId: string; text: string; answeredAt?: number },
): InquiryDetail {
  const row = partnerRow(ctx, input.inquiryId);
  requireStatus(row, 'open');
  requireServedCaller(row);
  const at = stepTime(ctx, row, input.answeredAt, 'answeredAt');
  // On time against the first-answer target of 002 別紙3 2(4)① (a best-effort target).
  const onTime = row.due_at === null || at <= row.due_at;
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE inquiries SET status = 'answered', phone_answer = ?, answered_at = ?, first_answer_at = ?,
           on_time = ?, closed_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(input.text, at, at, onTime ? 1 : 0, at, ctx.clock.now(), row.id);
    audit(ctx, row, 'inquiry.answered', row.status, onTime ? 'on-time' : 'late', at);
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return detail(ctx, loadInquiry(ctx, row.id));
}

/** The second line confirmed it received the escalation (002 別紙3 1(3)①). */
export function acknowledge(
  ctx: ServiceContext,
  input: { inquiryId: string; at?: number; reference?: string },
): InquiryDetail {
  const row = partnerRow(ctx, input.inquiryId);
  requireStatus(row, 'escalated');
  const at = stepTime(ctx, row, input.at, 'at');
  if (row.escalated_at !== null && at < row.escalated_at)
    fail('invalid_input', { issues: [{ path: 'at', message: 'desk:error.beforeEscalation' }] });
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE inquiries SET status = 'acknowledged', acknowledged_at = ?, ack_reference = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(at, input.reference?.trim() || null, ctx.clock.now(), row.id);
    audit(ctx, row, 'escalation.acknowledged', row.status, 'acknowledged', at);
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return detail(ctx, loadInquiry(ctx, row.id));
}

/**
 * The second line's report: incident status and the outline of resolution and prevention
 * (002 別紙3 1(3)④), whether a specialist vendor was introduced (⑤; recovery work itself is out of
 * scope) and whether the cyber-risk insurance may apply — the customer then claims from the
 * insurer itself (⑥). It is the inquiry's first answer if none was given before.
 */
export function recordSecondLine(
  ctx: ServiceContext,
  input: {
    inquiryId: string;
    at?: number;
    incidentStatus: string;
    resolution: string;
    prevention: string;
    vendorIntroduced: boolean;
    vendorName?: string;
    insuranceRelevant: boolean;
    note?: string;
  },
): InquiryDetail {
  const row = partnerRow(ctx, input.inquiryId);
  requireStatus(row, 'acknowledged');
  const at = stepTime(ctx, row, input.at, 'at');
  const first = row.first_answer_at ?? at;
  const onTime = row.due_at === null || first <= row.due_at;
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE inquiries SET status = 'second-line-answered', sl_answered_at = ?, sl_incident_status = ?,
           sl_resolution = ?, sl_prevention = ?, sl_vendor_introduced = ?, sl_vendor_name = ?,
           sl_insurance_relevant = ?, sl_note = ?, first_answer_at = ?, on_time = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        at,
        input.incidentStatus,
        input.resolution,
        input.prevention,
        input.vendorIntroduced ? 1 : 0,
        input.vendorIntroduced ? input.vendorName?.trim() || null : null,
        input.insuranceRelevant ? 1 : 0,
        input.note?.trim() || null,
        first,
        onTime ? 1 : 0,
        ctx.clock.now(),
        row.id,
      );
    audit(ctx, row, 'second-line.answered', row.status, input.incidentStatus, at);
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return detail(ctx, loadInquiry(ctx, row.id));
}

export function close(
  ctx: ServiceContext,
  input: { inquiryId: string; note?: string },
): InquiryDetail {
  const row = partnerRow(ctx, input.inquiryId);
  requireStatus(row, 'second-line-answered');
  const now = ctx.clock.now();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE inquiries SET status = 'closed', closed_at = ?, close_note = ?, updated_at = ? WHERE id = ?`,
      )
      .run(now, input.note?.trim() || null, now, row.id);
    audit(ctx, row, 'inquiry.closed', row.status, row.on_time === 1 ? 'on-time' : 'late', now);
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return detail(ctx, loadInquiry(ctx, row.id));
}
