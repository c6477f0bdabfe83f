import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { resolveInside } from '../../electron/paths';
import { appProtocolResponse } from '../../electron/protocol';
import { tempDir } from './helpers';

describe('resolveInside (app:// and the browser host)', () => {
  const root = '/srv/renderer';
  it.each([
    ['/', '/srv/renderer/index.html'],
    ['/index.html', '/srv/renderer/index.html'],
    ['/assets/index-abc.js', '/srv/renderer/assets/index-abc.js'],
    ['/assets/%E6%97%A5.svg', '/srv/renderer/assets/日.svg'],
  ])('maps %s inside the folder', (path, file) => {
    expect(resolveInside(root, path)).toBe(file);
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/..%5c..%5cwindows',
    '/assets/..\\..\\x',
    '/%00',
    '/%E0%A4%A',
    '/.',
  ])('refuses %s', (path) => {
    expect(resolveInside(root, path)).toBeNull();
  });
});

describe('app:// protocol', () => {
  it('serves renderer files with the CSP and refuses traversal and other hosts', async () => {
    const dir = tempDir();
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const ok = await appProtocolResponse('app://soc-desk/index.html', renderer);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('content-type')).toMatch(/text\/html/);
    for (const url of [
      'app://soc-desk/../secret.txt',
      'app://soc-desk/%2e%2e/secret.txt',
      'app://other/index.html',
      'app://soc-desk/missing.js',
    ]) {
      expect({ url, status: (await appProtocolResponse(url, renderer)).status }).toEqual({
        url,
        status: 404,
      });
    }
  });

  it('uses a CSP with no inline script or remote source', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
