import type { Profile } from '../../shared/api';
import { fail } from '../../shared/result';
import { getSetting } from '../store/database';
import type { ServiceContext } from './context';

interface StoredProfile {
  kind: 'customer' | 'partner';
  id: string;
}

export function storedProfile(ctx: ServiceContext): StoredProfile | null {
  const raw = getSetting(ctx.db, 'profile');
  if (!raw) return null;
  const p = JSON.parse(raw) as StoredProfile;
  return p.kind === 'customer' || p.kind === 'partner' ? p : null;
}

export function describeProfile(ctx: ServiceContext, p: StoredProfile): Profile | null {
  const table = p.kind === 'customer' ? 'customers' : 'partners';
  const row = ctx.db.prepare(`SELECT name_ja, name_en FROM ${table} WHERE id = ?`).get(p.id) as
    { name_ja: string; name_en: string } | undefined;
  return row ? { kind: p.kind, id: p.id, nameJa: row.name_ja, nameEn: row.name_en } : null;
}

/**
 * The customers the current profile may see: its own company, or a partner's customers. The
 * main process applies this to every query; the renderer is never trusted with the scope.
 */
export function scopeCustomers(ctx: ServiceContext): string[] {
  const p = storedProfile(ctx);
  if (!p) fail('no_profile');
  if (p.kind === 'customer') {
    const exists = ctx.db.prepare('SELECT 1 FROM customers WHERE id = ?').get(p.id);
    if (!exists) fail('no_profile');
    return [p.id];
  }
  const rows = ctx.db
    .prepare('SELECT id FROM customers WHERE partner_id = ? ORDER BY id')
    .all(p.id) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The customers a request covers: the one asked for (which must be in scope: anything else is
 * `forbidden`, whether it exists or not) or, for null, every customer in scope.
 */
export function resolveCustomers(ctx: ServiceContext, requested: string | null): string[] {
  const allowed = scopeCustomers(ctx);
  if (requested === null) return allowed;
  if (!allowed.includes(requested)) fail('forbidden');
  return [requested];
}

/** `?, ?, ?` for an IN list (never empty: an empty scope matches nothing). */
export function placeholders(ids: readonly string[]): string {
  return ids.length === 0 ? 'NULL' : ids.map(() => '?').join(', ');
}

/** Who did something, for the audit log: the profile, never a person's name. */
export function actor(ctx: ServiceContext): string {
  const p = storedProfile(ctx);
  return p ? `${p.kind}:${p.id}` : 'system';
}
