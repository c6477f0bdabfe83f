import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
type Config = Awaited<ReturnType<typeof getConfig>>;
const load = () => getConfig(root, join(root, 'electron-builder.yml'), null);
const targets = (c: Config, platform: 'win' | 'mac' | 'linux') =>
  ((c[platform]?.target ?? []) as Array<string | { target: string }>).map((t) =>
    typeof t === 'string' ? t : t.target,
  );

// electron-builder validates its configuration without the Electron binary.
describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(
      validateConfiguration(await load(), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('is refused when it has an unknown key (so the check above can fail)', async () => {
    const bad = { ...(await load()), notAnOption: true } as Config;
    await expect(validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration/,
    );
  });

  it('builds NSIS, dmg, AppImage and deb with icons under build/', async () => {
    const c = await load();
    expect(targets(c, 'win')).toEqual(['nsis']);
    expect(targets(c, 'mac')).toEqual(['dmg']);
    expect(targets(c, 'linux')).toEqual(['AppImage', 'deb']);
    for (const p of ['win', 'mac', 'linux'] as const) {
      const icon = c[p]?.icon;
      expect(icon).toMatch(/^build\//);
      expect(existsSync(join(root, icon!))).toBe(true);
    }
    expect(c.mac?.hardenedRuntime).toBe(true);
    expect(existsSync(join(root, c.mac!.entitlements!))).toBe(true);
  });

  it('ships only the bundles, unpacks the native SQLite module and needs no rebuild', async () => {
    const c = await load();
    // electron-builder normalises `files` into file sets; collect their filters.
    const filters = ((c.files ?? []) as Array<{ filter?: string[] }>).flatMap(
      (f) => f.filter ?? [],
    );
    expect(filters).toEqual(
      expect.arrayContaining(['dist/**/*', 'package.json', '!**/*.map', '!dist/electron/host.mjs']),
    );
    // Only this platform's prebuilt SQLite binary (the packaged listing is checked in hardening/).
    expect(filters).toContain(
      'node_modules/better-sqlite3-multiple-ciphers/prebuilds/${platform}-${arch}.node',
    );
    expect(c.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/**']);
    expect(c.extraMetadata).toMatchObject({ main: 'dist/electron/main.mjs' });
    expect(c.npmRebuild).toBe(false);
  });

  it('sets the security fuses', async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
