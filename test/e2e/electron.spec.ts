import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs helper shared with the npm scripts
import { electronBinary } from '../../build/scripts/electron-binary.mjs';

const binary = (electronBinary as () => string | null)();

// Runs the real desktop app where the Electron binary exists. On machines that cannot download it
// (like this project's CI) it is skipped with the reason; the browser-host tests cover the rest.
test('the desktop app opens its window on the dashboard', async () => {
  test.skip(
    !binary,
    'Electron binary missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): desktop smoke test skipped',
  );
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'socdesk-electron-'))}`],
  });
  const window = await app.firstWindow();
  await expect(window).toHaveTitle('SOC Desk');
  expect(
    await window.evaluate(() => typeof (globalThis as unknown as { socDesk?: unknown }).socDesk),
  ).toBe('object');
  expect(
    await window.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require),
  ).toBe('undefined');
  await window.getByTestId('profile-p-minato').click();
  await expect(window.getByTestId('kpi-open-value')).toBeVisible();
  await app.close();
});
