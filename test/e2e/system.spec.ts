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

        // Change the data, then restore.
        const alerts = host.query<{ n: number }>('SELECT count(*) AS n FROM alerts')[0]!.n;
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
        // The store is now the backup's (taken before its own "backup" entry), plus the restore.
        expect(
          host
            .query<{ action: string }>(
              "SELECT action FROM audit_log WHERE action IN ('backup', 'restore') ORDER BY id",
            )
            .map((r) => r.action),
        ).toEqual(['restore']);
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
