import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/database';
import { fileKeyStore, loadOrCreateKey } from '../../electron/store/keys';
import { MIGRATIONS } from '../../electron/store/migrations';
import { tempDir } from './helpers';

const root = join(import.meta.dirname, '..', '..');

/** Runs the browser host's command line from source (tsx), as `node dist/electron/host.mjs` would. */
function host(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TSX_TSCONFIG_PATH: 'test/e2e/tsconfig.json' },
    timeout: 30_000,
  });
}

describe('browser host command line', () => {
  it('documents its options in --help', () => {
    const r = host(['--help']);
    expect(r.status).toBe(0);
    for (const option of ['--data-dir', '--port', '--now', '--no-demo', '--static-dir'])
      expect(r.stdout).toContain(option);
  });

  it('refuses a bad option value clearly', () => {
    const r = host(['--port', 'abc']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--port: not a port number: abc');
  });

  it('refuses a store written by a newer SOC Desk, in Japanese and English, and leaves it as it was', () => {
    const dataDir = tempDir();
    const key = loadOrCreateKey(fileKeyStore(join(dataDir, 'socdesk.key')), false);
    const db = openStore({ file: join(dataDir, 'socdesk.db'), key });
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const r = host(['--data-dir', dataDir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('新しいバージョンの SOC Desk で作成されています');
    expect(r.stderr).toContain('written by a newer SOC Desk');
    expect(r.stderr).toContain(`data format ${MIGRATIONS.length + 5}`);
  });
});
