/**
 * One alert with everything its screen shows: the communications, the customer's perimeter (002
 * 別紙2 2(3)), the ticked recommendations, the audit history and, for a C-SOC important incident,
 * detection vs notification against the 15-minute guarantee (000 第11条, 別紙1 2).
 */
import type { AuditEntry, AlertDetail, SlaCheck } from '../../../shared/ops/alerts';
import { fail } from '../../../shared/result';
import { NOTIFICATION_SLA_MINUTES, notifiedWithinSla } from '../../../shared/rules/sla';
import { MINUTE_MS } from '../../../shared/time';
import type { Db } from '../../store/database';
import type { ServiceContext } from '../context';
import { withActorNames } from '../actors';
import { scopeCustomers } from '../scope';
import { ROW_COLUMNS, toRow, type RowRecord } from './rows';
import { hiddenSql } from './hidden';

const MAX_COMMUNICATIONS = 1000;

interface DetailRecord extends RowRecord {
  description_ja: string;
  description_en: string;
  original_text: string | null;
  first_seen: number;
  kill_chain: AlertDetail['alert']['killChain'];
  tactic: AlertDetail['alert']['tactic'];
  indicators: string;
}

/** The alert row if the profile may see it; `not_found` otherwise (existence is not revealed). */
export function alertInScope(ctx: ServiceContext, id: number): DetailRecord {
  const row = ctx.db
    .prepare(
      `SELECT ${ROW_COLUMNS}, description_ja, description_en, original_text, first_seen,
         kill_chain, tactic, indicators FROM alerts WHERE id = ?${hiddenSql(ctx.db, 'id')}`,
    )
    .get(id) as DetailRecord | undefined;
  if (!row || !scopeCustomers(ctx).includes(row.customer_id)) fail('not_found');
  return row;
}

export function checklistOf(db: Db, alertId: number): AlertDetail['checklist'] {
  return db
    .prepare(
      `SELECT recommendation_id AS recommendationId, done_at AS doneAt FROM alert_checklist
       WHERE alert_id = ? ORDER BY done_at, recommendation_id`,
    )
    .all(alertId) as AlertDetail['checklist'];
}

export function historyOf(db: Db, alertId: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT at, actor, action, from_value AS "from", to_value AS "to", note FROM audit_log
       WHERE entity = 'alert' AND entity_id = ? ORDER BY at DESC, id DESC LIMIT 200`,
    )
    .all(String(alertId)) as Array<Omit<AuditEntry, 'actorName'>>;
  return withActorNames(db, rows);
}

/** 15-minute notification check; the guarantee does not cover the Basic category (000 第11条). */
function slaCheck(ctx: ServiceContext, row: DetailRecord): SlaCheck | null {
  if (row.source !== 'csoc' || row.important !== 1) return null;
  const contract = ctx.db
    .prepare(
      `SELECT category FROM contracts WHERE customer_id = ? AND service = 'iij-c-soc'
       AND category IN ('premium', 'advanced', 'basic') ORDER BY start_date DESC LIMIT 1`,
    )
    .get(row.customer_id) as { category: SlaCheck['category'] } | undefined;
  const detected = row.detected_at;
  const notified = row.notified_at;
  if (notified === null) {
    const late = ctx.clock.now() - detected > NOTIFICATION_SLA_MINUTES * MINUTE_MS;
    return { category: contract?.category ?? null, minutes: null, held: late ? false : null };
  }
  const held = notifiedWithinSla({
    detectedAt: new Date(detected).toISOString(),
    notifiedAt: new Date(notified).toISOString(),
  });
  return {
    category: contract?.category ?? null,
    minutes: Math.max(0, Math.round(((notified - detected) / MINUTE_MS) * 10) / 10),
    held,
  };
}

export function alertDetail(ctx: ServiceContext, id: number): AlertDetail {
  const row = alertInScope(ctx, id);
  const db = ctx.db;
  const communications = db
    .prepare(
      `SELECT at, src, dst, port, protocol, url, action FROM communications WHERE alert_id = ?
       ORDER BY at, id LIMIT ?`,
    )
    .all(id, MAX_COMMUNICATIONS) as AlertDetail['communications'];
  const { n } = db
    .prepare('SELECT count(*) AS n FROM communications WHERE alert_id = ?')
    .get(id) as {
    n: number;
  };
  const customer = db
    .prepare('SELECT id, name_ja, name_en, utm_url_filter, fw_proxy FROM customers WHERE id = ?')
    .get(row.customer_id) as {
    id: string;
    name_ja: string;
    name_en: string;
    utm_url_filter: number;
    fw_proxy: number;
  };
  return {
    alert: {
      ...toRow(row),
      descriptionJa: row.description_ja,
      descriptionEn: row.description_en,
      originalText: row.original_text,
      firstSeen: row.first_seen,
      killChain: row.kill_chain,
      tactic: row.tactic,
      indicators: JSON.parse(row.indicators) as string[],
    },
    communications,
    communicationsTotal: n,
    customer: {
      id: customer.id,
      nameJa: customer.name_ja,
      nameEn: customer.name_en,
      perimeterMissing: customer.utm_url_filter === 0 && customer.fw_proxy === 0,
    },
    checklist: checklistOf(db, id),
    history: historyOf(db, id),
    sla: slaCheck(ctx, row),
  };
}
