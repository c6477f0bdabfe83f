/**
 * Feed sync end to end, in both languages: set the feed up in Settings against the real simulator,
 * "sync now", watch new alerts reach the dashboard without a reload, and see the offline state when
 * the feed is gone — while every screen keeps working from the store.
 */
import type { Locator, Page } from '@playwright/test';
import { DEMO_PROFILES } from '../../shared/demo';
import { startFeedSim, type FeedSim } from '../../electron/feed-sim/server';
import { expect, kpi, openAs, startHostProcess, test } from './fixtures';

const NOW = '2026-11-22T10:00:00+09:00';
const TOKEN = 'e2e-feed-token-42';
const MINATO = DEMO_PROFILES.filter((p) => p.customer.partnerId === 'p-minato').map(
  (p) => p.customer.id,
);

const TEXT = {
  ja: {
    settings: '設定',
    dashboard: 'ダッシュボード',
    save: '保存',
    run: '今すぐ同期',
    done: '完了',
  },
  en: { settings: 'Settings', dashboard: 'Dashboard', save: 'Save', run: 'Sync now', done: 'Done' },
} as const;

async function startSim(): Promise<FeedSim> {
  const start = Date.parse(NOW);
  const t0 = Date.now();
  return startFeedSim({
    token: TOKEN,
    now: start,
    clock: () => start + (Date.now() - t0),
    days: 1,
    customers: MINATO,
  });
}

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation').getByRole('link', { name, exact: true });

for (const lang of ['ja', 'en'] as const) {
  test.describe(`feed sync (${lang})`, () => {
    test.use({ locale: lang === 'ja' ? 'ja-JP' : 'en-US' });

    test('configure, sync now, live alerts, offline', async ({ page, consoleErrors }) => {
      void consoleErrors;
      const text = TEXT[lang];
      const host = await startHostProcess(['--now', NOW]);
      const sim = await startSim();
      try {
        await openAs(page, host, 'p-minato');
        const indicator = page.getByTestId('sync-indicator');
        await expect(indicator).toHaveAttribute('data-state', 'unconfigured');

        // Settings → Feed sync: address, token (write-only), interval.
        await nav(page, text.settings).click();
        const section = page.locator('section[aria-labelledby="settings-sync"]');
        await section.getByTestId('sync-url').fill(sim.feedUrl);
        await section.getByTestId('sync-token').fill(TOKEN);
        await section.getByTestId('sync-interval').selectOption('60');
        await section.getByTestId('sync-enabled').uncheck();
        await section.getByRole('button', { name: text.save }).click();
        await expect(section.getByTestId('sync-saved')).toBeVisible();
        await expect(section.getByTestId('sync-token')).toHaveValue('');
        await expect(section.getByTestId('sync-token-state')).toContainText(
          lang === 'ja' ? '設定済み' : 'Set',
        );

        // Sync now: the whole feed arrives, once.
        await section.getByRole('button', { name: text.run }).click();
        await expect(section.getByTestId('sync-run-result')).toContainText(text.done, {
          timeout: 30_000,
        });
        await expect(indicator).toHaveAttribute('data-state', 'ok');
        const [state] = host.query<{ cursor: string; items: number }>(
          'SELECT cursor, items FROM sync_state',
        );
        expect(state).toEqual({ cursor: sim.headCursor, items: sim.log.length });
        const keys = sim.log.items.flatMap((i) => (i.kind === 'alert' ? [i.data.sourceId] : []));
        const found = host.query<{ n: number }>(
          `SELECT count(DISTINCT source_id) AS n FROM alerts WHERE source_id IN (${keys.map(() => '?').join(',')})`,
          ...keys,
        )[0]!.n;
        expect(found).toBe(keys.length);
        await expect(section.getByTestId('sync-runs').locator('tbody tr')).toHaveCount(1);
        await section.screenshot({ path: `test-results/sync-settings-${lang}.png` });
        await page
          .locator('.topbar')
          .screenshot({ path: `test-results/sync-indicator-${lang}.png` });

        // The dashboard, then new alerts arrive while it is open: no reload.
        await nav(page, text.dashboard).click();
        await expect(page.getByTestId('kpi-new24h-value')).toBeVisible();
        await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 1));
        const before = await kpi(page, 'kpi-new24h-value');
        const added = sim.tick(4).filter((i) => i.kind === 'alert').length;
        expect(added).toBe(4);
        await indicator.click(); // sync now, from the header
        await expect
          .poll(() => kpi(page, 'kpi-new24h-value'), { timeout: 20_000 })
          .toBe(before + added);
        expect(
          await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker),
        ).toBe(1);
        await expect(indicator).toHaveAttribute('data-state', 'ok');

        // The feed goes away: the indicator says offline, the screens keep working.
        await sim.close();
        await indicator.click();
        await expect(indicator).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
        await page
          .locator('.topbar')
          .screenshot({ path: `test-results/sync-indicator-offline-${lang}.png` });
        await nav(page, text.settings).click();
        await expect(section.getByTestId('sync-health')).toHaveAttribute('data-state', 'offline', {
          timeout: 20_000,
        });
        await expect(section.getByTestId('sync-last-error')).toBeVisible({ timeout: 20_000 });
        await nav(page, text.dashboard).click();
        await expect(page.getByTestId('kpi-new24h-value')).toHaveText(/\d/);
        expect(await kpi(page, 'kpi-new24h-value')).toBe(before + added);

        // The feed is back: the next sync brings what was missed.
        await sim.listen(sim.port);
        await indicator.click();
        await expect(indicator).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
      } finally {
        // The page first: a host stopping under an open event stream is a console error.
        await page.close();
        await sim.close().catch(() => undefined);
        await host.stop();
      }
    });

    test('the OS says offline; with no feed the indicator leads to the settings', async ({
      page,
      host,
    }) => {
      await openAs(page, host, 'p-hokuto');
      const indicator = page.getByTestId('sync-indicator');
      await expect(indicator).toHaveAttribute('data-state', 'unconfigured');
      await page.context().setOffline(true);
      await expect(indicator).toHaveAttribute('data-state', 'offline');
      await expect(indicator).toContainText(lang === 'ja' ? 'オフライン' : 'Offline');
      await page.context().setOffline(false);
      await expect(indicator).toHaveAttribute('data-state', 'unconfigured');
      // A click on the indicator (no feed yet) opens the sync settings, empty.
      await indicator.click();
      const section = page.locator('section[aria-labelledby="settings-sync"]');
      await expect(section.getByTestId('sync-token-state')).toBeVisible();
      await expect(section.getByTestId('sync-run')).toBeDisabled();
      await expect(section.getByTestId('sync-disconnect')).toHaveCount(0);
      // An address the token must not travel to in clear is refused on the spot, in words.
      await section.getByTestId('sync-url').fill('http://feed.example.jp/feed/v1');
      await section.getByTestId('sync-save').click();
      await expect(section.getByTestId('sync-url')).toHaveAttribute('aria-invalid', 'true');
      await section.screenshot({ path: `test-results/sync-settings-empty-${lang}.png` });
      expect(host.query('SELECT * FROM sync_config')).toEqual([]);
    });
  });
}
