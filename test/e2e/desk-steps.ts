/**
 * Steps the desk's e2e specs share (desk.spec.ts, desk-flows.spec.ts): the clock they start the
 * host at (`hostArgs` in fixtures.ts), the call from an alert to the verified caller and the complete sheet, console
 * errors but an expected one, and the escalation PDF's text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type HostProcess } from './fixtures';

// Tuesday 2026-11-24 10:00 JST, a business day (Monday 11/23 is a national holiday).
export const NOW = '2026-11-24T10:00:00+09:00';

export function latestC2(host: HostProcess): { id: number; source_id: string } {
  return host.query<{ id: number; source_id: string }>(
    "SELECT id, source_id FROM alerts WHERE customer_id = 'c-sakuragawa' AND threat_kind = 'c2' ORDER BY detected_at DESC LIMIT 1",
  )[0]!;
}

/** From the alert ("prepare an inquiry"), through the reception form, to the call screen. */
export async function startFromAlert(page: Page, host: HostProcess, shot?: string) {
  const alert = latestC2(host);
  await page.goto(`${host.origin}/#/desk/new?alert=${alert.id}`);
  await expect(page.getByTestId(`pick-alert-${alert.id}`)).toBeChecked();
  await expect(page.getByTestId('new-due')).toHaveText('2026/11/25 17:00');
  if (shot) await page.screenshot({ path: `test-results/desk-new-from-alert-${shot}.png` });
  await page.getByTestId('new-start').click();
  await expect(page.getByTestId('inquiry-page')).toBeVisible();
  return (await page.getByTestId('inquiry-id').textContent()) ?? '';
}

export async function verifyCaller(page: Page) {
  await page.getByTestId('caller-name').fill('佐藤 美咲');
  await page.getByTestId('caller-phone').fill('03-5550-0141');
  await page.getByTestId('caller-verify').click();
  await expect(page.getByTestId('caller-recorded')).toHaveAttribute('data-decision', 'served');
}

/** The answers only the customer can give; the rest was prefilled. Keyboard and mouse alike. */
export async function fillSheet(page: Page) {
  await page.getByTestId('q-inquiry-type-impact').check();
  await page.getByTestId('q-inquiry-type-recommendations').check();
  await page.getByTestId('q-question').fill('自社に影響があるか、何をすればよいか知りたい。');
  await page.getByTestId('q-what-seen').fill('ポータルで C&C 通信の通知を確認しました。');
  await page.getByTestId('q-urgency-single-device').check();
  await expect(page.getByTestId('sheet-progress')).toContainText(/12 \/ 12|12 of 12/);
}

/** Console and page errors, but for an expected one. */
export function collectErrors(page: Page, expected: RegExp): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The PDF's text (poppler's pdftotext) has the id, the hash and the language's headings. */
export function checkPdf(pdf: Buffer, lang: 'ja' | 'en', id: string, sha: string) {
  const dir = mkdtempSync(join(tmpdir(), 'desk-pdf-'));
  const file = join(dir, `${id}.pdf`);
  writeFileSync(file, pdf);
  writeFileSync(`test-results/desk-package-${lang}.pdf`, pdf);
  if (!existsSync('/usr/bin/pdftotext')) {
    // CI installs poppler-utils (.ci/run): there a missing pdftotext is a broken setup, not a skip.
    if (process.env.CI) throw new Error('pdftotext (poppler-utils) is missing');
    test
      .info()
      .annotations.push({ type: 'skip-check', description: 'pdftotext (poppler-utils) missing' });
    return;
  }
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  expect(text).toContain(id);
  expect(text.replace(/\s/g, '')).toContain(sha);
  if (lang === 'ja') {
    expect(text).toContain('二次受付窓口へのエスカレーション票');
    expect(text).toContain('桜川精機株式会社');
    expect(text).toContain('ヒアリングシート');
  } else {
    expect(text).toContain('Escalation to the second-line window');
    expect(text).toContain('Sakuragawa Precision');
  }
  // Page numbers in the footer: "1 / N".
  expect(text).toMatch(/\b1 ?\/ ?\d+\b/);
  if (existsSync('/usr/bin/pdftoppm'))
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      `test-results/desk-package-${lang}`,
    ]);
}
