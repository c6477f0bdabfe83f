/**
 * Inquiries: starting one, correcting its reception, saving the sheet as it is typed, discarding a
 * draft. Reading them is inquiry-view.ts.
 */
import type { InquiryDetail } from '../../../shared/ops/desk';
import {
  checkAnswer,
  findQuestion,
  prefill,
  type AnswerValue,
  type Answers,
  type PrefillAlert,
  type SheetIssue,
  type Template,
} from '../../../shared/hearing-sheet';
import { fail } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { resolveCustomers } from '../scope';
import { receptionClock } from '../../../shared/hearing-sheet/reception';
import { customerRecord, alertsOfCustomer, type AlertRow, type CustomerRecord } from './records';
import { audit, loadInquiry, newInquiryId, parseAnswers, profileSide, requireStatus } from './repo';
import { detail } from './inquiry-view';
import { activeTemplateKey, getTemplate } from './templates';

export function prefillAlert(r: AlertRow): PrefillAlert {
  return {
    source: r.source,
    sourceId: r.source_id,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    firstSeen: r.first_seen,
    hosts: JSON.parse(r.hosts) as string[],
    indicators: JSON.parse(r.indicators) as string[],
  };
}

/**
 * Fills what SOC Desk knows into unanswered questions. The desk works in Japanese (002 別紙3 2(2)
 * "日本語のみ"), so text prefills are Japanese whatever the screen language.
 */
export function withPrefill(
  template: Template,
  answers: Answers,
  customer: CustomerRecord,
  alerts: AlertRow[],
  extra: {
    caller?: { name: string; phone: string; email: string } | null;
    receivedAt?: number | null;
  },
): Answers {
  return {
    ...answers,
    ...prefill(template, answers, {
      language: 'ja',
      customer,
      alerts: alerts.map(prefillAlert),
      caller: extra.caller ?? null,
      receivedAt: extra.receivedAt ?? null,
    }),
  };
}

/** A received time may be corrected into the past, never into the future. */
function checkReceivedAt(ctx: ServiceContext, at: number, path: string): void {
  if (at > ctx.clock.now() + 60_000)
    fail('invalid_input', {
      issues: [{ path, message: 'desk:error.inFuture' }],
    });
}

function linkAlerts(ctx: ServiceContext, inquiryId: string, alerts: AlertRow[]): void {
  ctx.db.prepare('DELETE FROM inquiry_alerts WHERE inquiry_id = ?').run(inquiryId);
  const add = ctx.db.prepare(
    'INSERT INTO inquiry_alerts (inquiry_id, alert_id, position) VALUES (?, ?, ?)',
  );
  alerts.forEach((a, i) => add.run(inquiryId, a.id, i));
}

export function start(
  ctx: ServiceContext,
  input: {
    customerId: string;
    alertIds: number[];
    channel: 'phone' | 'email';
    receivedAt?: number;
  },
): { inquiryId: string } {
  const side = profileSide(ctx);
  const [customerId] = resolveCustomers(ctx, input.customerId);
  if (!customerId) fail('forbidden');
  const now = ctx.clock.now();
  const receivedAt = input.receivedAt ?? now;
  checkReceivedAt(ctx, receivedAt, 'receivedAt');
  const id = newInquiryId(side, now);
  ctx.db.transaction(() => {
    const alerts = alertsOfCustomer(ctx, customerId, [...new Set(input.alertIds)]);
    const key = activeTemplateKey(ctx);
    const template = getTemplate(ctx, key.id, key.version);
    const customer = customerRecord(ctx, customerId);
    const partner = side === 'partner';
    // The customer prepares the sheet as its registered contact (002 別紙3 2(3)).
    const answers = withPrefill(template, {}, customer, alerts, {
      caller: partner ? null : customer.contact,
      receivedAt: partner ? receivedAt : null,
    });
    const clock = partner ? receptionClock(receivedAt) : null;
    ctx.db
      .prepare(
        `INSERT INTO inquiries (id, customer_id, side, status, channel, received_at, reception_day, due_at,
           received_outside, template_id, template_version, answers, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        customerId,
        side,
        partner ? 'open' : 'draft',
        partner ? input.channel : null,
        clock?.receivedAt ?? null,
        clock?.receptionDay ?? null,
        clock?.dueAt ?? null,
        clock?.receivedOutside ?? null,
        key.id,
        key.version,
        JSON.stringify(answers),
        now,
        now,
      );
    linkAlerts(ctx, id, alerts);
    audit(
      ctx,
      { id, customer_id: customerId },
      'inquiry.created',
      null,
      partner ? 'open' : 'draft',
    );
    if (clock?.receivedOutside)
      audit(
        ctx,
        { id, customer_id: customerId },
        'reception.outside-hours',
        null,
        clock.receivedOutside,
      );
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return { inquiryId: id };
}

export function update(
  ctx: ServiceContext,
  input: {
    inquiryId: string;
    receivedAt?: number;
    channel?: 'phone' | 'email';
    alertIds?: number[];
  },
): InquiryDetail {
  const row = loadInquiry(ctx, input.inquiryId);
  if (row.side === 'partner') requireStatus(row, 'open');
  else requireStatus(row, 'draft', 'sent');
  const now = ctx.clock.now();
  ctx.db.transaction(() => {
    if (row.side === 'partner' && (input.receivedAt !== undefined || input.channel !== undefined)) {
      const at = input.receivedAt ?? row.received_at ?? now;
      checkReceivedAt(ctx, at, 'receivedAt');
      const clock = receptionClock(at);
      ctx.db
        .prepare(
          `UPDATE inquiries SET received_at = ?, reception_day = ?, due_at = ?, received_outside = ?,
             channel = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          at,
          clock.receptionDay,
          clock.dueAt,
          clock.receivedOutside,
          input.channel ?? row.channel,
          now,
          row.id,
        );
      if (clock.dueAt !== row.due_at)
        audit(
          ctx,
          row,
          'reception.corrected',
          row.due_at === null ? null : new Date(row.due_at).toISOString(),
          new Date(clock.dueAt).toISOString(),
        );
    }
    if (input.alertIds) {
      const alerts = alertsOfCustomer(ctx, row.customer_id, [...new Set(input.alertIds)]);
      linkAlerts(ctx, row.id, alerts);
      const template = getTemplate(ctx, row.template_id, row.template_version);
      const answers = withPrefill(
        template,
        parseAnswers(row),
        customerRecord(ctx, row.customer_id),
        alerts,
        {},
      );
      ctx.db
        .prepare(
          'UPDATE inquiries SET answers = ?, answers_rev = answers_rev + 1, updated_at = ? WHERE id = ?',
        )
        .run(JSON.stringify(answers), now, row.id);
      audit(ctx, row, 'alerts.linked', null, String(alerts.length));
    }
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return detail(ctx, loadInquiry(ctx, row.id));
}

/**
 * Autosave. Keeps what is being typed even if it is not valid yet (a half-typed address): the
 * checks that matter run before escalation. Refuses only what no form can produce.
 */
export function saveAnswers(
  ctx: ServiceContext,
  input: { inquiryId: string; patch: Record<string, AnswerValue | null> },
): { rev: number; savedAt: number } {
  const row = loadInquiry(ctx, input.inquiryId);
  if (row.side === 'partner') requireStatus(row, 'open');
  else requireStatus(row, 'draft', 'sent');
  const template = getTemplate(ctx, row.template_id, row.template_version);
  const issues: SheetIssue[] = [];
  for (const [qid, value] of Object.entries(input.patch)) {
    const q = findQuestion(template, qid);
    if (!q) issues.push({ questionId: qid, code: 'unknownQuestion' });
    else if (value !== null)
      issues.push(
        ...checkAnswer(q, value).filter(
          (i) => i.code === 'wrongType' || i.code === 'unknownOption',
        ),
      );
  }
  if (issues.length)
    fail('invalid_input', {
      issues: issues.map((i) => ({
        path: `patch.${i.questionId}`,
        message: `desk:sheet.issue.${i.code}`,
      })),
    });
  const now = ctx.clock.now();
  let rev = 0;
  ctx.db.transaction(() => {
    const current = loadInquiry(ctx, row.id);
    const answers = parseAnswers(current);
    for (const [qid, value] of Object.entries(input.patch)) {
      if (value === null) delete answers[qid];
      else answers[qid] = value;
    }
    rev = current.answers_rev + 1;
    ctx.db
      .prepare(
        'UPDATE inquiries SET answers = ?, answers_rev = ?, answers_saved_at = ?, updated_at = ? WHERE id = ?',
      )
      .run(JSON.stringify(answers), rev, now, now, row.id);
  })();
  return { rev, savedAt: now };
}

export function discard(ctx: ServiceContext, inquiryId: string): null {
  const row = loadInquiry(ctx, inquiryId);
  if (row.side !== 'customer') fail('forbidden');
  requireStatus(row, 'draft', 'sent');
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM inquiries WHERE id = ?').run(row.id);
    audit(ctx, row, 'inquiry.discarded', row.status, null);
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return null;
}
