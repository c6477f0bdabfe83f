import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../electron/store/migrate';
import { MIGRATIONS } from '../../electron/store/migrations';
import { KEY_BYTES, openStore } from '../../electron/store/database';
import { fileKeyStore, loadOrCreateKey } from '../../electron/store/keys';
import { ApiFailure } from '../../shared/result';
import { tempDir, testApp } from './helpers';

const key = (fill: number) => new Uint8Array(KEY_BYTES).fill(fill);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiFailure ? e.error.code : `unexpected: ${String(e)}`;
  }
  return 'no error';
};

describe('encrypted store', () => {
  it('keeps the file unreadable without the key', () => {
    const app = testApp();
    const file = join(app.dataDir, 'socdesk.db');
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('桜川精機'))).toBe(false);
    expect(bytes.includes(Buffer.from('Sakuragawa'))).toBe(false);
    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM customers').get()).toThrow(/not a database/);
    plain.close();
  });

  it('refuses a wrong key with a typed error', () => {
    const dir = tempDir();
    openStore({ file: join(dir, 'a.db'), key: key(1) }).close();
    expect(codeOf(() => openStore({ file: join(dir, 'a.db'), key: key(2) }))).toBe(
      'store_wrong_key',
    );
  });

  it('runs with WAL and foreign keys, and every table is STRICT', () => {
    const db = openStore({ file: join(tempDir(), 'a.db'), key: key(3) });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare(
        // Ordinary tables: FTS5 search tables and their shadow tables cannot be STRICT.
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables)
      expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 });
    db.close();
  });
});

describe('migrations', () => {
  it('are numbered 1..N', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring an empty store to the latest version', () => {
    const db = openStore({ file: join(tempDir(), 'a.db'), key: key(4) });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('upgrade a store of every previous version and keep its data', () => {
    for (let version = 1; version < MIGRATIONS.length; version++) {
      const file = join(tempDir(), `v${version}.db`);
      const old = openStore({ file, key: key(5), migrations: MIGRATIONS.slice(0, version) });
      expect(old.pragma('user_version', { simple: true })).toBe(version);
      old
        .prepare(
          "INSERT INTO partners (id, name_ja, name_en) VALUES ('p1', 'パートナー', 'Partner')",
        )
        .run();
      old.close();
      const db = openStore({ file, key: key(5) });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT name_ja FROM partners').all()).toEqual([{ name_ja: 'パートナー' }]);
      db.close();
    }
  });

  it('refuse a store written by a newer SOC Desk and leave it untouched', () => {
    const file = join(tempDir(), 'a.db');
    const db = openStore({ file, key: key(6) });
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    let error: unknown;
    try {
      openStore({ file, key: key(6) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).error).toMatchObject({
      code: 'store_newer_version',
      params: { found: MIGRATIONS.length + 1, supported: MIGRATIONS.length },
    });
    const again = openStore({
      file,
      key: key(6),
      migrations: [
        ...MIGRATIONS,
        { version: MIGRATIONS.length + 1, name: 'future', up: () => undefined },
      ],
    });
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    again.close();
  });

  it('roll a failing migration back completely', () => {
    const file = join(tempDir(), 'a.db');
    openStore({ file, key: key(7) }).close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => openStore({ file, key: key(7), migrations: [...MIGRATIONS, broken] })).toThrow(
      'boom',
    );
    const db = openStore({ file, key: key(7) });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('reject a list with a gap', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ ...MIGRATIONS[0]!, version: 2 }])).toThrow(/expected 1/);
    db.close();
  });
});

describe('store key', () => {
  it('is created once, 32 random bytes in a 0600 file, and reused', () => {
    const dir = tempDir();
    const keys = fileKeyStore(join(dir, 'socdesk.key'));
    const first = loadOrCreateKey(keys, false);
    expect(first.length).toBe(32);
    expect(statSync(join(dir, 'socdesk.key')).mode & 0o777).toBe(0o600);
    expect(Buffer.from(loadOrCreateKey(keys, true)).equals(Buffer.from(first))).toBe(true);
  });

  it('is never silently replaced when the store exists but the key is gone', () => {
    const dir = tempDir();
    const keys = fileKeyStore(join(dir, 'socdesk.key'));
    expect(codeOf(() => loadOrCreateKey(keys, true))).toBe('store_key_missing');
    expect(existsSync(join(dir, 'socdesk.key'))).toBe(false);
  });
});
