import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { FileRef, RestoreResult } from '../../../shared/api';
import { fail } from '../../../shared/result';
import { jstIsoDate } from '../../../shared/time';
import { openStore, type Db } from '../../store/database';
import { migrate } from '../../store/migrate';
import { MIGRATIONS } from '../../store/migrations';
import type { ServiceContext } from '../context';
import { actor, scopeCustomers } from '../scope';

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const rawKey = (key: Uint8Array) => `"x'${Buffer.from(key).toString('hex')}'"`;

/** Opens an SQLCipher file with a key expression (raw `"x'…'"` or a quoted passphrase). */
function openWith(file: string, keyExpr: string, readonly = false): Db {
  const db = new Database(file, { readonly, fileMustExist: true });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key=${keyExpr}`);
  return db;
}

/**
 * Backup and restore hold every customer's data: only a profile that sees every customer in the
 * store may take or restore one (a partner installation's own partner; a customer's own store).
 */
export function requireWholeStore(ctx: ServiceContext): string[] {
  const all = (ctx.db.prepare('SELECT id FROM customers').all() as { id: string }[]).map(
    (r) => r.id,
  );
  const scope = new Set(scopeCustomers(ctx));
  if (!all.every((id) => scope.has(id))) fail('forbidden');
  return all;
}

function audit(ctx: ServiceContext, action: string, entityId: string, note: string | null): void {
  ctx.db
    .prepare(
      'INSERT INTO audit_log (at, actor, action, entity, entity_id, note) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(ctx.clock.now(), actor(ctx), action, 'store', entityId, note);
}

/**
 * A consistent copy of the whole store (VACUUM INTO reads one snapshot while the app keeps
 * working), re-encrypted with a passphrase so it can be restored on another machine. The copy is
 * never in plaintext on disk: VACUUM INTO writes it encrypted with the store's own key first.
 */
export function backup(ctx: ServiceContext, passphrase: string): FileRef {
  const customers = requireWholeStore(ctx);
  const stamp = jstIsoDate(ctx.clock.now()).replaceAll('-', '');
  const out = ctx.files.createOutput(`socdesk-backup-${stamp}.socdeskbackup`, customers);
  ctx.db.prepare('VACUUM INTO ?').run(out.path);
  const copy = openWith(out.path, rawKey(ctx.store.key));
  try {
    copy.pragma(`rekey=${quote(passphrase)}`);
  } finally {
    copy.close();
  }
  audit(ctx, 'backup', 'socdesk.db', null);
  return out.commit();
}

/**
 * Replaces the store with a backup: checks the passphrase, the version (a backup from a newer
 * SOC Desk is refused) and integrity on a private copy, migrates the copy, re-keys it with this
 * machine's store key, then swaps the files. Until the swap, the current store is untouched.
 */
export function restore(ctx: ServiceContext, fileId: string, passphrase: string): RestoreResult {
  requireWholeStore(ctx);
  const source = ctx.files.get(fileId).path;
  let backupDb: Db;
  try {
    backupDb = openWith(source, quote(passphrase), true);
    backupDb.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    fail('backup_wrong_passphrase');
  }
  const work = ctx.files.createOutput('restore.socdesk.db', null);
  let backupVersion: number;
  try {
    backupVersion = backupDb.pragma('user_version', { simple: true }) as number;
    if (backupVersion > MIGRATIONS.length) {
      fail('store_newer_version', {
        params: { found: backupVersion, supported: MIGRATIONS.length },
      });
    }
    const check = backupDb.pragma('integrity_check', { simple: true });
    const hasCustomers = backupDb
      .prepare("SELECT 1 FROM sqlite_master WHERE name = 'customers'")
      .get();
    if (check !== 'ok' || !hasCustomers) fail('backup_invalid');
    backupDb.prepare('VACUUM INTO ?').run(work.path);
  } finally {
    backupDb.close();
  }
  try {
    const copy = openWith(work.path, quote(passphrase));
    try {
      copy.pragma(`rekey=${rawKey(ctx.store.key)}`);
      copy.pragma('foreign_keys = ON');
      migrate(copy, MIGRATIONS);
    } finally {
      copy.close();
    }
    swapStore(ctx, work.path);
  } finally {
    rmSync(work.path, { force: true });
  }
  audit(ctx, 'restore', 'socdesk.db', `backup version ${backupVersion}`);
  ctx.emit('data.changed', {
    topics: ['session', 'alerts', 'devices', 'contracts', 'sla', 'inquiries', 'reports', 'sync'],
  });
  const { n } = ctx.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number };
  return { backupVersion, storeVersion: MIGRATIONS.length, customers: n };
}

/** Closes the store, puts the new file in its place (keeping the old one until the new opens). */
function swapStore(ctx: ServiceContext, replacement: string): void {
  const file = ctx.store.file;
  const previous = `${file}.before-restore`;
  ctx.db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  renameSync(file, previous);
  try {
    renameSync(replacement, file);
    ctx.db = openStore({ file, key: ctx.store.key });
  } catch (e) {
    if (existsSync(file)) rmSync(file, { force: true });
    renameSync(previous, file);
    ctx.db = openStore({ file, key: ctx.store.key });
    throw e;
  }
  rmSync(previous, { force: true });
}
