/**
 * Who may do what with the feed (docs/feed-format.md "Who configures the feed").
 *
 * The feed belongs to the profile that configured it, its owner, and may write only the data of the
 * customers that owner sees: a partner's customers, or the customer itself. Items for any other
 * customer — unknown to the store, or someone else's — are refused, so a feed never creates a tenant
 * nor reaches across one. A profile may configure, run or disconnect the feed, and see its details,
 * only if it sees every customer the feed can reach (its scope includes the owner's); any other
 * profile sees the state and the times, which say nothing about other customers.
 */
import { scopeCustomers } from '../scope';
import type { ServiceContext } from '../context';
import type { SyncConfig } from './repo';

/** The customers the feed's owner sees now (a partner's customer list can change). */
export function ownerScope(ctx: ServiceContext, owner: SyncConfig['owner']): string[] {
  if (owner.kind === 'customer') {
    return ctx.db.prepare('SELECT 1 FROM customers WHERE id = ?').get(owner.id) ? [owner.id] : [];
  }
  return ctx.db
    .prepare('SELECT id FROM customers WHERE partner_id = ? ORDER BY id')
    .pluck()
    .all(owner.id) as string[];
}

export interface SyncAccess {
  canConfigure: boolean;
  full: boolean;
}

/** What the current profile may do with the feed (no profile: `no_profile`, from scopeCustomers). */
export function syncAccess(ctx: ServiceContext, config: SyncConfig | null): SyncAccess {
  const mine = new Set(scopeCustomers(ctx));
  if (!config) return { canConfigure: true, full: true };
  const covers = ownerScope(ctx, config.owner).every((id) => mine.has(id));
  return { canConfigure: covers, full: covers };
}
