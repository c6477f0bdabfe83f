/**
 * Personal data end to end (issue #8, docs/privacy.md), in Japanese and English: a partner sets a
 * retention period in the settings, sees how many closed inquiries it reaches, deletes them after a
 * confirmation and finds the inquiry redacted; then deletes a recent inquiry's personal data on
 * request from its page. The host's store is read to check what the screens say.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, openAs, test, type HostProcess } from './fixtures';

const REDACTED = '[削除済み / deleted]';
const DAY = 24 * 60 * 60 * 1000;

/** An API call with the host's token, as the page makes them. */
async function api<T>(
  request: APIRequestContext,
  host: HostProcess,
  name: string,
  input: unknown,
): Promise<T> {
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const r = await request.post(`${host.origin}/api/${name}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: input,
  });
  const body = (await r.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.value;
}

/** A desk record answered by phone (and so closed) `daysAgo` days ago, with a caller. */
async function closedInquiry(
  request: APIRequestContext,
  host: HostProcess,
  daysAgo: number,
  caller: { name: string; phone: string; email: string },
): Promise<string> {
  const at = Date.now() - daysAgo * DAY;
  const { inquiryId } = await api<{ inquiryId: string }>(request, host, 'desk.start', {
    customerId: 'c-sakuragawa',
    receivedAt: at - 60 * 60 * 1000,
  });
  await api(request, host, 'desk.verifyCaller', {
    inquiryId,
    ...caller,
    decision: 'served-with-reason',
    note: '登録担当者の代理',
  });
  await api(request, host, 'desk.saveAnswers', {
    inquiryId,
    patch: { question: `${caller.name}さんの PC が遅い` },
  });
  await api(request, host, 'desk.answer', {
    inquiryId,
    text: 'お電話で回答しました。',
    answeredAt: at,
  });
  return inquiryId;
}

for (const locale of ['ja-JP', 'en-US'] as const) {
  const ja = locale === 'ja-JP';
  const lang = ja ? 'ja' : 'en';

  test.describe(`personal data (${locale})`, () => {
    test.use({ locale });

    test('retention: set, preview, confirm, and the old inquiry is redacted', async ({
      page,
      host,
      consoleErrors,
    }) => {
      await openAs(page, host, 'p-minato');
      const old = await closedInquiry(page.request, host, 400, {
        name: '山田 花子',
        phone: '090-1111-2222',
        email: 'hanako@private.example',
      });
      const recent = await closedInquiry(page.request, host, 10, {
        name: '鈴木 一郎',
        phone: '090-3333-4444',
        email: 'ichiro@private.example',
      });
      await page.goto(`${host.origin}/#/settings`);
      const section = page.getByTestId('privacy-settings');
      await expect(section).toBeVisible();
      await expect(page.getByTestId('retention-state')).toHaveText(
        ja ? '自動削除は設定されていません。' : 'Automatic deletion is off.',
      );
      await page.getByTestId('retention-enabled').check();
      await page.getByTestId('retention-months').fill('12');
      await expect(page.getByTestId('retention-preview')).toContainText(
        ja ? 'お問い合わせ 1 件' : 'with this setting: 1 (closed on or before',
      );
      await page.getByTestId('retention-save').click();
      await expect(page.getByTestId('privacy-notice')).toHaveText(
        ja ? '設定を保存しました。' : 'Setting saved.',
      );
      expect(host.query('SELECT months FROM privacy_retention')).toEqual([{ months: 12 }]);
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/privacy-settings-${lang}.png`, fullPage: true });
      await page.getByTestId('retention-run').click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(ja ? 'お問い合わせ 1 件' : ': 1. Their names');
      await page.screenshot({ path: `test-results/privacy-confirm-${lang}.png` });
      await dialog.getByRole('button', { name: ja ? '削除する' : 'Delete' }).click();
      await expect(page.getByTestId('privacy-notice')).toHaveText(
        ja
          ? '1 件のお問い合わせの個人情報を削除しました。'
          : 'Personal data deleted from inquiries: 1.',
      );
      const rows = host.query<{ id: string; caller_name: string; on_time: number }>(
        'SELECT id, caller_name, on_time FROM inquiries ORDER BY received_at',
      );
      expect(rows).toEqual([
        { id: old, caller_name: REDACTED, on_time: 1 },
        { id: recent, caller_name: '鈴木 一郎', on_time: 1 },
      ]);
      expect(
        host.query(
          "SELECT actor, entity_id FROM audit_log WHERE action = 'privacy.retention-deleted'",
        ),
      ).toEqual([{ actor: 'partner:p-minato', entity_id: old }]);

      await page.goto(`${host.origin}/#/desk/inquiries/${old}`);
      await expect(page.getByTestId('inquiry-redacted')).toContainText(
        ja ? '保管期間の経過' : 'retention period ended',
      );
      await expect(page.getByTestId('inquiry-page')).not.toContainText('山田');
      await expect(page.getByTestId('inquiry-page')).toContainText(REDACTED);
      await page.screenshot({ path: `test-results/privacy-inquiry-${lang}.png`, fullPage: true });
      expect(consoleErrors).toEqual([]);
    });

    test('deletion on request from the inquiry page', async ({ page, host, consoleErrors }) => {
      await openAs(page, host, 'p-minato');
      const id = await closedInquiry(page.request, host, 3, {
        name: '佐々木 次郎',
        phone: '080-5555-6666',
        email: 'jiro@private.example',
      });
      await page.goto(`${host.origin}/#/desk/inquiries/${id}`);
      await expect(page.getByTestId('inquiry-page')).toContainText('佐々木 次郎');
      await page.getByTestId('inquiry-erase').click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await page.screenshot({ path: `test-results/privacy-request-${lang}.png` });
      // Cancel first: nothing changes.
      await dialog.getByRole('button', { name: ja ? 'キャンセル' : 'Cancel' }).click();
      expect(host.query('SELECT count(*) AS n FROM redactions')).toEqual([{ n: 0 }]);
      await page.getByTestId('inquiry-erase').click();
      await dialog.getByRole('button', { name: ja ? '削除する' : 'Delete' }).click();
      await expect(page.getByTestId('inquiry-redacted')).toContainText(
        ja ? 'ご依頼による削除' : 'deleted on request',
      );
      await expect(page.getByTestId('inquiry-page')).not.toContainText('佐々木');
      expect(
        host.query('SELECT caller_name, caller_phone FROM inquiries WHERE id = ?', id),
      ).toEqual([{ caller_name: REDACTED, caller_phone: REDACTED }]);
      expect(
        host.query(
          "SELECT actor, entity, customer_id FROM audit_log WHERE action = 'privacy.request-deleted'",
        ),
      ).toEqual([{ actor: 'partner:p-minato', entity: 'inquiry', customer_id: 'c-sakuragawa' }]);
      expect(consoleErrors).toEqual([]);
    });
  });
}
