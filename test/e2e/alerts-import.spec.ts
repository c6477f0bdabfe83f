/**
 * Importing alert files from the screen, in both languages: NDJSON, CSV with its column mapping
 * (suggested and chosen by hand), a bad file refused with located errors and nothing changed, and
 * a queue open elsewhere that keeps its selection and scroll while the new alerts arrive.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, openAs, test, type HostProcess } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/imports');
const total = (host: HostProcess) =>
  host.query<{ n: number }>('SELECT count(*) AS n FROM alerts')[0]!.n;

async function choose(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles(typeof file === 'string' ? join(FIXTURES, file) : file);
  await expect(page.getByTestId('import-file')).toBeVisible();
}

test.describe('import in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('NDJSON, then CSV with the suggested mapping; the queue elsewhere keeps its place', async ({
    page,
    host,
    context,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    // A second window on the queue, scrolled, with two alerts selected.
    const queue = await context.newPage();
    // Its own tab: the address with the host's token, then the queue.
    await queue.goto(`${host.url}#/alerts?status=all`);
    await expect(queue.getByTestId('alert-row').first()).toBeVisible();
    await queue
      .getByTestId('alert-scroll')
      .evaluate((el: { scrollTop: number }) => (el.scrollTop = 600));
    await expect(queue.getByTestId('alert-row').nth(3)).toBeVisible();
    const rows = queue.getByTestId('alert-row');
    const picked = [
      await rows.nth(12).getAttribute('data-id'),
      await rows.nth(13).getAttribute('data-id'),
    ];
    for (const id of picked)
      await queue.locator(`[data-id="${id}"] input[type="checkbox"]`).check();
    const scrolled = await queue
      .getByTestId('alert-scroll')
      .evaluate((el: { scrollTop: number }) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(200);

    const before = total(host);
    await page.goto(`${host.origin}/#/alerts/import`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'アラートのインポート' }),
    ).toBeVisible();
    await choose(page, 'good.ndjson');
    await expect(page.getByTestId('import-file')).toContainText('NDJSON');
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-outcome')).toContainText('3 件を処理しました（新規 3 件');
    expect(total(host)).toBe(before + 3);
    expect(
      host.query('SELECT severity, customer_id FROM alerts WHERE source_id = ?', 'CTS-FX-0001'),
    ).toEqual([{ severity: 'critical', customer_id: 'c-sakuragawa' }]);
    await expect(page.getByTestId('recent-imports')).toContainText('good.ndjson');

    await expect(queue.getByTestId('alert-fresh')).toContainText('新しいアラートが');
    await expect(queue.getByTestId('bulk-bar')).toContainText('2 件を選択中');
    expect(
      await queue.getByTestId('alert-scroll').evaluate((el: { scrollTop: number }) => el.scrollTop),
    ).toBe(scrolled);
    for (const id of picked)
      await expect(queue.locator(`[data-id="${id}"] input[type="checkbox"]`)).toBeChecked();

    await choose(page, 'good.csv');
    await expect(page.getByTestId('import-mapping')).toBeVisible();
    await expect(page.getByTestId('map-severity')).toHaveValue('4');
    await expect(page.getByTestId('map-detectedAt')).toHaveValue('5');
    await page.screenshot({ path: 'test-results/alerts-import-ja.png', fullPage: true });
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-outcome')).toContainText('新規 2 件');
    expect(
      host.query('SELECT threat_kind, status FROM alerts WHERE source_id = ?', 'CTS-CSV-0002'),
    ).toEqual([{ threat_kind: 'c2', status: 'in_progress' }]);
    expect(consoleErrors).toEqual([]);
  });

  test('a bad file is refused with its problems located, and nothing changes', async ({
    page,
    host,
  }) => {
    await openAs(page, host, 'p-minato');
    const before = total(host);
    await page.goto(`${host.origin}/#/alerts/import`);
    await choose(page, 'bad.ndjson');
    await page.getByTestId('import-start').click();
    const problems = page.getByTestId('import-problems');
    await expect(problems).toContainText(
      'bad.ndjson に 5 件の問題があるため、インポートしませんでした',
    );
    const first = page.getByTestId('import-issue').first();
    await expect(first).toContainText('3 行目');
    await expect(first).toContainText('severity');
    await expect(first).toContainText('重要度「Severe」はこの検知元の表記として認識できません。');
    await expect(page.getByTestId('import-issue').nth(2)).toContainText(
      'この顧客 ID は存在しないか',
    );
    await page.screenshot({ path: 'test-results/alerts-import-error-ja.png', fullPage: true });
    expect(total(host)).toBe(before);
    expect(host.query(`SELECT count(*) AS n FROM alerts WHERE source_id LIKE 'BAD-%'`)).toEqual([
      { n: 0 },
    ]);
  });
});

test.describe('import in English', () => {
  test.use({ locale: 'en-US' });

  test('CSV whose headers need mapping by hand', async ({ page, host, consoleErrors }) => {
    await openAs(page, host, 'p-minato');
    const csv = [
      'Ref,Service,Client,Type,Level,When,Headline',
      'EN-CSV-1,cts,c-aoba,tor,Low,2026-11-20T08:00:00+09:00,Tor traffic from AOB-PC-SOUMU-010',
      'EN-CSV-2,csoc,c-kawasemi,mx-phishing,高,2026/11/20 09:30,Phishing mail to the sales team',
    ].join('\r\n');
    await page.goto(`${host.origin}/#/alerts/import`);
    await choose(page, {
      name: 'partner-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect(page.getByTestId('import-mapping')).toBeVisible();
    await expect(page.getByTestId('import-start')).toBeDisabled();
    const header = csv.split('\r\n')[0]!.split(',');
    const map = async (field: string, column: string) =>
      page.getByTestId(`map-${field}`).selectOption(String(header.indexOf(column)));
    await map('sourceId', 'Ref');
    await map('source', 'Service');
    await map('customerId', 'Client');
    await map('threatKind', 'Type');
    await map('severity', 'Level');
    await map('detectedAt', 'When');
    await map('titleEn', 'Headline');
    await page.screenshot({ path: 'test-results/alerts-import-en.png', fullPage: true });
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-outcome')).toContainText(
      '2 alerts processed (2 new, 0 updated, 0 unchanged).',
    );
    expect(
      host.query(
        `SELECT source_id, severity, module FROM alerts WHERE source_id LIKE 'EN-CSV-%' ORDER BY source_id`,
      ),
    ).toEqual([
      { source_id: 'EN-CSV-1', severity: 'low', module: null },
      { source_id: 'EN-CSV-2', severity: 'high', module: 'secure-mx' },
    ]);
    expect(consoleErrors).toEqual([]);
  });

  test('a CSV error is located by line and column, in English', async ({ page, host }) => {
    await openAs(page, host, 'p-minato');
    await page.goto(`${host.origin}/#/alerts/import`);
    await choose(page, 'bad.csv');
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-problems')).toContainText(
      'bad.csv was not imported: 2 problems were found. Nothing was changed.',
    );
    await expect(page.getByTestId('import-issue').first()).toContainText('line 3');
    await expect(page.getByTestId('import-issue').first()).toContainText('detectedAt (detectedAt)');
    await expect(page.getByTestId('import-issue').first()).toContainText(
      'is not a date and time SOC Desk reads',
    );
    expect(host.query(`SELECT count(*) AS n FROM alerts WHERE source_id LIKE 'CSV-BAD-%'`)).toEqual(
      [{ n: 0 }],
    );
  });
});
