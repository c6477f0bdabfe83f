/**
 * `npm start` where the Electron binary is missing (issue #2): it says so plainly, builds, starts
 * the browser host and prints the address, and that address opens SOC Desk on the demo data.
 * Runs the real start script on its own build folder (so the suite's dist/ is left alone) and a
 * fresh data dir; ELECTRON_OVERRIDE_DIST_PATH points at an empty folder, so the binary is missing
 * even on a machine that has one.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostUrl } from './host-url';

test('npm start without the Electron binary says so and starts the browser host', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-start-'));
  const child = spawn(
    process.execPath,
    ['build/scripts/start.mjs', '--data-dir', join(dir, 'data'), '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SOCDESK_DIST: join(dir, 'dist'),
        ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'),
      },
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await hostUrl(child, 150_000);
    expect(output).toContain('The Electron binary is missing');
    expect(output).toContain('Electron のバイナリがありません');
    expect(output).toContain('Starting the browser host instead');
    await page.goto(url);
    // First start on an empty data dir: the demo data is loaded and the profile is asked for.
    await page.getByTestId('profile-p-minato').click();
    await expect(page.getByTestId('profile-name')).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
