import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { EXTERNAL_ALLOWLIST, isAllowedExternalUrl } from '../../../electron/security';
import { OPERATION_NAMES } from '../../../shared/api';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const root = join(import.meta.dirname, '..', '..', '..');
const callsOf = (what: string) => fake.calls.filter((c) => c.what === what);

// Electron's security checklist, checked against our own main process as it configures itself
// (electron/main.ts imported with a recording stand-in for the `electron` module).
describe('Electron main process security configuration', () => {
  let appWindow: fake.FakeBrowserWindow;

  beforeAll(async () => {
    await import('../../../electron/main');
    fake.makeReady();
    await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0));
    appWindow = fake.windows[0]!;
  });

  it('enables the sandbox for every renderer and holds a single instance', () => {
    expect(callsOf('app.enableSandbox')).toHaveLength(1);
    expect(callsOf('app.requestSingleInstanceLock')).toHaveLength(1);
  });

  it('creates the window sandboxed, isolated, without Node, webviews or devtools when packaged', () => {
    expect(appWindow.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(String((appWindow.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload\.cjs$/,
    );
    expect(appWindow.loadedUrl).toBe('app://soc-desk/index.html');
  });

  it('serves the renderer from a privileged, secure app:// scheme through its own handler', () => {
    const [schemes] = callsOf('protocol.registerSchemesAsPrivileged')[0]!.args as [
      Array<{ scheme: string; privileges: Record<string, boolean> }>,
    ];
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(callsOf('protocol.handle').map((c) => c.args[0])).toEqual(['app']);
  });

  it('denies every permission request and check', () => {
    const s = fake.session.defaultSession;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      let granted: boolean | null = null;
      s.permissionRequest!({}, permission, (g) => (granted = g));
      expect({ permission, granted }).toEqual({ permission, granted: false });
      expect(s.permissionCheck!({}, permission, 'app://soc-desk')).toBe(false);
    }
  });

  it('denies window.open, and opens only allow-listed https links outside the app', () => {
    const handler = appWindow.webContents.windowOpenHandler!;
    const before = callsOf('shell.openExternal').length;
    expect(handler({ url: 'https://jp.security.ntt/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://jp.security.ntt/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(
      callsOf('shell.openExternal')
        .slice(before)
        .map((c) => c.args[0]),
    ).toEqual(['https://jp.security.ntt/']);
  });

  it('blocks navigation and redirects away from the app, and webviews', () => {
    const attempt = (event: string, url: string) => {
      let prevented = false;
      appWindow.webContents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://soc-desk.evil.example/')).toBe(true);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'app://soc-desk/index.html#/alerts')).toBe(false);
    expect(attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('binds exactly the contract’s operations to IPC', () => {
    expect(
      callsOf('ipcMain.handle')
        .map((c) => c.args[0])
        .sort(),
    ).toEqual(OPERATION_NAMES.map((n) => `api:${n}`).sort());
  });
});

describe('content security policy and external links', () => {
  it('allows no inline code, no eval, nothing remote', () => {
    const directives: Record<string, string> = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d): [string, string] => [
        d.split(' ')[0] ?? '',
        d.split(' ').slice(1).join(' '),
      ]),
    );
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:|\*|blob:/);
  });

  it.each([
    ['https://jp.security.ntt/', true],
    ['https://www.iij.ad.jp/svcsol/', true],
    ['http://www.iij.ad.jp/', false],
    ['https://www.iij.ad.jp.evil.example/', false],
    ['https://user:pw@jp.security.ntt/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('external link %s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('keeps the allow-list to https hosts of the vendors', () => {
    expect(EXTERNAL_ALLOWLIST.every((h) => /^[a-z0-9.-]+$/.test(h))).toBe(true);
  });

  it('opens external links from one place only (electron/security.ts)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (
          /\.(ts|tsx)$/.test(f) &&
          /openExternal\(/.test(readFileSync(p, 'utf8')) &&
          !p.endsWith(join('electron', 'security.ts'))
        )
          offenders.push(p);
      }
    };
    for (const dir of ['electron', 'renderer', 'shared']) walk(join(root, dir));
    expect(offenders).toEqual([]);
  });
});
