import type { Db } from './database';
import { StoreError } from './errors';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/**
 * Brings the schema up to date: each pending migration runs in its own transaction together with
 * the `user_version` bump, so a failure leaves the database at the previous version. A database
 * written by a newer SOC Desk (higher user_version) is refused, never downgraded.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const supported = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > supported) throw new StoreError('store_newer_version', { found: from, supported });
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: supported };
}
