import Database from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './errors';
import { migrate, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';

// Package types predate its exports map; tsconfig.base.json points `paths` at them.
export type Db = Database.Database;

export const KEY_BYTES = 32;

export interface OpenOptions {
  file: string;
  /** The raw 256-bit key (SQLCipher, no passphrase derivation: the key is random, not a password). */
  key: Uint8Array;
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) the encrypted store: SQLCipher-compatible encryption, WAL, foreign keys on,
 * then applies pending migrations. A wrong key and a database from a newer SOC Desk are refused
 * with typed errors; the file is left as it was.
 */
export function openStore({ file, key, migrations = MIGRATIONS }: OpenOptions): Db {
  if (key.length !== KEY_BYTES) throw new Error(`store key must be ${KEY_BYTES} bytes`);
  const db = new Database(file);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${Buffer.from(key).toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_NOTADB')
        throw new StoreError('store_wrong_key');
      throw e;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else {
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }
}

/**
 * Runs `read` on one snapshot of the store: every statement in it sees the same committed state,
 * whatever other connections (the import and undo workers) commit meanwhile. For reads that
 * combine several statements' results, such as a rollup with a correction computed apart
 * (services/alerts/hidden.ts). Inside a transaction already, that one's snapshot is used.
 */
export function readSnapshot<T>(db: Db, read: () => T): T {
  return db.inTransaction ? read() : db.transaction(read).deferred();
}
