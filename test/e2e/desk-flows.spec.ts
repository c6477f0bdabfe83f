/**
 * The desk's clock, autosave and the customer's side, end to end (issue #6):
 * - deadlines for inquiries received at 16:59 and 17:00, on a Friday evening and on 12/28
 *   (002 別紙3 2(1), 2(4)①), each on a host whose clock starts then (`--now`);
 * - the sheet survives a reload in the middle of typing;
 * - a customer prepares the sheet from an alert and exports it; the partner imports it and
 *   continues where the customer stopped.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openAs, test, type HostProcess } from './fixtures';
import { collectErrors } from './desk-steps';

async function newInquiry(page: Page, host: HostProcess): Promise<string> {
  await page.goto(`${host.origin}/#/desk/new?customer=c-aoba`);
  await expect(page.getByTestId('new-clock')).toBeVisible();
  await page.getByTestId('new-start').click();
  await expect(page.getByTestId('inquiry-page')).toBeVisible();
  return (await page.getByTestId('inquiry-id').textContent()) ?? '';
}

const CASES = [
  // now, reception day, due, outside-hours flag shown
  ['2026-11-19T16:59:00+09:00', 'Thursday 16:59', '2026/11/19', '2026/11/20 17:00', false],
  ['2026-11-19T17:00:00+09:00', 'Thursday 17:00', '2026/11/20', '2026/11/24 17:00', true],
  // Friday evening: Saturday, Sunday and Monday 11/23 (勤労感謝の日) are closed.
  ['2026-11-20T18:30:00+09:00', 'Friday evening', '2026/11/24', '2026/11/25 17:00', true],
  ['2026-12-28T10:00:00+09:00', '12/28', '2027/01/05', '2027/01/06 17:00', true],
] as const;

for (const [now, label, day, due, outside] of CASES) {
  test.describe(`deadline for an inquiry received ${label}`, () => {
    test.use({ locale: 'ja-JP', hostArgs: ['--now', now] });

    test(`is ${due}`, async ({ page, host, consoleErrors }) => {
      await openAs(page, host, 'p-minato');
      // Find the customer by the number the caller gives (Aoba's registered contact).
      await page.goto(`${host.origin}/#/desk/new`);
      await page.getByTestId('find-customer').fill('022 555 0172');
      await page.getByTestId('find-customer').press('Enter');
      await page.getByTestId('find-results').getByRole('button').click();
      await expect(page.getByTestId('new-customer')).toHaveValue('c-aoba');
      await expect(page.getByTestId('new-reception-day')).toHaveText(day);
      await expect(page.getByTestId('new-due')).toHaveText(due);
      if (label === '12/28') await page.screenshot({ path: 'test-results/desk-new-ja.png' });
      await page.getByTestId('new-start').click();
      await expect(page.getByTestId('reception-day')).toHaveText(day);
      await expect(page.getByTestId('due-at')).toHaveText(due);
      await expect(page.getByTestId('reception').getByTestId('outside-flag')).toHaveCount(
        outside ? 1 : 0,
      );
      const row = host.query<{ due_at: number; reception_day: string }>(
        'SELECT due_at, reception_day FROM inquiries',
      )[0]!;
      expect(row.reception_day).toBe(day.replaceAll('/', '-'));
      expect(row.due_at).toBe(Date.parse(`${due.replaceAll('/', '-').replace(' ', 'T')}:00+09:00`));
      await page.goto(`${host.origin}/#/desk`);
      await expect(page.getByTestId('desk-queue').getByTestId('due-at')).toHaveText(due);
      expect(consoleErrors).toEqual([]);
    });
  });
}

test.describe('the queue flags overdue and due today', () => {
  test.use({ locale: 'en-US', hostArgs: ['--now', '2026-11-25T10:00:00+09:00'] });

  test('sorts by due time', async ({ page, host, consoleErrors }) => {
    await openAs(page, host, 'p-minato');
    // One received yesterday (due today 17:00), one last week (overdue), one now.
    for (const at of ['2026-11-24T15:00', '2026-11-17T11:00', '']) {
      await page.goto(`${host.origin}/#/desk/new?customer=c-aoba`);
      await expect(page.getByTestId('new-clock')).toBeVisible();
      if (at) await page.getByTestId('new-received-at').fill(at);
      await page.getByTestId('new-start').click();
      await expect(page.getByTestId('inquiry-page')).toBeVisible();
    }
    await page.goto(`${host.origin}/#/desk`);
    const flags = page.getByTestId('desk-queue').locator('tbody tr');
    await expect(flags).toHaveCount(3);
    await expect(flags.nth(0).getByTestId('due-flag')).toHaveAttribute('data-flag', 'overdue');
    await expect(flags.nth(1).getByTestId('due-flag')).toHaveAttribute('data-flag', 'due-today');
    await expect(flags.nth(2).getByTestId('due-flag')).toHaveCount(0);
    await expect(page.getByTestId('count-overdue')).toHaveText('Overdue: 1');
    await page.screenshot({ path: 'test-results/desk-queue-en.png' });
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('autosave', () => {
  test.use({ locale: 'ja-JP', hostArgs: ['--now', '2026-11-24T10:00:00+09:00'] });

  test('a reload in the middle of typing loses nothing', async ({ page, host, consoleErrors }) => {
    await openAs(page, host, 'p-minato');
    const id = await newInquiry(page, host);
    const field = page.getByTestId('q-what-seen');
    await field.click();
    await page.keyboard.type('経理部の PC で警告画面を確認', { delay: 20 });
    // Reload at once, well inside the debounce: the last keystrokes are not saved yet.
    await page.reload();
    await expect(page.getByTestId('q-what-seen')).toHaveValue('経理部の PC で警告画面を確認');
    await expect
      .poll(
        () =>
          host.query<{ answers: string }>('SELECT answers FROM inquiries WHERE id = ?', id)[0]!
            .answers,
      )
      .toContain('経理部の PC で警告画面を確認');
    // Without a reload, what is typed reaches the store within a second.
    await page.getByTestId('q-notes').fill('折り返しは午後');
    await page.waitForTimeout(1100);
    expect(
      host.query<{ answers: string }>('SELECT answers FROM inquiries WHERE id = ?', id)[0]!.answers,
    ).toContain('折り返しは午後');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    expect(consoleErrors).toEqual([]);
  });

  test('keyboard only: tab to an answer, choose with the keyboard, type', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    const id = await newInquiry(page, host);
    await page.getByTestId('q-inquiry-type-notice-unclear').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('q-unclear-points')).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('q-unclear-points')).toBeFocused();
    await page.keyboard.type('英語の通知の意味');
    await page.keyboard.press('Tab');
    await expect
      .poll(
        () =>
          host.query<{ answers: string }>('SELECT answers FROM inquiries WHERE id = ?', id)[0]!
            .answers,
      )
      .toContain('英語の通知の意味');
    expect(consoleErrors).toEqual([]);
  });
});

for (const [locale, lang] of [
  ['ja-JP', 'ja'],
  ['en-US', 'en'],
] as const) {
  test.describe(`the customer's side (${lang})`, () => {
    test.use({ locale, hostArgs: ['--now', '2026-11-24T10:00:00+09:00'] });

    test('prepare from an alert, export, and the partner continues', async ({ page, host }) => {
      test.slow();
      // Switching profile mid-test: another feature's status poll may meet "no profile" (HTTP
      // 409) in between; any other console error fails the test.
      const consoleErrors = collectErrors(page, /status of 409/);
      const alert = host.query<{ id: number }>(
        "SELECT id FROM alerts WHERE customer_id = 'c-sakuragawa' AND threat_kind = 'c2' ORDER BY detected_at DESC LIMIT 1",
      )[0]!;
      await openAs(page, host, 'c-sakuragawa');
      await expect(
        page.getByRole('link', { name: lang === 'ja' ? 'お問い合わせ準備' : 'Prepare an inquiry' }),
      ).toBeVisible();
      await page.goto(`${host.origin}/#/desk/new?alert=${alert.id}`);
      await expect(page.getByTestId(`pick-alert-${alert.id}`)).toBeChecked();
      await page.getByTestId('new-start').click();
      await expect(page.getByTestId('customer-actions')).toBeVisible();
      await expect(page.getByTestId('q-caller-name')).toHaveValue('佐藤 美咲');
      await page.getByTestId('q-inquiry-type-impact').check();
      await page.getByTestId('q-what-seen').fill('営業部の PC で警告');
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: `test-results/desk-prepare-${lang}.png` });
      const download = page.waitForEvent('download');
      await page.getByTestId('export-json').click();
      const file = await (await download).path();
      const sheet = JSON.parse(readFileSync(file, 'utf8')) as { answers: Record<string, unknown> };
      expect(sheet.answers['what-seen']).toBe('営業部の PC で警告');
      await expect(page.getByTestId('sent-state')).toBeVisible();
      await page.goto(`${host.origin}/#/desk`);
      await expect(page.getByTestId('customer-lead')).toBeVisible();
      await page.screenshot({ path: `test-results/desk-customer-queue-${lang}.png` });

      // The partner takes the sheet in and sees what the customer wrote.
      await page
        .getByRole('button', { name: lang === 'ja' ? '利用者を切り替える' : /switch/i })
        .first()
        .click();
      await page.getByTestId('profile-p-minato').click();
      await page.goto(`${host.origin}/#/desk`);
      const chooser = page.waitForEvent('filechooser');
      await page
        .getByRole('button', {
          name: lang === 'ja' ? 'ヒアリングシートを取り込む' : "Import a customer's sheet",
        })
        .click();
      await (await chooser).setFiles(file);
      await expect(page.getByTestId('inquiry-page')).toHaveAttribute('data-status', 'open');
      await expect(page.getByTestId('q-what-seen')).toHaveValue('営業部の PC で警告');
      await expect(page.getByTestId(`aside-alert-${alert.id}`)).toBeVisible();
      const row = host.query<{ channel: string; imported_from: string }>(
        "SELECT channel, imported_from FROM inquiries WHERE side = 'partner'",
      )[0]!;
      expect(row.channel).toBe('email');
      expect(row.imported_from).toMatch(/^PRE-/);
      await page.screenshot({ path: `test-results/desk-imported-${lang}.png` });
      await page.goto(`${host.origin}/#/desk/templates`);
      await expect(page.getByTestId('templates')).toBeVisible();
      await page.screenshot({ path: `test-results/desk-templates-${lang}.png` });
      expect(consoleErrors).toEqual([]);
    });
  });
}
