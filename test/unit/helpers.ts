import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/services/app';
import type { Clock } from '../../electron/services/context';
import type { Db } from '../../electron/store/database';
import { fileKeyStore } from '../../electron/store/keys';

/** "Now" in unit tests: a Sunday morning in Tokyo. */
export const FIXED_NOW = Date.parse('2026-11-22T10:00:00+09:00');
export const fixedClock = (now = FIXED_NOW): Clock => ({ now: () => now });

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'socdesk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The real services on a real encrypted store in a temp dir, with the demo world loaded. */
export function testApp(
  opts: { demo?: boolean; demoPartner?: string; now?: number; dataDir?: string } = {},
): AppServices & { dataDir: string } {
  const dataDir = opts.dataDir ?? tempDir();
  const app = createAppServices({
    dataDir,
    keys: fileKeyStore(join(dataDir, 'socdesk.key')),
    clock: fixedClock(opts.now),
    host: 'browser',
    version: '0.0.0-test',
    demo: opts.demo ?? true,
    demoPartner: opts.demoPartner,
  });
  cleanups.push(() => app.close());
  return { ...app, dataDir };
}

/**
 * Like testApp, for a whole `describe` block: call it at the block's top level; the store is
 * created before its first test and closed and removed after its last.
 */
export function suiteApp(opts: { demo?: boolean; now?: number } = {}): {
  readonly current: AppServices & { dataDir: string };
} {
  const holder: { current: (AppServices & { dataDir: string }) | null } = { current: null };
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'socdesk-suite-'));
    const app = createAppServices({
      dataDir: dir,
      keys: fileKeyStore(join(dir, 'socdesk.key')),
      clock: fixedClock(opts.now),
      host: 'browser',
      version: '0.0.0-test',
      demo: opts.demo ?? true,
    });
    holder.current = { ...app, dataDir: dir };
  });
  afterAll(() => {
    holder.current?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get current() {
      if (!holder.current) throw new Error('suiteApp used outside a test');
      return holder.current;
    },
  };
}

/** A digest of every row of every table: "nothing written" means this did not change. */
export function contentHash(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
