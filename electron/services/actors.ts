/**
 * Who an audit actor is (`customer:<id>`, `partner:<id>`), by company name, so that history lists
 * show a name rather than an id; null for the system and for a company that no longer exists.
 */
import type { Db } from '../store/database';

export function actorName(db: Db, actor: string): { ja: string; en: string } | null {
  const [kind, id] = actor.split(':');
  const table = kind === 'customer' ? 'customers' : kind === 'partner' ? 'partners' : null;
  if (!table || !id) return null;
  const row = db
    .prepare(`SELECT name_ja AS ja, name_en AS en FROM ${table} WHERE id = ?`)
    .get(id) as { ja: string; en: string } | undefined;
  return row ?? null;
}

/** `rows` with each one's actorName, looked up once per actor. */
export function withActorNames<T extends { actor: string }>(
  db: Db,
  rows: T[],
): Array<T & { actorName: { ja: string; en: string } | null }> {
  const names = new Map<string, { ja: string; en: string } | null>();
  return rows.map((r) => {
    if (!names.has(r.actor)) names.set(r.actor, actorName(db, r.actor));
    return { ...r, actorName: names.get(r.actor) ?? null };
  });
}
