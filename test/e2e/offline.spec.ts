/**
 * Offline use (issue #7): with every request that is not to the local host (127.0.0.1) aborted in
 * the browser, the app still works from its store — dashboard, alerts, a monthly report with its
 * PDF (printed by the host's own Chromium, also local) and its bundle, opened again as an imported
 * report. Nothing in the app even tries to reach the network.
 */
import { readFileSync } from 'node:fs';
import { expect, openAs, startHostProcess, test as base } from './fixtures';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHostProcess(['--now', '2026-11-22T10:00:00+09:00']);
    await use(host);
    await host.stop();
  },
});

test.use({ locale: 'ja-JP' });

test('dashboard, alerts, a report and a bundle with no network but the local host', async ({
  page,
  host,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  const blocked: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    // data: is inline; blob: URLs carry the page's own origin (downloads made by the app).
    const origin = url.startsWith('data:') ? null : new URL(url).origin;
    if (origin === null || new URL(origin).hostname === '127.0.0.1') return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });

  await openAs(page, host, 'p-hokuto');
  // The block is real: the Internet cannot be reached from this browser.
  const probe = await page.context().newPage();
  await expect(probe.goto('https://www.example.com/')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  await probe.close();
  expect(blocked).toEqual(['https://www.example.com/']);
  blocked.length = 0;

  // Dashboard.
  await expect(page.getByTestId('as-of')).toBeVisible();
  await expect(page.getByTestId('chart-by-class')).toBeVisible();
  await expect(page.getByTestId('top-hosts')).toBeVisible();

  // Alerts.
  await page.goto(`${host.origin}/#/alerts?status=all`);
  await expect(page.getByTestId('alert-row').first()).toBeVisible();

  // A report, its PDF and its bundle.
  await page.goto(`${host.origin}/#/reports`);
  await page.getByTestId('report-create').click();
  await expect(page.getByTestId('report-document')).toBeVisible();
  await expect(page.getByTestId('report-summary')).toContainText(
    '2026年10月に検知されたアラートは',
  );
  const pdf = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByTestId('report-pdf').click();
  expect(
    readFileSync(await (await pdf).path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  const bundleDownload = page.waitForEvent('download');
  await page.getByTestId('report-bundle').click();
  const bundle = await (await bundleDownload).path();

  // The bundle, opened as an imported report.
  await page.goto(`${host.origin}/#/reports/imported`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('report-import').click();
  await (await chooser).setFiles(bundle);
  await expect(page.getByTestId('imported-banner')).toBeVisible();
  await expect(page.getByTestId('report-document')).toContainText(
    '北斗ネットワークサービス株式会社',
  );
  expect(host.query('SELECT 1 FROM imported_reports')).toHaveLength(1);
  await page.screenshot({ path: 'test-results/offline-imported-ja.png' });

  expect(blocked, 'requests that tried to leave the machine').toEqual([]);
  expect(consoleErrors).toEqual([]);
});
