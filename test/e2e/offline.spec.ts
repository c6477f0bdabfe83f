/**
 * Offline use (issue #7), with no network but loopback for the browser AND for the host: the
 * browser's requests off 127.0.0.1 are aborted, and the host process runs under
 * test/e2e/offline-guard.mjs (a Node preload), which makes every connection or DNS lookup past
 * loopback throw and records it — its PDF printer, a headless Chromium, is sent through a proxy of
 * the guard that records and refuses. The app still works from its store — dashboard, alerts, a
 * monthly report with its PDF and its bundle, opened again as an imported report — and nothing in
 * it even tries to reach the network. Then a feed is configured: the host's attempt to reach it
 * is refused by the guard (the block is real) and the sync indicator says offline while every
 * screen keeps working.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openAs, startHostProcess, test as base } from './fixtures';

const FEED = 'https://feed.example.jp/feed/v1';

interface GuardEntry {
  event: 'ready' | 'chromium' | 'refused';
  via?: string;
  target?: string;
  proxy?: string;
  own?: boolean;
  main?: boolean;
}

const test = base.extend<{ guardLog: string }>({
  // eslint-disable-next-line no-empty-pattern
  guardLog: async ({}, use) => {
    await use(join(mkdtempSync(join(tmpdir(), 'socdesk-offline-')), 'attempts.jsonl'));
  },
  host: async ({ guardLog }, use) => {
    const host = await startHostProcess(['--now', '2026-11-22T10:00:00+09:00'], undefined, {
      args: ['--import', resolve('test/e2e/offline-guard.mjs')],
      env: { SOCDESK_OFFLINE_LOG: guardLog },
    });
    await use(host);
    await host.stop();
  },
});

function entries(file: string): GuardEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as GuardEntry);
}

const refused = (file: string) => entries(file).filter((e) => e.event === 'refused');

test.use({ locale: 'ja-JP' });

async function expectOffline(page: Page) {
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await expect(indicator).toContainText('オフライン');
}

test('dashboard, alerts, a report and a bundle with no network but loopback, host included', async ({
  page,
  host,
  guardLog,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  // The guard is in the host's main thread before anything of the app ran.
  expect(entries(guardLog).some((e) => e.event === 'ready' && e.main)).toBe(true);
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

  // A report, its PDF (the host's Chromium, launched under the guard) and its bundle.
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
  // The printer was launched once, confined to this machine: its proxy (the app's own, or else
  // the guard's recorder) is a loopback address, which only loopback pages bypass.
  const printers = entries(guardLog).filter((e) => e.event === 'chromium');
  expect(printers).toHaveLength(1);
  expect(new URL(printers[0]!.proxy!).hostname).toBe('127.0.0.1');
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

  expect(blocked, 'browser requests that tried to leave the machine').toEqual([]);
  expect(refused(guardLog), 'host (and printer) attempts to leave the machine').toEqual([]);

  // A feed on the network: the host tries, the guard refuses (the block is real), and the
  // indicator says offline while the screens keep working from the store.
  await page.goto(`${host.origin}/#/settings`);
  const section = page.locator('section[aria-labelledby="settings-sync"]');
  await section.getByTestId('sync-url').fill(FEED);
  await section.getByTestId('sync-token').fill('offline-e2e-token');
  await section.getByTestId('sync-enabled').uncheck();
  await section.getByTestId('sync-save').click();
  await expect(section.getByTestId('sync-saved')).toBeVisible();
  await section.getByTestId('sync-run').click();
  await expectOffline(page);
  await expect(section.getByTestId('sync-health')).toHaveAttribute('data-state', 'offline', {
    timeout: 30_000,
  });
  const attempts = refused(guardLog);
  expect(attempts.length).toBeGreaterThan(0);
  expect(new Set(attempts.map((a) => a.target))).toEqual(new Set(['feed.example.jp:443']));
  await page.goto(`${host.origin}/#/`);
  await expect(page.getByTestId('chart-by-class')).toBeVisible();
  await expectOffline(page);
  await page.goto(`${host.origin}/#/alerts?status=all`);
  await expect(page.getByTestId('alert-row').first()).toBeVisible();
  await expectOffline(page);
  await page.locator('.topbar').screenshot({ path: 'test-results/offline-indicator-ja.png' });
  // Still nothing but the feed's own address was tried, by the host or the printer.
  expect(new Set(refused(guardLog).map((a) => a.target))).toEqual(new Set(['feed.example.jp:443']));
  expect(blocked).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
