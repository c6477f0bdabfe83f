/**
 * The status workflow and the recommendation checklist. Every change is written to the audit log
 * (who = the profile, when, from, to, note) in the same transaction as the change itself.
 */
import type { AlertStatus } from '../../../shared/catalog';
import { kbEntry } from '../../../shared/kb';
import { ALERT_TRANSITIONS, noteRequired, type AlertDetail } from '../../../shared/ops/alerts';
import { fail, type Issue } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { actor, scopeCustomers } from '../scope';
import { alertInScope, checklistOf } from './detail';
import { withImportsPaused } from './jobs';
import { hiddenSql } from './hidden';

interface Current {
  id: number;
  customer_id: string;
  status: AlertStatus;
}

function audit(ctx: ServiceContext) {
  return ctx.db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id, from_value, to_value, note)
     VALUES (?, ?, ?, 'alert', ?, ?, ?, ?, ?)`,
  );
}

/**
 * Moves every given alert to `to`, all or nothing: an id the profile cannot see is `not_found`, a
 * move the workflow does not allow is `conflict` with one issue per alert, a missing note (closing
 * or reopening) is `invalid_input`.
 */
export function setStatus(
  ctx: ServiceContext,
  ids: readonly number[],
  to: AlertStatus,
  note: string,
): { updated: number } {
  const unique = [...new Set(ids)];
  const allowed = new Set(scopeCustomers(ctx));
  const rows = ctx.db
    .prepare(
      `SELECT id, customer_id, status FROM alerts WHERE id IN (SELECT value FROM json_each(?))${hiddenSql(ctx.db, 'id')}`,
    )
    .all(JSON.stringify(unique)) as Current[];
  const byId = new Map(rows.filter((r) => allowed.has(r.customer_id)).map((r) => [r.id, r]));
  if (unique.some((id) => !byId.has(id))) fail('not_found');
  const invalid: Issue[] = [];
  unique.forEach((id, i) => {
    const from = byId.get(id)!.status;
    if (!ALERT_TRANSITIONS[from].includes(to)) {
      invalid.push({
        path: `ids.${i}`,
        message: 'alerts:errors.transitionItem',
        params: { id, from, to },
      });
    }
  });
  if (invalid.length > 0) {
    fail('conflict', { message: 'alerts:errors.transition', params: { to }, issues: invalid });
  }
  if (note === '' && unique.some((id) => noteRequired(byId.get(id)!.status, to))) {
    fail('invalid_input', { issues: [{ path: 'note', message: 'alerts:errors.noteRequired' }] });
  }
  const now = ctx.clock.now();
  const who = actor(ctx);
  withImportsPaused(ctx.db, () => {
    const update = ctx.db.prepare('UPDATE alerts SET status = ? WHERE id = ? AND status = ?');
    const log = audit(ctx);
    ctx.db.transaction(() => {
      for (const id of unique) {
        const r = byId.get(id)!;
        if (update.run(to, id, r.status).changes !== 1) fail('conflict');
        log.run(now, who, 'alert.status', String(id), r.customer_id, r.status, to, note || null);
      }
    })();
  });
  ctx.emit('data.changed', { topics: ['alerts'] });
  return { updated: unique.length };
}

/** Ticks or unticks one recommendation of the alert's kind (ids from the knowledge base). */
export function setChecklist(
  ctx: ServiceContext,
  alertId: number,
  recommendationId: string,
  done: boolean,
): AlertDetail['checklist'] {
  const row = alertInScope(ctx, alertId);
  const known = kbEntry(row.threat_kind).recommendations.some((r) => r.id === recommendationId);
  if (!known) {
    fail('invalid_input', {
      issues: [{ path: 'recommendationId', message: 'errors:issue.invalid_value' }],
    });
  }
  const now = ctx.clock.now();
  const who = actor(ctx);
  withImportsPaused(ctx.db, () =>
    ctx.db.transaction(() => {
      const changed = done
        ? ctx.db
            .prepare(
              `INSERT INTO alert_checklist (alert_id, recommendation_id, done_at, actor)
               VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
            )
            .run(alertId, recommendationId, now, who).changes
        : ctx.db
            .prepare('DELETE FROM alert_checklist WHERE alert_id = ? AND recommendation_id = ?')
            .run(alertId, recommendationId).changes;
      if (changed > 0) {
        audit(ctx).run(
          now,
          who,
          done ? 'alert.checklist.done' : 'alert.checklist.undone',
          String(alertId),
          row.customer_id,
          null,
          recommendationId,
          null,
        );
      }
    })(),
  );
  ctx.emit('data.changed', { topics: ['alerts'] });
  return checklistOf(ctx.db, alertId);
}
