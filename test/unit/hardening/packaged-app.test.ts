import { getCurrentFuseWire } from '@electron/fuses';
import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A stand-in for the Electron folder (the real binary cannot be downloaded here): an executable
 * holding Electron's fuse wire (version 1, 8 fuses, in Electron's defaults), so electron-builder
 * runs its whole `--dir` packaging, flips the fuses, and writes app.asar.
 */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, 8]),
    Buffer.from('10110001'),
  ]);
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.alloc(64), wire, Buffer.alloc(64)]),
  );
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.4.1');
  writeFileSync(join(dir, 'LICENSE'), '');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '');
}

let project = '';
let out = '';
afterAll(() => rmSync(project, { recursive: true, force: true }));
let files: string[] = [];

beforeAll(() => {
  // Package a fresh build in a copy of the project, so nothing here touches the working tree's dist/.
  project = mkdtempSync(join(tmpdir(), 'socdesk-pack-'));
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    copyFileSync(join(root, f), join(project, f));
  cpSync(join(root, 'build'), join(project, 'build'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
  const electronDir = join(project, 'stand-in-electron');
  standInElectron(electronDir);
  const build = spawnSync(process.execPath, [join(root, 'build/scripts/build.mjs'), '--quiet'], {
    cwd: root,
    env: { ...process.env, SOCDESK_DIST: join(project, 'dist') },
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  out = join(project, 'out');
  const pack = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--dir',
      `-c.electronDist=${electronDir}`,
      `-c.directories.output=${out}`,
      '--publish',
      'never',
    ],
    { cwd: project, encoding: 'utf8' },
  );
  expect(pack.status, pack.stdout + pack.stderr).toBe(0);
  files = listPackage(join(out, 'linux-unpacked/resources/app.asar'), { isPack: false }).map((f) =>
    f.replaceAll('\\', '/'),
  );
}, 120_000);

describe('the packaged app (electron-builder --dir against a stand-in Electron)', () => {
  it('contains the bundles and nothing of the sources', () => {
    for (const f of [
      '/dist/electron/main.mjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /\.(ts|tsx|map)$/.test(f))).toEqual([]);
    expect(
      files.filter(
        (f) =>
          /\/(electron|renderer|shared|test|docs|locales)\//.test(f) && !f.startsWith('/dist/'),
      ),
    ).toEqual([]);
    expect(files).not.toContain('/dist/electron/host.mjs');
  });

  it('ships no development dependency, only the SQLite module', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const modules = new Set(
      files
        .filter((f) => f.startsWith('/node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(2, f.split('/')[2]?.startsWith('@') ? 4 : 3)
            .join('/'),
        ),
    );
    expect([...modules]).toEqual(['better-sqlite3-multiple-ciphers']);
    for (const dev of Object.keys(pkg.devDependencies)) expect(modules.has(dev)).toBe(false);
  });

  it('unpacks the native SQLite binary for this platform only, without C sources', () => {
    const unpacked = join(
      out,
      'linux-unpacked/resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers',
    );
    expect(existsSync(join(unpacked, `prebuilds/${process.platform}-${process.arch}.node`))).toBe(
      true,
    );
    expect(files.filter((f) => f.includes('/prebuilds/'))).toEqual([
      `/node_modules/better-sqlite3-multiple-ciphers/prebuilds/${process.platform}-${process.arch}.node`,
    ]);
    expect(
      files.some(
        (f) =>
          f.includes('better-sqlite3-multiple-ciphers/deps') ||
          f.includes('better-sqlite3-multiple-ciphers/src'),
      ),
    ).toBe(false);
  });

  it('flips the security fuses in the binary', async () => {
    const wire = await getCurrentFuseWire(join(out, 'linux-unpacked/soc-desk'));
    const [DISABLE, ENABLE] = [48, 49];
    expect(wire).toMatchObject({
      0: DISABLE, // RunAsNode
      1: ENABLE, // EnableCookieEncryption
      2: DISABLE, // EnableNodeOptionsEnvironmentVariable
      3: DISABLE, // EnableNodeCliInspectArguments
      4: ENABLE, // EnableEmbeddedAsarIntegrityValidation
      5: ENABLE, // OnlyLoadAppFromAsar
      7: DISABLE, // GrantFileProtocolExtraPrivileges
    });
  });
});
