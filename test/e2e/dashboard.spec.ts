import { contractStanding } from '../../shared/contracts';
import { UNHEALTHY_STATUSES, deviceStatus } from '../../shared/devices';
import { jstIsoDate } from '../../shared/time';
import { expect, kpi, openAs, test, type HostProcess } from './fixtures';
import type { Page } from '@playwright/test';

const OPEN = "('new', 'acknowledged', 'in_progress')";

/** What the cards must say, computed from the host's database with SQL and the shared rules. */
function expected(host: HostProcess, customerIds: string[], asOf: number) {
  const ids = customerIds.map((id) => `'${id}'`).join(', ');
  const count = (where: string) =>
    host.query<{ n: number }>(
      `SELECT count(*) AS n FROM alerts WHERE customer_id IN (${ids}) AND ${where}`,
    )[0]!.n;
  const devices = host.query<{
    kind: 'cts-sensor';
    installed_on: string | null;
    last_seen_at: number | null;
    data_collection_ok: number;
    cpu_pct: number | null;
    mem_pct: number;
    disk_pct: number;
    bandwidth_mbps: number;
    endpoints: number;
  }>(
    `SELECT d.*, s.cpu_pct, s.mem_pct, s.disk_pct, s.bandwidth_mbps, s.endpoints FROM devices d
     LEFT JOIN health_samples s ON s.device_id = d.id AND s.at = (SELECT max(at) FROM health_samples WHERE device_id = d.id)
     WHERE d.customer_id IN (${ids})`,
  );
  const unhealthy = devices.filter((d) => {
    const status = deviceStatus(
      {
        kind: d.kind,
        installedOn: d.installed_on,
        lastSeenAt: d.last_seen_at,
        dataCollectionOk: d.data_collection_ok === 1,
      },
      d.cpu_pct === null
        ? null
        : {
            cpuPct: d.cpu_pct,
            memPct: d.mem_pct,
            diskPct: d.disk_pct,
            bandwidthMbps: d.bandwidth_mbps,
            endpoints: d.endpoints,
          },
      asOf,
    ).status;
    return UNHEALTHY_STATUSES.includes(status);
  }).length;
  const contracts = host.query<{
    service: 'cwpp';
    item: string | null;
    start_date: string;
    billing_start: string;
    notice_received: string | null;
    requested_end: string | null;
  }>(
    `SELECT service, item, start_date, billing_start, notice_received, requested_end
     FROM contracts WHERE customer_id IN (${ids})`,
  );
  const needingAction = contracts.filter(
    (k) =>
      contractStanding(
        {
          service: k.service,
          item: k.item,
          start: k.start_date,
          billingStart: k.billing_start,
          noticeReceived: k.notice_received,
          requestedEnd: k.requested_end,
        },
        jstIsoDate(asOf),
      ).actionNeeded,
  ).length;
  return {
    open: count(`status IN ${OPEN}`),
    critical: count(`status IN ${OPEN} AND severity = 'critical'`),
    high: count(`status IN ${OPEN} AND severity = 'high'`),
    new24h: count(`detected_at > ${asOf - 86_400_000}`),
    unhealthy,
    needingAction,
  };
}

async function cards(page: Page) {
  await expect(page.getByTestId('kpi-open-value')).toBeVisible();
  const asOf = Number(await page.getByTestId('as-of').getAttribute('data-value'));
  return {
    asOf,
    values: {
      open: await kpi(page, 'kpi-open-value'),
      critical: Number(await page.getByTestId('kpi-open-critical').getAttribute('data-value')),
      high: Number(await page.getByTestId('kpi-open-high').getAttribute('data-value')),
      new24h: await kpi(page, 'kpi-new24h-value'),
      unhealthy: await kpi(page, 'kpi-devices-value'),
      needingAction: await kpi(page, 'kpi-contracts-value'),
    },
  };
}

const customersOf = (host: HostProcess, partnerId: string) =>
  host
    .query<{ id: string }>('SELECT id FROM customers WHERE partner_id = ?', partnerId)
    .map((r) => r.id);

test.describe('dashboard', () => {
  test.use({ locale: 'ja-JP' });

  test('loads with the demo data in Japanese, and its cards equal the database', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    await expect(page.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeVisible();
    await expect(page.getByTestId('chart-by-class')).toContainText(
      '日別アラート件数（脅威分類別）',
    );
    await expect(
      page.getByTestId('chart-by-class').locator('.recharts-bar-rectangle').first(),
    ).toBeVisible();
    await expect(page.getByTestId('top-hosts').locator('tbody tr')).toHaveCount(10);
    const { asOf, values } = await cards(page);
    expect(values.open).toBeGreaterThan(0);
    expect(values).toEqual(expected(host, customersOf(host, 'p-minato'), asOf));
    await expect(page.getByText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 時点/)).toBeVisible();
    await page.screenshot({ path: 'test-results/dashboard-ja.png', fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  test("the partner's customer switcher changes the numbers", async ({ page, host }) => {
    await openAs(page, host, 'p-hokuto');
    const all = await cards(page);
    expect(all.values).toEqual(expected(host, customersOf(host, 'p-hokuto'), all.asOf));
    const switcher = page.getByTestId('customer-switcher');
    await expect(switcher.locator('option')).toHaveCount(4);
    await switcher.selectOption('c-kotobuki');
    await expect(page.getByTestId('kpi-open-value')).not.toHaveText(String(all.values.open));
    const one = await cards(page);
    expect(one.values).toEqual(expected(host, ['c-kotobuki'], one.asOf));
    expect(one.values.open).toBeLessThan(all.values.open);
  });

  test('a customer sees only its own company, without a switcher', async ({ page, host }) => {
    await openAs(page, host, 'c-aoba');
    await expect(page.getByTestId('profile-name')).toContainText('青葉会計事務所');
    await expect(page.getByTestId('customer-switcher')).toHaveCount(0);
    const { asOf, values } = await cards(page);
    expect(values).toEqual(expected(host, ['c-aoba'], asOf));
    await expect(page.getByTestId('top-hosts')).not.toContainText('SKG-');
  });

  test('switches the period between 30 and 90 days', async ({ page, host }) => {
    await openAs(page, host, 'p-minato');
    const summary = page.getByTestId('chart-by-class').locator('figcaption .muted');
    await expect(summary).toContainText('過去30日間');
    await page.getByRole('button', { name: '過去90日' }).click();
    await expect(summary).toContainText('過去90日間');
    const total = Number(
      (await summary.textContent())?.replace(/.*アラート ([\d,]+) 件.*/, '$1').replace(/,/g, ''),
    );
    const ids = customersOf(host, 'p-minato')
      .map((id) => `'${id}'`)
      .join(', ');
    const asOf = Number(await page.getByTestId('as-of').getAttribute('data-value'));
    const firstDay = Math.floor((asOf + 9 * 3_600_000) / 86_400_000) - 89;
    const [row] = host.query<{ n: number }>(
      `SELECT count(*) AS n FROM alerts WHERE customer_id IN (${ids}) AND day >= ?`,
      firstDay,
    );
    expect(total).toBe(row!.n);
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('loads in English on an English OS and switches language without a reload', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByTestId('kpi-open')).toContainText('Open alerts');
    await page.screenshot({ path: 'test-results/dashboard-en.png', fullPage: true });
    await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(
      42,
    );
    // The choice is remembered by the app, not the OS locale.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
