import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { ServiceId } from '../../shared/catalog';
import { contractStanding } from '../../shared/contracts';
import {
  addMonths,
  cancellationEffectiveDate,
  earlyTerminationCharge,
  insuranceCoverageStart,
} from '../../shared/rules';
import { formatDate } from '../../shared/time';
import { expect, openAs, test, type HostProcess } from './fixtures';

interface Row {
  id: string;
  customer_id: string;
  service: ServiceId;
  item: string | null;
  start_date: string;
  billing_start: string;
  monthly_fee: number | null;
  annual_fee: number | null;
  notice_received: string | null;
  requested_end: string | null;
}

const contractsOf = (host: HostProcess, customerIds: string[]) =>
  host.query<Row>(
    `SELECT * FROM contracts WHERE customer_id IN (${customerIds.map((c) => `'${c}'`).join(', ')})
     ORDER BY id`,
  );

/** The standing of a stored contract by the shared rules, from its database row. */
const standingOf = (k: Row, today: string) =>
  contractStanding(
    {
      service: k.service,
      item: k.item,
      start: k.start_date,
      billingStart: k.billing_start,
      noticeReceived: k.notice_received,
      requestedEnd: k.requested_end,
    },
    today,
  );

/** The `data-value` of each element, in order. */
async function dataValues(cells: Locator): Promise<string[]> {
  const out: string[] = [];
  for (const cell of await cells.all()) out.push((await cell.getAttribute('data-value')) ?? '');
  return out;
}

const todayOf = async (page: Page) => (await page.getByTestId('today').getAttribute('data-value'))!;

/** Every date cell of every contract on the page equals the rules' result for its row. */
async function checkContracts(page: Page, host: HostProcess, customerIds: string[]) {
  const today = await todayOf(page);
  const rows = contractsOf(host, customerIds);
  expect(rows.length).toBeGreaterThan(0);
  await expect(page.locator('tr[data-testid^="contract-"]')).toHaveCount(rows.length);
  let actions = 0;
  for (const k of rows) {
    const s = standingOf(k, today);
    const term = page.getByTestId(`term-${k.id}`);
    if (s.termStart && s.termEnd) {
      await expect(term).toContainText(formatDate(s.termStart));
      await expect(term).toContainText(formatDate(s.termEnd));
    }
    if (s.minimumPeriodEnd)
      await expect(page.getByTestId(`minimum-${k.id}`)).toContainText(
        formatDate(s.minimumPeriodEnd),
      );
    if (s.noticeDeadline)
      await expect(page.getByTestId(`notice-${k.id}`)).toContainText(formatDate(s.noticeDeadline));
    await expect(page.getByTestId(`action-${k.id}`)).toHaveCount(s.actionNeeded ? 1 : 0);
    if (s.actionNeeded) actions++;
    if (k.service === 'soc-in-pocket') {
      await expect(page.getByTestId(`insurance-${k.id}`)).toContainText(
        formatDate(insuranceCoverageStart({ serviceStart: k.start_date })),
      );
      await expect(page.getByTestId(`insurance-${k.id}`)).toContainText('3,000,000');
    }
  }
  return { today, rows, actions };
}

test.describe('contracts (日本語)', () => {
  test.use({ locale: 'ja-JP' });

  test('every contract shows the dates the rules give for the stored data', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    await page.getByRole('link', { name: '契約' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '契約' })).toBeVisible();
    const { actions } = await checkContracts(page, host, ['c-sakuragawa', 'c-aoba', 'c-kawasemi']);
    expect(actions).toBeGreaterThan(0);
    await expect(page.getByText('要対応').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/contracts-ja.png', fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  test('the cancel calculator gives the effective day and charge of the rules, as an estimate', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'c-sakuragawa');
    await page.goto(`${host.origin}/#/contracts`);
    const today = await todayOf(page);
    const [k] = contractsOf(host, ['c-sakuragawa']);
    await page.getByTestId(`calc-${k!.id}`).click();
    const dialog = page.getByRole('dialog', { name: '解約した場合の試算' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('解約通知が届く日')).toHaveValue(today);
    // Ask for an end three months from today.
    const requestedDate = addMonths(today, 3);
    await dialog.getByLabel('希望する解約日（任意）').fill(requestedDate);
    await dialog.getByRole('button', { name: '試算する' }).click();
    const effective = cancellationEffectiveDate({
      service: k!.service,
      noticeReceived: today,
      requested: requestedDate,
    });
    const charge = earlyTerminationCharge({
      service: k!.service,
      effective,
      start: k!.start_date,
      billingStart: k!.billing_start,
      monthlyFee: k!.monthly_fee,
      annualFee: k!.annual_fee,
    });
    await expect(dialog.getByTestId('calc-effective')).toHaveAttribute('data-value', effective);
    await expect(dialog.getByTestId('calc-effective')).toContainText(formatDate(effective));
    await expect(dialog.getByTestId('calc-effective')).toContainText('002 第4条5');
    await expect(dialog.getByTestId('calc-charge')).toHaveAttribute('data-value', String(charge));
    await expect(dialog.getByTestId('calc-charge')).toContainText(
      `${charge.toLocaleString('ja-JP')} 円`,
    );
    await expect(dialog).toContainText('見積り');
    await page.screenshot({ path: 'test-results/contracts-calculator-ja.png' });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test("C-SOC eligibility problems name their article; the partner's deadline table exports CSV", async ({
    page,
    host,
  }) => {
    await openAs(page, host, 'p-hokuto');
    await page.goto(`${host.origin}/#/contracts`);
    await expect(page.getByTestId('problems-c-hikari')).toContainText('000 第7条7');
    await page.getByRole('link', { name: '期限一覧' }).click();
    const table = page.getByTestId('deadlines');
    const today = await todayOf(page);
    // Expected rows: every upcoming notice deadline (unless notice was given), minimum-period end
    // and cancellation day, from the rules on the stored contracts.
    const ids = ['c-hikari', 'c-tsubame', 'c-kotobuki'];
    let expected = 0;
    for (const k of contractsOf(host, ids)) {
      const s = standingOf(k, today);
      const dates = [s.ending ? null : s.noticeDeadline, s.minimumPeriodEnd, s.ending?.effective];
      expected += dates.filter((d) => d && d >= today).length;
    }
    await expect(table.locator('tbody tr')).toHaveCount(expected);
    const dates = await dataValues(table.locator('tbody td[data-value]'));
    expect(dates).toEqual([...dates].sort());
    await page.getByTestId('sort-date').click();
    await expect(page).toHaveURL(/sort=date&dir=desc/);
    const desc = await dataValues(table.locator('tbody td[data-value]'));
    expect(desc).toEqual([...dates].sort().reverse());
    await page.screenshot({ path: 'test-results/contracts-deadlines-ja.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV に書き出す' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(
      csv.startsWith('\uFEFF顧客,契約番号,サービス,契約,期限の種類,期限日,残り日数,要対応\r\n'),
    ).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(expected + 1);
    await expect(page.getByTestId('export-status')).toContainText('CSV を保存しました');
  });
});

test.describe('contracts (English)', () => {
  test.use({ locale: 'en-US' });

  test('contracts, calculator and deadlines in English', async ({ page, host, consoleErrors }) => {
    await openAs(page, host, 'p-hokuto');
    await page.getByRole('link', { name: 'Contracts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contracts' })).toBeVisible();
    const { today, rows } = await checkContracts(page, host, [
      'c-hikari',
      'c-tsubame',
      'c-kotobuki',
    ]);
    // Kotobuki's Secure Endpoint X is under notice: its end from the rules is shown.
    const leaving = rows.find((k) => k.notice_received !== null)!;
    const s = standingOf(leaving, today);
    await expect(page.getByTestId(`status-${leaving.id}`)).toContainText(
      `Cancellation takes effect on ${formatDate(s.ending!.effective)}`,
    );
    await page.screenshot({ path: 'test-results/contracts-en.png', fullPage: true });

    const ddos = rows.find((k) => k.service === 'iij-ddos' && k.customer_id === 'c-hikari')!;
    await page.getByTestId(`calc-${ddos.id}`).click();
    const dialog = page.getByRole('dialog', { name: 'What if we cancel?' });
    await dialog.getByRole('button', { name: 'Estimate' }).click();
    const effective = cancellationEffectiveDate({
      service: 'iij-ddos',
      noticeReceived: today,
      item: ddos.item,
    });
    const charge = earlyTerminationCharge({
      service: 'iij-ddos',
      effective,
      billingStart: ddos.billing_start,
      start: ddos.start_date,
      monthlyFee: ddos.monthly_fee,
      item: ddos.item,
    });
    await expect(dialog.getByTestId('calc-effective')).toHaveAttribute('data-value', effective);
    await expect(dialog.getByTestId('calc-charge')).toHaveAttribute('data-value', String(charge));
    await expect(dialog).toContainText('004 第13条');
    await expect(dialog).toContainText('estimate');
    await page.screenshot({ path: 'test-results/contracts-calculator-en.png' });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('link', { name: 'Deadlines' }).click();
    await expect(page.getByTestId('deadlines')).toContainText('Non-renewal notice deadline');
    await page.screenshot({ path: 'test-results/contracts-deadlines-en.png', fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
