import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openAs, startHostProcess, test } from './fixtures';

const PASS = 'correct horse battery staple';

for (const locale of ['ja-JP', 'en-US'] as const) {
  test.describe(`data safety (${locale})`, () => {
    test.use({ locale });

    test('backs up the store, then restores it after a change, from the settings screen', async ({
      page,
    }) => {
      // A partner's own installation: the partner sees every customer, so it may back up the store.
      const host = await startHostProcess(['--demo-partner', 'p-minato']);
      try {
        await openAs(page, host, 'p-minato');
        await page.goto(`${host.origin}/#/settings`);
        const ja = locale === 'ja-JP';
        await page.getByTestId('backup-passphrase').fill(PASS);
        await page.getByTestId('backup-confirm').fill(PASS);
        const download = page.waitForEvent('download');
        await page
          .getByRole('button', { name: ja ? 'バックアップを作成' : 'Create backup' })
          .click();
        const saved = await download;
        expect(saved.suggestedFilename()).toMatch(/^socdesk-backup-\d{8}\.socdeskbackup$/);
        const file = join(mkdtempSync(join(tmpdir(), 'socdesk-dl-')), saved.suggestedFilename());
        await saved.saveAs(file);
        await expect(page.getByTestId('system-notice')).toHaveText(
          ja ? 'バックアップを保存しました。' : 'Backup saved.',
        );
        expect(readFileSync(file).includes(Buffer.from('桜川精機'))).toBe(false);
        await page.screenshot({
          path: `test-results/settings-data-safety-${ja ? 'ja' : 'en'}.png`,
          fullPage: true,
        });

        // Change the data through the UI after the backup: acknowledge a new alert.
        const alerts = host.query<{ n: number }>('SELECT count(*) AS n FROM alerts')[0]!.n;
        const [changed] = host.query<{ id: number }>(
          `SELECT id FROM alerts WHERE status = 'new' ORDER BY detected_at DESC LIMIT 1`,
        );
        const statusOf = () =>
          host.query<{ status: string }>('SELECT status FROM alerts WHERE id = ?', changed!.id)[0]!
            .status;
        await page.goto(`${host.origin}/#/alerts/${changed!.id}`);
        await expect(page.getByTestId('detail-status')).toHaveText(ja ? '新規' : 'New');
        await page.getByTestId('detail-status-change-to-acknowledged').click();
        await page.getByTestId('detail-status-change-note').fill(ja ? '確認しました' : 'Checked');
        await page.getByTestId('detail-status-change-apply').click();
        await expect(page.getByTestId('detail-status')).toHaveText(
          ja ? '確認済み' : 'Acknowledged',
        );
        expect(statusOf()).toBe('acknowledged');

        // Restore the backup: first with a wrong passphrase, then the right one.
        await page.goto(`${host.origin}/#/settings`);
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: ja ? 'ファイルを選択' : 'Choose file' }).click();
        await (await chooser).setFiles(file);
        await expect(page.getByTestId('restore-file')).toContainText('.socdeskbackup');
        await page.getByTestId('restore-passphrase').fill('a wrong passphrase');
        await page.getByRole('button', { name: ja ? '復元する' : 'Restore' }).click();
        await page
          .getByRole('button', { name: ja ? '置き換えて復元' : 'Replace and restore' })
          .click();
        await expect(page.getByRole('alert')).toContainText(
          ja ? 'パスフレーズが正しくありません' : 'passphrase is not correct',
        );

        await page.getByTestId('restore-passphrase').fill(PASS);
        await page.getByRole('button', { name: ja ? '復元する' : 'Restore' }).click();
        await expect(page.getByRole('dialog')).toContainText(
          ja ? 'この操作は元に戻せません' : 'cannot be undone',
        );
        await page
          .getByRole('button', { name: ja ? '置き換えて復元' : 'Replace and restore' })
          .click();
        await expect(page.getByTestId('system-notice')).toContainText(
          ja ? '顧客 3 社' : '3 customers',
        );
        expect(host.query<{ n: number }>('SELECT count(*) AS n FROM alerts')[0]!.n).toBe(alerts);
        // The change made after the backup is gone: in the store and on screen.
        expect(statusOf()).toBe('new');
        await page.screenshot({
          path: `test-results/settings-restored-${ja ? 'ja' : 'en'}.png`,
          fullPage: true,
        });
        // The store is now the backup's (taken before its own "backup" entry), plus the restore.
        expect(
          host
            .query<{ action: string }>(
              "SELECT action FROM audit_log WHERE action IN ('backup', 'restore') ORDER BY id",
            )
            .map((r) => r.action),
        ).toEqual(['restore']);
        await page.goto(`${host.origin}/#/alerts/${changed!.id}`);
        await expect(page.getByTestId('detail-status')).toHaveText(ja ? '新規' : 'New');
      } finally {
        await host.stop();
      }
    });

    test("exports one customer's data from the settings screen", async ({ page }) => {
      const host = await startHostProcess(['--demo-partner', 'p-minato']);
      try {
        await openAs(page, host, 'p-minato');
        await page.goto(`${host.origin}/#/settings`);
        const ja = locale === 'ja-JP';
        const customers = host.query<{ id: string; name_ja: string; name_en: string }>(
          'SELECT id, name_ja, name_en FROM customers ORDER BY id',
        );
        expect(customers.length).toBeGreaterThan(1);
        // Not the first in the list (the default): the choice is what counts.
        const chosen = customers.at(-1)!;
        const form = page.getByRole('form', {
          name: ja ? '顧客データの書き出し' : "Export a customer's data",
        });
        await form.getByRole('combobox').selectOption(chosen.id);
        const download = page.waitForEvent('download');
        await form.getByRole('button', { name: ja ? '書き出す' : 'Export' }).click();
        const saved = await download;
        expect(saved.suggestedFilename()).toMatch(
          new RegExp(`^socdesk-${chosen.id}-\\d{8}\\.json$`),
        );
        await expect(page.getByTestId('system-notice')).toHaveText(
          ja ? '書き出しました。' : 'Exported.',
        );
        await page.screenshot({
          path: `test-results/settings-export-${ja ? 'ja' : 'en'}.png`,
          fullPage: true,
        });
        const file = join(mkdtempSync(join(tmpdir(), 'socdesk-dl-')), saved.suggestedFilename());
        await saved.saveAs(file);
        const text = readFileSync(file, 'utf8');
        const doc = JSON.parse(text) as {
          format: string;
          customerId: string;
          tables: Record<string, Array<Record<string, unknown>>>;
        };
        expect(doc.format).toBe('soc-desk-customer-export');
        expect(doc.customerId).toBe(chosen.id);
        expect(doc.tables.customers).toEqual([expect.objectContaining({ id: chosen.id })]);
        // That customer's records, all of them and nobody else's.
        const own = host.query<{ n: number }>(
          'SELECT count(*) AS n FROM alerts WHERE customer_id = ?',
          chosen.id,
        )[0]!.n;
        expect(own).toBeGreaterThan(0);
        expect(doc.tables.alerts).toHaveLength(own);
        for (const [table, rows] of Object.entries(doc.tables)) {
          for (const row of rows) {
            if ('customer_id' in row)
              expect({ table, id: row.customer_id }).toEqual({ table, id: chosen.id });
          }
        }
        for (const other of customers.filter((c) => c.id !== chosen.id)) {
          expect(text).not.toContain(`"${other.id}"`);
          expect(text).not.toContain(other.name_ja);
        }
        // The export is in the audit log.
        expect(
          host.query(
            "SELECT entity_id FROM audit_log WHERE action = 'export' AND entity = 'customer'",
          ),
        ).toEqual([{ entity_id: chosen.id }]);
      } finally {
        await host.stop();
      }
    });
  });
}

test.describe('data safety in the mixed demo store', () => {
  test.use({ locale: 'ja-JP' });

  test("refuses a backup to a partner that does not see every customer, in the user's language", async ({
    page,
    host,
  }) => {
    await openAs(page, host, 'p-minato');
    await page.goto(`${host.origin}/#/settings`);
    await page.getByTestId('backup-passphrase').fill(PASS);
    await page.getByTestId('backup-confirm').fill(PASS);
    await page.getByRole('button', { name: 'バックアップを作成' }).click();
    await expect(page.getByRole('alert')).toContainText('この操作を行う権限がありません。');
  });
});
