import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations';
import type { FileRef, RestoreResult } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { contentHash, tempDir, testApp } from '../helpers';

const PASS = 'correct horse battery staple';
const require = createRequire(import.meta.url);
type App = ReturnType<typeof testApp>;
const value = <T>(r: Result<unknown>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const asPartner = (app: App, id = 'p-minato') =>
  app.dispatch('session.setProfile', { kind: 'partner', id });
const count = (app: App, sql: string) => (app.ctx.db.prepare(sql).get() as { n: number }).n;

/** A partner's own installation: only that partner's customers, so the partner sees the whole store. */
const singlePartnerStore = (): App => testApp({ demoPartner: 'p-minato' });

describe('backup', () => {
  it('is encrypted with the passphrase: unreadable without it or with the store key', async () => {
    const app = singlePartnerStore();
    await asPartner(app);
    const ref = value<FileRef>(await app.dispatch('system.backup', { passphrase: PASS }));
    expect(ref.name).toMatch(/^socdesk-backup-\d{8}\.socdeskbackup$/);
    const file = app.ctx.files.get(ref.fileId).path;
    expect(readFileSync(file).includes(Buffer.from('桜川精機'))).toBe(false);
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT * FROM customers').all()).toThrow();
    plain.close();
    expect(() => openStore({ file, key: app.ctx.store.key })).toThrow();
    const withPass = new Database(file, { readonly: true });
    withPass.pragma(`cipher='sqlcipher'`);
    withPass.pragma('legacy=4');
    withPass.pragma(`key='${PASS}'`);
    expect(withPass.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 3 });
    withPass.close();
    expect(count(app, "SELECT count(*) AS n FROM audit_log WHERE action = 'backup'")).toBe(1);
  });

  it('takes a consistent snapshot: committed data only, while another writer is mid-transaction', async () => {
    const app = singlePartnerStore();
    await asPartner(app);
    // Another connection (in a worker thread) changes a row and holds its transaction open for a
    // moment; the backup must not contain the uncommitted change, and must still be recorded.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.module);
       const db = new Database(workerData.file);
       db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma(\`key="x'\${workerData.key}'"\`);
       db.exec('BEGIN');
       db.prepare("UPDATE customers SET name_en = 'UNCOMMITTED' WHERE id = 'c-aoba'").run();
       parentPort.postMessage('in-transaction');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
       db.exec('ROLLBACK'); db.close(); parentPort.postMessage('done');`,
      {
        eval: true,
        workerData: {
          module: require.resolve('better-sqlite3-multiple-ciphers'),
          file: app.ctx.store.file,
          key: Buffer.from(app.ctx.store.key).toString('hex'),
        },
      },
    );
    await new Promise((resolve) => worker.once('message', resolve));
    const ref = value<FileRef>(await app.dispatch('system.backup', { passphrase: PASS }));
    await new Promise((resolve) => worker.once('exit', resolve));
    const b = new Database(app.ctx.files.get(ref.fileId).path, { readonly: true });
    b.pragma(`cipher='sqlcipher'`);
    b.pragma('legacy=4');
    b.pragma(`key='${PASS}'`);
    expect(b.prepare("SELECT name_en FROM customers WHERE id = 'c-aoba'").get()).toEqual({
      name_en: 'Aoba Accounting Office',
    });
    expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
    b.close();
    expect(count(app, "SELECT count(*) AS n FROM audit_log WHERE action = 'backup'")).toBe(1);
  });

  it('is refused to a profile that does not see every customer in the store', async () => {
    const app = testApp();
    await asPartner(app);
    expect(await app.dispatch('system.backup', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-aoba' });
    expect(await app.dispatch('system.backup', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('needs a passphrase of at least 12 characters', async () => {
    const app = singlePartnerStore();
    await asPartner(app);
    expect(await app.dispatch('system.backup', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: 'passphrase', message: 'errors:issue.too_small' }],
      },
    });
  });
});

describe('restore', () => {
  it('brings back the backed-up data on another machine (another key) and records it', async () => {
    const a = singlePartnerStore();
    await asPartner(a);
    const ref = value<FileRef>(await a.dispatch('system.backup', { passphrase: PASS }));
    const alerts = count(a, 'SELECT count(*) AS n FROM alerts');
    const b = singlePartnerStore();
    await asPartner(b);
    b.ctx.db.exec('DELETE FROM communications; DELETE FROM alert_hosts; DELETE FROM alerts');
    const picked = b.ctx.files.registerPicked(a.ctx.files.get(ref.fileId).path, ref.name);
    const r = value<RestoreResult>(
      await b.dispatch('system.restore', { fileId: picked.fileId, passphrase: PASS }),
    );
    expect(r).toEqual({
      backupVersion: MIGRATIONS.length,
      storeVersion: MIGRATIONS.length,
      customers: 3,
    });
    expect(count(b, 'SELECT count(*) AS n FROM alerts')).toBe(alerts);
    expect(count(b, "SELECT count(*) AS n FROM audit_log WHERE action = 'restore'")).toBe(1);
    expect(b.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The restored store is encrypted with this machine's key, not the passphrase.
    b.close();
    const reopened = openStore({ file: b.ctx.store.file, key: b.ctx.store.key });
    expect(reopened.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    reopened.close();
  });

  it('migrates a backup from an older SOC Desk', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.socdeskbackup');
    const old = openStore({
      file,
      key: new Uint8Array(32).fill(9),
      migrations: MIGRATIONS.slice(0, 2),
    });
    old.exec("INSERT INTO partners (id, name_ja, name_en) VALUES ('p-minato', 'ミナト', 'Minato')");
    old.exec(`rekey = '${PASS}'`.replace(/^/, 'PRAGMA '));
    old.close();
    const app = singlePartnerStore();
    await asPartner(app);
    const picked = app.ctx.files.registerPicked(file, 'old.socdeskbackup');
    const r = value<RestoreResult>(
      await app.dispatch('system.restore', { fileId: picked.fileId, passphrase: PASS }),
    );
    expect(r).toMatchObject({ backupVersion: 2, storeVersion: MIGRATIONS.length, customers: 0 });
    expect(app.ctx.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it.each([
    ['a backup from a newer SOC Desk', 'newer', 'store_newer_version'],
    ['a wrong passphrase', 'wrong-pass', 'backup_wrong_passphrase'],
    ['a file that is not a backup', 'garbage', 'backup_wrong_passphrase'],
  ])('refuses %s and leaves the store untouched', async (_label, kind, code) => {
    const app = singlePartnerStore();
    await asPartner(app);
    const ref = value<FileRef>(await app.dispatch('system.backup', { passphrase: PASS }));
    const path = app.ctx.files.get(ref.fileId).path;
    if (kind === 'newer') {
      const b = new Database(path);
      b.pragma(`cipher='sqlcipher'`);
      b.pragma('legacy=4');
      b.pragma(`key='${PASS}'`);
      b.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      b.close();
    }
    let fileId = ref.fileId;
    if (kind === 'garbage') {
      const junk = join(tempDir(), 'junk.socdeskbackup');
      (await import('node:fs')).writeFileSync(junk, 'not a database at all'.repeat(100));
      fileId = app.ctx.files.registerPicked(junk, 'junk.socdeskbackup').fileId;
    }
    const before = contentHash(app.ctx.db);
    const r = await app.dispatch('system.restore', {
      fileId,
      passphrase: kind === 'wrong-pass' ? 'a different passphrase' : PASS,
    });
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(contentHash(app.ctx.db)).toBe(before);
  });
});
