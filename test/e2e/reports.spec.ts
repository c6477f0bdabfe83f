/**
 * Monthly reports end to end (issue #7), in Japanese and English, on hosts whose clock starts at
 * 2026-11-22 10:00 JST: a partner makes its October portfolio report; the screen shows what the
 * database holds; the PDF (printed by the host's Chromium) has one A4 page per part with its
 * heading, page numbers, embedded fonts and the report's language, rendered to one PNG per page;
 * the print layout with every chart inside its part; a table's CSV and the streamed CSV of every
 * alert; the bundle, opened in a second SOC Desk on a fresh data dir, shows the same report
 * read-only; a tampered bundle is refused with a translated message and nothing stored. A
 * customer's own report prints to a Japanese PDF about that customer only.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, openAs, startHostProcess, test } from './fixtures';
import { checkPdf, checkPrintLayout, PAGES } from './reports-checks';

const NOW = '2026-11-22T10:00:00+09:00';
const OCT = {
  start: Date.parse('2026-10-01T00:00:00+09:00'),
  end: Date.parse('2026-11-01T00:00:00+09:00'),
};
const HOKUTO = "('c-hikari', 'c-kotobuki', 'c-tsubame')";
const CUSTOMER_TITLE = '桜川精機株式会社 様 月次セキュリティレポート';

test.use({ hostArgs: ['--now', NOW] });

async function saved(download: Promise<Download>, name: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'rpt-e2e-')), name);
  await (await download).saveAs(path);
  return path;
}

async function uploadBundle(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('report-import').click();
  await (await chooser).setFiles(file);
}

for (const lang of ['ja', 'en'] as const) {
  test.describe(`monthly report (${lang})`, () => {
    test.use({ locale: lang === 'ja' ? 'ja-JP' : 'en-US' });

    test('portfolio report → PDF → CSV → bundle → opened read-only in a fresh SOC Desk', async ({
      page,
      host,
      browser,
      consoleErrors,
    }) => {
      test.setTimeout(240_000);
      await openAs(page, host, 'p-hokuto');
      await page
        .getByRole('link', { name: lang === 'ja' ? '月次レポート' : 'Monthly reports' })
        .click();
      await expect(page.getByTestId('reports-empty')).toBeVisible();
      await expect(page.getByTestId('report-month')).toHaveValue('2026-10');
      await page.getByTestId(`report-language-${lang}`).click();
      await page.getByTestId('report-create').click();
      await expect(page.getByTestId('report-document')).toHaveAttribute('data-language', lang);

      // What the screen says is what the store holds.
      const stored = host.query<{ id: string; json: string }>('SELECT id, json FROM reports');
      expect(stored).toHaveLength(1);
      const report = JSON.parse(stored[0]!.json) as {
        summary: { headline: string };
        alerts: { total: number };
      };
      const { n } = host.query<{ n: number }>(
        `SELECT count(*) AS n FROM alerts WHERE customer_id IN ${HOKUTO} AND detected_at >= ? AND detected_at < ?`,
        OCT.start,
        OCT.end,
      )[0]!;
      expect(report.alerts.total).toBe(n);
      await expect(page.getByTestId('report-id')).toHaveText(stored[0]!.id);
      await expect(page.getByTestId('kpi-alerts')).toContainText(n.toLocaleString('en-US'));
      await expect(page.getByTestId('report-summary')).toContainText(report.summary.headline);
      await expect(page.getByTestId('report-portfolio').locator('tbody tr')).toHaveCount(3);
      await page.screenshot({ path: `test-results/reports-report-${lang}.png`, fullPage: true });

      // PDF, printed by the host's own Chromium from the print layout, kept with the report.
      const pdfDownload = page.waitForEvent('download', { timeout: 90_000 });
      await page.getByTestId('report-pdf').click();
      const pdf = await saved(pdfDownload, 'report.pdf');
      await expect(page.getByTestId('report-status')).toContainText(
        lang === 'ja' ? 'PDF を保存しました。' : 'PDF saved.',
      );
      const pdfBytes = readFileSync(pdf);
      expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
      const kept = host.query<{ pdf: Buffer }>('SELECT pdf FROM reports')[0]!.pdf;
      expect(Buffer.compare(Buffer.from(kept), pdfBytes)).toBe(0);
      checkPdf(pdf, {
        lang,
        headings: PAGES[lang],
        texts:
          lang === 'ja'
            ? [
                'エグゼクティブサマリー',
                'ひかり医療サービス株式会社',
                '北斗ネットワークサービス株式会社',
              ]
            : ['Executive summary', 'Hikari Medical Services'],
        name: `reports-pdf-${lang}`,
      });

      // A table as CSV: BOM, headers in the report's language.
      await page.getByTestId('report-csv-table').selectOption('sla');
      const csvDownload = page.waitForEvent('download');
      await page.getByTestId('report-csv').click();
      const csv = readFileSync(await saved(csvDownload, 'sla.csv'));
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.toString('utf8').slice(1).split('\r\n')[0]).toBe(
        lang === 'ja'
          ? '顧客,サービス,品質保証の対象,重要インシデント,15分以内の通知,遅延,通知待ち,稼働率（%）,障害時間（分）,品質保証,減額の見込み（円）,請求期限'
          : 'Customer,Service,Guarantee coverage,Important incidents,Notified within 15 min,Late,Awaiting notice,Availability (%),Outage (min),Guarantee,Estimated reduction (JPY),Claim by',
      );

      // Every alert of the month, streamed with progress.
      const alertsDownload = page.waitForEvent('download');
      await page.getByTestId('report-alerts-csv').click();
      const rows = Papa.parse<string[]>(
        readFileSync(await saved(alertsDownload, 'alerts.csv'), 'utf8').slice(1),
        { skipEmptyLines: true },
      ).data;
      const lines = rows.slice(1).filter((r) => /^2026\/10\/\d\d \d\d:\d\d$/.test(r[1] ?? ''));
      expect(rows).toHaveLength(n + 1);
      expect(lines).toHaveLength(n);

      // The bundle.
      const bundleDownload = page.waitForEvent('download');
      await page.getByTestId('report-bundle').click();
      const bundle = await saved(bundleDownload, `report-${lang}.socdesk`);
      expect(readFileSync(bundle).subarray(0, 2).toString()).toBe('PK');

      // The print layout, as the printer saw it.
      await page.goto(`${host.origin}/#/print/report/${stored[0]!.id}`);
      await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1');
      // No clipped charts: each inside its part, nothing wider than the A4 page.
      await checkPrintLayout(page, PAGES[lang].length);
      await page.screenshot({ path: `test-results/reports-print-${lang}.png`, fullPage: true });

      await page.goto(`${host.origin}/#/reports`);
      await expect(page.getByTestId('reports-list').locator('tbody tr')).toHaveCount(1);
      await page.screenshot({ path: `test-results/reports-list-${lang}.png`, fullPage: true });

      // Another SOC Desk, on a fresh data dir, with no network of its own: the same partner.
      const other = await startHostProcess(['--now', NOW]);
      const context = await browser.newContext({
        locale: lang === 'ja' ? 'ja-JP' : 'en-US',
        viewport: { width: 1400, height: 900 },
      });
      try {
        const page2 = await context.newPage();
        await openAs(page2, other, 'p-hokuto');
        await page2.goto(`${other.origin}/#/reports/imported`);
        await expect(page2.getByTestId('imported-empty')).toBeVisible();

        // A tampered bundle first: refused, in the screen's language, nothing stored.
        await uploadBundle(page2, join('test', 'fixtures', 'bundles', 'tampered-report.socdesk'));
        await expect(page2.getByTestId('report-error')).toContainText(
          lang === 'ja' ? 'チェックサムが一致しません' : 'A checksum does not match',
        );
        expect(other.query('SELECT 1 FROM imported_reports')).toHaveLength(0);
        await page2.screenshot({ path: `test-results/reports-refused-${lang}.png` });

        await uploadBundle(page2, bundle);
        await expect(page2.getByTestId('imported-banner')).toBeVisible();
        await expect(page2.getByTestId('report-summary')).toContainText(report.summary.headline);
        await expect(page2.getByTestId('report-id')).toHaveText(stored[0]!.id);
        const row = other.query<{ report_json: string; pdf: Buffer }>(
          'SELECT report_json, pdf FROM imported_reports',
        )[0]!;
        expect(row.report_json).toBe(stored[0]!.json);
        expect(Buffer.compare(Buffer.from(row.pdf), pdfBytes)).toBe(0);
        await page2.screenshot({
          path: `test-results/reports-imported-${lang}.png`,
          fullPage: true,
        });
        // Nothing to edit: no make, PDF re-print or bundle actions on an imported report.
        await expect(page2.getByTestId('report-pdf')).toHaveCount(0);
        await expect(page2.getByTestId('report-bundle')).toHaveCount(0);
        const importedPdf = page2.waitForEvent('download');
        await page2.getByTestId('imported-pdf').click();
        expect(readFileSync(await saved(importedPdf, 'imported.pdf')).equals(pdfBytes)).toBe(true);

        await page2.goto(`${other.origin}/#/reports/imported`);
        await expect(page2.getByTestId('imported-list').locator('tbody tr')).toHaveCount(1);
        await page2.screenshot({ path: `test-results/reports-imported-list-${lang}.png` });
        // Deleting asks first.
        const id = other.query<{ id: number }>('SELECT id FROM imported_reports')[0]!.id;
        await page2.getByTestId(`imported-delete-${id}`).click();
        await page2
          .getByRole('dialog')
          .getByRole('button', { name: lang === 'ja' ? 'キャンセル' : 'Cancel' })
          .click();
        expect(other.query('SELECT 1 FROM imported_reports')).toHaveLength(1);
        await page2.getByTestId(`imported-delete-${id}`).click();
        await page2
          .getByRole('dialog')
          .getByRole('button', { name: lang === 'ja' ? '削除する' : 'Delete' })
          .click();
        await expect(page2.getByTestId('imported-empty')).toBeVisible();
        expect(other.query('SELECT 1 FROM imported_reports')).toHaveLength(0);
      } finally {
        await context.close();
        await other.stop();
      }
      expect(consoleErrors).toEqual([]);
    });
  });
}

test.describe('imported reports and the profile’s scope', () => {
  test.use({ locale: 'ja-JP' });

  test('a customer opens bundles about itself only', async ({ page, host, consoleErrors }) => {
    const good = join('test', 'fixtures', 'bundles', 'good-c-sakuragawa-2026-10-ja.v1.socdesk');
    await openAs(page, host, 'c-aoba');
    await page.goto(`${host.origin}/#/reports/imported`);
    await uploadBundle(page, good);
    await expect(page.getByTestId('report-error')).toContainText('この利用者が見られない顧客');
    expect(host.query('SELECT 1 FROM imported_reports')).toHaveLength(0);

    await page.getByRole('button', { name: '利用者を切り替える' }).click();
    await page.getByTestId('profile-c-sakuragawa').click();
    await page.goto(`${host.origin}/#/reports/imported`);
    await uploadBundle(page, good);
    await expect(page.getByTestId('imported-banner')).toContainText('SOC Desk 0.1.0');
    await expect(page.getByTestId('report-document')).toContainText(
      '桜川精機株式会社 様 月次セキュリティレポート',
    );
    expect(host.query('SELECT 1 FROM imported_reports')).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
  });

  test('a customer’s own report: its Japanese A4 PDF and print layout', async ({
    page,
    host,
    consoleErrors,
  }) => {
    test.setTimeout(120_000);
    await openAs(page, host, 'c-sakuragawa');
    await page.goto(`${host.origin}/#/reports`);
    await page.getByTestId('report-create').click();
    await expect(page.getByTestId('report-document')).toHaveAttribute('data-kind', 'customer');
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByTestId('report-pdf').click();
    const pdf = await saved(download, 'customer.pdf');
    // The portfolio page is a partner's only: the customer's report has one part fewer.
    const headings = [CUSTOMER_TITLE, ...PAGES.ja.slice(2)];
    checkPdf(pdf, {
      lang: 'ja',
      headings,
      texts: ['エグゼクティブサマリー', '2026年10月に検知されたアラートは'],
      name: 'reports-pdf-customer-ja',
    });
    // About this customer only: no other customer's name anywhere in the report's data.
    const json = host.query<{ json: string }>('SELECT json FROM reports')[0]!.json;
    expect(json).not.toContain('ひかり医療サービス');
    const id = host.query<{ id: string }>('SELECT id FROM reports')[0]!.id;
    await page.goto(`${host.origin}/#/print/report/${id}`);
    await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1');
    await checkPrintLayout(page, headings.length);
    await page.screenshot({ path: 'test-results/reports-print-customer-ja.png', fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  test('a report made and deleted from the list, after confirmation', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'c-sakuragawa');
    await page.goto(`${host.origin}/#/reports`);
    await expect(page.getByTestId('report-scope')).toHaveText('桜川精機株式会社');
    await page.getByTestId('report-create').click();
    await expect(page.getByTestId('report-document')).toHaveAttribute('data-kind', 'customer');
    await page.goto(`${host.origin}/#/reports`);
    const id = host.query<{ id: string }>('SELECT id FROM reports')[0]!.id;
    await page.getByTestId(`report-delete-${id}`).click();
    await expect(page.getByRole('dialog')).toContainText('2026/10');
    await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
    await expect(page.getByTestId('reports-empty')).toBeVisible();
    expect(host.query('SELECT 1 FROM reports')).toHaveLength(0);
    expect(consoleErrors).toEqual([]);
  });
});
