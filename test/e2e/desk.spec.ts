/**
 * The first-line desk end to end (issue #6), in both languages: the whole call — verify, fill,
 * answer; verify, fill, escalate (PDF printed by the host's own Chromium, mailed to a real SMTP
 * server here), record the second line's answer, close — and the caller mismatch. What the screen
 * says is compared with the host's database.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { decodeWords, parseMessage } from '../unit/desk/mime';
import { expect, openAs, test, type HostProcess } from './fixtures';
import {
  NOW,
  checkPdf,
  collectErrors,
  fillSheet,
  latestC2,
  startFromAlert,
  verifyCaller,
} from './desk-steps';

/** The C&C alert's knowledge-base text (assets/kb/c2.json), as the vendor wrote it. */
const C2 = {
  ja: '社内のパソコンが、C&Cサーバー（攻撃者がマルウェアに指示を出すためのサーバー）と通信しています。',
  en: 'A computer in your company is communicating with a C&C server',
  recJa: '該当のパソコンをすぐにネットワークから切り離す（LANケーブルを抜く、Wi-Fiを切る）。',
  recEn: 'Disconnect the computer from the network at once',
};

for (const [locale, lang] of [
  ['ja-JP', 'ja'],
  ['en-US', 'en'],
] as const) {
  test.describe(`desk (${lang})`, () => {
    test.use({ locale, hostArgs: ['--now', NOW] });

    test('verify → fill → answer by phone', async ({ page, host, consoleErrors }) => {
      page.on('dialog', (d) => void d.accept());
      await openAs(page, host, 'p-minato');
      const id = await startFromAlert(page, host, lang);
      await expect(page.getByTestId('reception-day')).toHaveText('2026/11/24');
      await expect(page.getByTestId('due-at')).toHaveText('2026/11/25 17:00');
      // Prefilled from the alert and the parameter sheet.
      await expect(page.getByTestId('q-company-name')).toHaveValue('桜川精機株式会社');
      await expect(page.getByTestId('q-alert-refs')).toHaveValue(
        new RegExp(latestC2(host).source_id),
      );
      await verifyCaller(page);
      await expect(page.getByTestId('q-caller-name')).toHaveValue('佐藤 美咲');
      await fillSheet(page);
      await expect(page.getByTestId('suggestion-impact:c2')).toBeVisible();
      await checkAside(page, host, lang);
      await page.screenshot({ path: `test-results/desk-call-${lang}.png`, fullPage: true });
      await page.getByTestId('use-impact:c2').click();
      await expect(page.getByTestId('answer-text')).not.toHaveValue('');
      await page.getByTestId('answer-record').click();
      await expect(page.getByTestId('inquiry-page')).toHaveAttribute('data-status', 'answered');
      await expect(page.getByTestId('on-time-chip').first()).toBeVisible();
      const row = host.query<{ status: string; on_time: number; phone_answer: string }>(
        'SELECT status, on_time, phone_answer FROM inquiries WHERE id = ?',
        id,
      )[0]!;
      expect(row).toMatchObject({ status: 'answered', on_time: 1 });
      expect(row.phone_answer.length).toBeGreaterThan(20);
      await page.goto(`${host.origin}/#/desk?view=done`);
      await expect(page.getByTestId(`inquiry-row-${id}`)).toBeVisible();
      await page.screenshot({ path: `test-results/desk-queue-done-${lang}.png` });
      expect(consoleErrors).toEqual([]);
    });

    test('verify → fill → escalate → second-line answer → close', async ({ page, host }) => {
      // The refused escalation (an incomplete sheet) is an HTTP 400 the browser logs; nothing else.
      const consoleErrors = collectErrors(page, /status of 400/);
      test.slow();
      page.on('dialog', (d) => void d.accept());
      const received: Buffer[] = [];
      const smtp = new SMTPServer({
        secure: false,
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _s, cb) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push(Buffer.concat(chunks));
            cb();
          });
        },
      });
      const port = await new Promise<number>((r) =>
        smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as { port: number }).port)),
      );
      try {
        await openAs(page, host, 'p-minato');
        // Mail settings: the second-line address and the SMTP server.
        await page.goto(`${host.origin}/#/settings`);
        await page.getByTestId('mail-host').fill('127.0.0.1');
        await page.getByTestId('mail-port').fill(String(port));
        await page.getByTestId('mail-security').selectOption('none');
        await page.getByTestId('mail-from').fill('soc-desk@minato-is.example');
        await page.getByTestId('mail-secondLineTo').fill('second-line@cts-vendor.example');
        await page.getByTestId('mail-save').click();
        await expect(page.getByTestId('mail-settings').getByRole('status')).toBeVisible();
        await page
          .getByTestId('mail-settings')
          .screenshot({ path: `test-results/desk-mail-settings-${lang}.png` });

        const id = await startFromAlert(page, host);
        await verifyCaller(page);
        // Escalating with a required answer missing names it and changes nothing.
        await page.getByTestId('q-inquiry-type-impact').check();
        await page.getByTestId('escalate').click();
        await expect(page.getByTestId('escalate-error')).toBeVisible();
        expect(host.query('SELECT 1 FROM escalation_packages')).toHaveLength(0);
        await fillSheet(page);
        // The package is Japanese by default whatever the screen's language; English on request.
        await expect(page.getByTestId('package-lang-ja')).toHaveAttribute('aria-pressed', 'true');
        if (lang === 'en') {
          await page.getByTestId('package-lang-en').click();
          await expect(page.getByTestId('package-lang-en')).toHaveAttribute('aria-pressed', 'true');
        }
        await page.getByTestId('escalate').click();
        await expect(page.getByTestId('package-pdf')).toHaveAttribute('data-ready', '1', {
          timeout: 60_000,
        });
        const pkg = host.query<{ id: string; sha256: string; pdf: Buffer; language: string }>(
          'SELECT id, sha256, pdf, language FROM escalation_packages',
        )[0]!;
        expect(pkg.language).toBe(lang);
        await expect(page.getByTestId('package-id')).toHaveText(pkg.id);
        await expect(page.getByTestId('package-sha')).toHaveText(pkg.sha256);
        await page.getByTestId('send-package').click();
        await expect(page.getByTestId('deliveries').locator('[data-ok="1"]')).toHaveCount(1);
        await savePackage(page, lang, pkg);
        await page.screenshot({ path: `test-results/desk-escalated-${lang}.png`, fullPage: true });

        // What the SMTP server received: both attachments, the JSON byte for byte.
        expect(received).toHaveLength(1);
        const msg = parseMessage(received[0]!);
        expect(decodeWords(msg.headers.subject ?? '')).toContain(pkg.id);
        const json = msg.parts.find((p) => p.filename === `${pkg.id}.json`)!;
        const pdf = msg.parts.find((p) => p.filename === `${pkg.id}.pdf`)!;
        expect(createHash('sha256').update(json.body).digest('hex')).toBe(pkg.sha256);
        expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
        expect(Buffer.compare(pdf.body, Buffer.from(pkg.pdf))).toBe(0);
        checkPdf(pdf.body, lang, pkg.id, pkg.sha256);

        // The second line: acknowledged, answered, then the desk closes the inquiry.
        await page.getByTestId('acknowledge').click();
        await expect(page.getByTestId('acknowledged')).toBeVisible();
        await page.getByTestId('sl-status').selectOption('contained');
        await page
          .getByTestId('sl-resolution')
          .fill('該当端末を隔離し、駆除ツールで駆除しました。');
        await page
          .getByTestId('sl-prevention')
          .fill('URL フィルタリング機能つき UTM の導入を推奨します。');
        await page.getByTestId('sl-vendor').check();
        await page.getByTestId('sl-insurance').check();
        await page.getByTestId('sl-record').click();
        await expect(page.getByTestId('second-line-answer')).toBeVisible();
        await page.getByTestId('close-inquiry').click();
        await expect(page.getByTestId('inquiry-page')).toHaveAttribute('data-status', 'closed');
        const trail = host
          .query<{ action: string }>(
            "SELECT action FROM audit_log WHERE entity = 'inquiry' AND entity_id = ? ORDER BY id",
            id,
          )
          .map((r) => r.action);
        expect(trail).toEqual([
          'inquiry.created',
          'caller.checked',
          'inquiry.escalated',
          'package.delivered',
          'package.delivered',
          'escalation.acknowledged',
          'second-line.answered',
          'inquiry.closed',
        ]);
        await page.screenshot({ path: `test-results/desk-closed-${lang}.png`, fullPage: true });
        expect(consoleErrors).toEqual([]);
      } finally {
        await new Promise<void>((r) => smtp.close(() => r()));
      }
    });
  });
}

/**
 * Beside the sheet, the alert's explanation and recommendations; in the English screen also the
 * vendor's Japanese, which the desk relays to the customer.
 */
async function checkAside(page: Page, host: HostProcess, lang: 'ja' | 'en') {
  const aside = page.getByTestId(`aside-alert-${latestC2(host).id}`);
  const recs = aside.getByTestId('aside-recommendations');
  await expect(recs).toContainText(C2.recJa);
  if (lang === 'ja') {
    await expect(aside.getByTestId('aside-summary')).toContainText(C2.ja);
    await expect(aside.getByTestId('aside-summary-ja')).toHaveCount(0);
    await expect(recs).not.toContainText(C2.recEn);
  } else {
    await expect(aside.getByTestId('aside-summary')).toContainText(C2.en);
    await expect(aside.getByTestId('aside-summary-ja')).toContainText(C2.ja);
    await expect(recs).toContainText(C2.recEn);
  }
  await aside.screenshot({ path: `test-results/desk-aside-${lang}.png` });
}

/**
 * "Save both to send another way": the browser host downloads `<packageId>.pdf` and `.json` (the
 * desktop app writes them into one chosen folder, test/unit/desk/escalation-files.test.ts); the
 * JSON is the one whose SHA-256 the screen shows, and the delivery is recorded as 'file'.
 */
async function savePackage(page: Page, lang: 'ja' | 'en', pkg: { id: string; pdf: Buffer }) {
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('save-package').click();
  await expect.poll(() => downloads.length).toBe(2);
  const files = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
  expect([...files.keys()].sort()).toEqual([`${pkg.id}.json`, `${pkg.id}.pdf`]);
  const json = readFileSync(await files.get(`${pkg.id}.json`)!.path());
  const shown = (await page.getByTestId('package-sha').textContent())?.trim();
  expect(createHash('sha256').update(json).digest('hex')).toBe(shown);
  const pdf = readFileSync(await files.get(`${pkg.id}.pdf`)!.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(Buffer.compare(pdf, Buffer.from(pkg.pdf))).toBe(0);
  const method = lang === 'ja' ? 'ファイル保存' : 'Saved to files';
  await expect(page.getByTestId('package-saved')).toHaveText(
    lang === 'ja'
      ? `ダウンロードしました: ${pkg.id}.pdf, ${pkg.id}.json`
      : `Downloaded: ${pkg.id}.pdf, ${pkg.id}.json`,
  );
  await expect(page.getByTestId('deliveries').locator('li[data-ok="1"]').nth(1)).toContainText(
    method,
  );
  await expect(
    page.getByTestId('timeline').locator('li[data-action="package.delivered"]').nth(1),
  ).toContainText(method);
  await page.getByTestId('escalation').screenshot({ path: `test-results/desk-saved-${lang}.png` });
}

test.describe('caller mismatch (002 別紙3 2(3))', () => {
  test.use({ locale: 'ja-JP', hostArgs: ['--now', NOW] });

  test('shows the rule and records the decision taken', async ({ page, host, consoleErrors }) => {
    await openAs(page, host, 'p-minato');
    const id = await startFromAlert(page, host);
    await page.getByTestId('caller-name').fill('山田 太郎');
    await page.getByTestId('caller-phone').fill('090-1234-5678');
    await page.getByTestId('caller-verify').click();
    const notice = page.getByTestId('caller-mismatch');
    await expect(notice).toContainText(
      '本サービス担当者以外からのお問い合わせは、受付および回答ができない場合があります',
    );
    await expect(page.getByTestId('caller-fields').locator('[data-field="name"]')).toHaveAttribute(
      'data-result',
      'mismatch',
    );
    await page.screenshot({ path: 'test-results/desk-caller-mismatch-ja.png', fullPage: true });
    await page.getByTestId('decision-refused').check();
    await page.getByTestId('caller-decide').click();
    await expect(page.getByTestId('inquiry-page')).toHaveAttribute('data-status', 'refused');
    const row = host.query<{ status: string; caller_decision: string; caller_result: string }>(
      'SELECT status, caller_decision, caller_result FROM inquiries WHERE id = ?',
      id,
    )[0]!;
    expect(row).toEqual({
      status: 'refused',
      caller_decision: 'refused',
      caller_result: 'mismatch',
    });
    const audit = host.query<{ action: string; to_value: string }>(
      "SELECT action, to_value FROM audit_log WHERE entity_id = ? AND action LIKE 'caller.%' ORDER BY id",
      id,
    );
    expect(audit).toEqual([
      { action: 'caller.mismatch', to_value: 'name:mismatch,phone:mismatch,email:missing' },
      { action: 'caller.checked', to_value: 'refused' },
    ]);
    expect(consoleErrors).toEqual([]);
  });
});
