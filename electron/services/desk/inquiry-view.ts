/**
 * Reading inquiries: the queue of one view, and one inquiry with everything the desk shows beside it
 * (template, customer, linked alerts, devices, contracts, escalation and its deliveries, timeline).
 */
import type { CallerCheck } from '../../../shared/hearing-sheet/caller';
import type { InquiryDetail, InquiryStatus, QueueResult } from '../../../shared/ops/desk';
import { ACTIVE_STATUSES } from '../../../shared/ops/desk';
import type { ServiceContext } from '../context';
import { resolveCustomers } from '../scope';
import { contractBriefs, customerRecord, deviceBriefs, linkedAlertRows, linkedOf } from './records';
import { listSummaries, parseAnswers, profileSide, summaryOf, type InquiryRow } from './repo';
import { getTemplate } from './templates';

const ALL: readonly InquiryStatus[] = [
  'draft',
  'sent',
  'open',
  'answered',
  'refused',
  'escalated',
  'acknowledged',
  'second-line-answered',
  'closed',
];

export function queue(
  ctx: ServiceContext,
  customerId: string | null,
  view: 'active' | 'done' | 'all',
): QueueResult {
  const ids = resolveCustomers(ctx, customerId);
  const side = profileSide(ctx);
  // A customer's sent sheet is still its to edit and resend, so it stays in the active list.
  const active = side === 'customer' ? [...ACTIVE_STATUSES, 'sent' as const] : ACTIVE_STATUSES;
  const statuses =
    view === 'all' ? ALL : view === 'active' ? active : ALL.filter((s) => !active.includes(s));
  const items = listSummaries(ctx, ids, side, statuses);
  const all = view === 'active' ? items : listSummaries(ctx, ids, side, active);
  return {
    asOf: ctx.clock.now(),
    items,
    counts: {
      active: all.length,
      dueToday: all.filter((i) => i.flag === 'due-today').length,
      overdue: all.filter((i) => i.flag === 'overdue').length,
    },
  };
}

export function detail(ctx: ServiceContext, row: InquiryRow): InquiryDetail {
  const template = getTemplate(ctx, row.template_id, row.template_version);
  const pkg = row.package_id
    ? (ctx.db
        .prepare(
          'SELECT id, sha256, built_at, language, pdf IS NOT NULL AS has_pdf FROM escalation_packages WHERE id = ?',
        )
        .get(row.package_id) as
        | { id: string; sha256: string; built_at: number; language: 'ja' | 'en'; has_pdf: number }
        | undefined)
    : undefined;
  const deliveries = pkg
    ? (ctx.db
        .prepare(
          'SELECT at, method, ok, error FROM escalation_deliveries WHERE package_id = ? ORDER BY at, id',
        )
        .all(pkg.id) as Array<{
        at: number;
        method: 'smtp' | 'file';
        ok: number;
        error: string | null;
      }>)
    : [];
  const timeline = ctx.db
    .prepare(
      `SELECT at, action, to_value FROM audit_log WHERE entity = 'inquiry' AND entity_id = ? ORDER BY at, id`,
    )
    .all(row.id) as Array<{ at: number; action: string; to_value: string | null }>;
  const customer = customerRecord(ctx, row.customer_id);
  return {
    asOf: ctx.clock.now(),
    inquiry: {
      ...summaryOf(ctx, row.id),
      templateId: row.template_id,
      templateVersion: row.template_version,
      answers: parseAnswers(row),
      answersRev: row.answers_rev,
      answersSavedAt: row.answers_saved_at,
      caller:
        row.caller_name === null
          ? null
          : {
              name: row.caller_name,
              phone: row.caller_phone ?? '',
              email: row.caller_email ?? '',
              check: row.caller_fields ? (JSON.parse(row.caller_fields) as CallerCheck) : null,
              decision: row.caller_decision,
              note: row.caller_note,
              verifiedAt: row.verified_at,
            },
      phoneAnswer: row.phone_answer,
      answeredAt: row.answered_at,
      escalation: pkg
        ? {
            packageId: pkg.id,
            sha256: pkg.sha256,
            builtAt: pkg.built_at,
            language: pkg.language,
            hasPdf: pkg.has_pdf === 1,
            deliveries: deliveries.map((d) => ({ ...d, ok: d.ok === 1 })),
            acknowledgedAt: row.acknowledged_at,
            ackReference: row.ack_reference,
            secondLine:
              row.sl_answered_at === null
                ? null
                : {
                    at: row.sl_answered_at,
                    incidentStatus: row.sl_incident_status ?? '',
                    resolution: row.sl_resolution ?? '',
                    prevention: row.sl_prevention ?? '',
                    vendorIntroduced: row.sl_vendor_introduced === 1,
                    vendorName: row.sl_vendor_name,
                    insuranceRelevant: row.sl_insurance_relevant === 1,
                    note: row.sl_note,
                  },
          }
        : null,
      closedAt: row.closed_at,
      closeNote: row.close_note,
      importedFrom: row.imported_from,
      sentAt: row.sent_at,
      sentVia: row.sent_via,
    },
    template,
    customer: {
      id: customer.id,
      nameJa: customer.nameJa,
      nameEn: customer.nameEn,
      contact: customer.contact,
      perimeter: customer.perimeter,
      partner: customer.partner,
    },
    alerts: linkedAlertRows(ctx, row.id).map(linkedOf),
    devices: deviceBriefs(ctx, row.customer_id),
    contracts: contractBriefs(ctx, row.customer_id),
    timeline: timeline.map((t) => ({ at: t.at, action: t.action, to: t.to_value })),
  };
}
