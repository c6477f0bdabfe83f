import type { Page } from '@playwright/test';
import { contractEnd } from '../../shared/contracts';
import { rentedReturn } from '../../shared/device-guide';
import { deviceStatus } from '../../shared/devices';
import type { DeviceKind, ServiceId } from '../../shared/catalog';
import { formatDate } from '../../shared/time';
import { expect, openAs, test, type HostProcess } from './fixtures';

interface Row {
  id: string;
  name: string;
  kind: DeviceKind;
  installed_on: string | null;
  last_seen_at: number | null;
  data_collection_ok: number;
  cpu_pct: number | null;
  mem_pct: number;
  disk_pct: number;
  bandwidth_mbps: number;
  endpoints: number;
}

/** Each device's status as shared/devices.ts derives it from the host's database rows. */
function expectedStatuses(host: HostProcess, customerIds: string[], asOf: number) {
  const ids = customerIds.map((id) => `'${id}'`).join(', ');
  const rows = host.query<Row>(
    `SELECT d.*, s.cpu_pct, s.mem_pct, s.disk_pct, s.bandwidth_mbps, s.endpoints FROM devices d
     LEFT JOIN health_samples s ON s.device_id = d.id
       AND s.at = (SELECT max(at) FROM health_samples WHERE device_id = d.id)
     WHERE d.customer_id IN (${ids}) ORDER BY d.id`,
  );
  return Object.fromEntries(
    rows.map((d) => [
      d.id,
      deviceStatus(
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
      ).status,
    ]),
  );
}

async function shownStatuses(page: Page) {
  const rows = page.locator('tr[data-testid^="device-"]');
  await expect(rows.first()).toBeVisible();
  const out: Record<string, string> = {};
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-testid'))!.replace(/^device-/, '');
    out[id] = (await row.locator('.device-status').getAttribute('data-status'))!;
  }
  return out;
}

const asOfOf = async (page: Page) =>
  Number(await page.getByTestId('as-of').getAttribute('data-value'));

test.describe('devices (日本語)', () => {
  test.use({ locale: 'ja-JP' });

  test('list and detail with charts; statuses equal the rules on the database', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-hokuto');
    await page.getByRole('link', { name: '機器' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '機器の状態' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'CTS ハードウェア（SOC in Pocket）' }),
    ).toBeVisible();
    const ids = ['c-hikari', 'c-tsubame', 'c-kotobuki'];
    expect(await shownStatuses(page)).toEqual(expectedStatuses(host, ids, await asOfOf(page)));
    await page.screenshot({ path: 'test-results/devices-list-ja.png', fullPage: true });

    // The offline CTS hardware, with its reason, gauges, charts and the fault guide.
    await page.getByRole('link', { name: 'KTB-CTS01' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('KTB-CTS01');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('オフライン');
    await expect(page.getByTestId('status-reasons')).toContainText('通信がありません');
    await expect(page.getByTestId('gauge-bandwidth')).toContainText('/ 1,000 Mbps');
    await expect(page.getByTestId('gauge-endpoints')).toContainText('約 1,000 台');
    for (const chart of ['chart-bandwidth', 'chart-endpoints', 'chart-resources']) {
      await expect(page.getByTestId(chart).locator('.recharts-line').first()).toBeVisible();
    }
    const guide = page.getByTestId('fault-guide');
    await expect(guide).toContainText('002 別紙4 3(1)');
    await expect(guide).toContainText('まず販売パートナーが行います');
    await expect(guide.locator('li')).toHaveCount(7);
    await expect(page.getByTestId('return-rule')).toContainText('速やかに返却');
    await page.screenshot({ path: 'test-results/devices-detail-ja.png', fullPage: true });

    // 90 days: the chart covers as many days as the database has samples for.
    await page.getByRole('button', { name: '過去90日' }).click();
    const [row] = host.query<{ n: number }>(
      `SELECT count(DISTINCT (at + 32400000) / 86400000) AS n FROM health_samples
       WHERE device_id = 'd-kotobuki-1' AND at >= ?`,
      (Math.floor(((await asOfOf(page)) + 32_400_000) / 86_400_000) - 89) * 86_400_000 - 32_400_000,
    );
    await expect(page.getByTestId('chart-bandwidth').locator('figcaption')).toContainText(
      `過去${row!.n}日間`,
    );
    expect(consoleErrors).toEqual([]);
  });

  test('filters by status in the address, and the dashboard lists the offline device', async ({
    page,
    host,
  }) => {
    await openAs(page, host, 'p-hokuto');
    await expect(page.getByTestId('attention-device-d-kotobuki-1')).toContainText('KTB-CTS01');
    await expect(page.getByTestId('attention-device-d-kotobuki-1')).toContainText('オフライン');
    await page.goto(`${host.origin}/#/devices?status=offline`);
    await expect(page.locator('tr[data-testid^="device-"]')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'オフライン' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test("a customer cannot open another customer's device", async ({ page, host }) => {
    await openAs(page, host, 'c-aoba');
    await page.goto(`${host.origin}/#/devices/d-kotobuki-1`);
    await expect(page.getByRole('alert')).toContainText('対象が見つかりません');
    await expect(page.getByText('KTB-CTS01')).toHaveCount(0);
  });
});

test.describe('devices (English)', () => {
  test.use({ locale: 'en-US' });

  test('a rented VPN appliance shows the 30-day return deadline of 001 第8条4(2)', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'c-kotobuki');
    await page.getByRole('link', { name: 'Devices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Device health' })).toBeVisible();
    const [k] = host.query<{
      service: ServiceId;
      item: string | null;
      start_date: string;
      billing_start: string;
      notice_received: string | null;
      requested_end: string | null;
    }>(
      `SELECT c.* FROM contracts c JOIN devices d ON d.contract_id = c.id WHERE d.id = 'd-kotobuki-3'`,
    );
    const end = contractEnd({
      service: k!.service,
      item: k!.item,
      start: k!.start_date,
      billingStart: k!.billing_start,
      noticeReceived: k!.notice_received,
      requestedEnd: k!.requested_end,
    });
    expect(end).not.toBeNull();
    const deadline = rentedReturn('vpn', end)!.deadline!;
    await expect(page.getByTestId('return-d-kotobuki-3')).toContainText(
      `return the device by ${formatDate(deadline)}`,
    );
    await page.screenshot({ path: 'test-results/devices-list-en.png', fullPage: true });

    await page.getByRole('link', { name: 'KTB-CTS01' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Offline');
    await expect(
      page.getByTestId('chart-bandwidth').locator('.recharts-line').first(),
    ).toBeVisible();
    await expect(page.getByTestId('fault-guide')).toContainText('Sales partner');
    await page.screenshot({ path: 'test-results/devices-detail-en.png', fullPage: true });

    await page.getByRole('link', { name: 'Back to the device list' }).click();
    await page.getByRole('link', { name: 'KTB-VPN01' }).click();
    await expect(page.getByTestId('return-deadline')).toContainText(formatDate(deadline));
    await expect(page.getByTestId('fault-guide')).toContainText('001 第8条4(4)');
    await page.screenshot({ path: 'test-results/devices-rented-en.png', fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
