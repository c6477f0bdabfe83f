import type { AuditEntry } from '../../../shared/ops/sla';
import { fail } from '../../../shared/result';
import { jstIsoDate } from '../../../shared/time';
import { withActorNames } from '../actors';
import type { Handlers } from '../handlers-types';
import { placeholders, resolveCustomers, scopeCustomers } from '../scope';
import { customerLedgers } from './ledger';
import { audit, getOutage, validateOutage, writeOutage } from './outages';

type Op = 'sla.ledger' | 'sla.saveOutage' | 'sla.deleteOutage' | 'sla.outageHistory';

/** The SLA ledger and its outages: scoped by profile, validated, audited. */
export const slaHandlers: Pick<Handlers, Op> = {
  'sla.ledger': ({ customerId, months }, ctx) => {
    const ids = resolveCustomers(ctx, customerId);
    const now = ctx.clock.now();
    return {
      asOf: now,
      today: jstIsoDate(now),
      customers: customerLedgers(ctx.db, ids, now, months),
    };
  },

  'sla.saveOutage': (input, ctx) => {
    resolveCustomers(ctx, input.customerId);
    const now = ctx.clock.now();
    const saved = ctx.db.transaction(() => {
      const before =
        input.id === undefined ? null : (getOutage(ctx.db, scopeCustomers(ctx), input.id) ?? null);
      if (input.id !== undefined && !before) fail('not_found');
      // An outage stays with its customer: moving it would hide it from the original ledger.
      if (before && before.customerId !== input.customerId) {
        fail('invalid_input', {
          issues: [{ path: 'customerId', message: 'sla:validation.customerChanged' }],
        });
      }
      validateOutage(ctx.db, input, now);
      const after = writeOutage(ctx.db, input, now);
      audit(
        ctx,
        before ? 'outage.update' : 'outage.create',
        after.id,
        after.customerId,
        before,
        after,
      );
      return after;
    })();
    ctx.emit('data.changed', { topics: ['sla'] });
    return saved;
  },

  'sla.deleteOutage': ({ id }, ctx) => {
    ctx.db.transaction(() => {
      const before = getOutage(ctx.db, scopeCustomers(ctx), id);
      if (!before) fail('not_found');
      ctx.db.prepare('DELETE FROM outages WHERE id = ?').run(id);
      audit(ctx, 'outage.delete', id, before.customerId, before, null);
    })();
    ctx.emit('data.changed', { topics: ['sla'] });
    return null;
  },

  'sla.outageHistory': ({ id }, ctx) => {
    const ids = scopeCustomers(ctx);
    const rows = ctx.db
      .prepare(
        `SELECT at, actor, action, from_value AS fromValue, to_value AS toValue FROM audit_log
         WHERE entity = 'outage' AND entity_id = ? AND customer_id IN (${placeholders(ids)})
         ORDER BY id`,
      )
      .all(String(id), ...ids) as Array<Omit<AuditEntry, 'actorName'>>;
    return withActorNames(ctx.db, rows);
  },
};
