import type { Page } from '@playwright/test';
import {
  availabilityBreached,
  guaranteeClaimDeadline,
  jstDateOf,
  monthlyCredit,
  notifiedWithinSla,
} from '../../shared/rules';
import { formatDate } from '../../shared/time';
import { expect, openAs, test, type HostProcess } from './fixtures';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The latest month in which one of the customer's important C-SOC incidents was notified after
 * 15 minutes, and what the ledger must say for it — computed here from the database rows with the
 * rules of shared/rules (not with the ledger module itself).
 */
function lateMonth(host: HostProcess, customerId: string, asOf: number) {
  const alerts = host.query<{ module: string; detected_at: number; notified_at: number }>(
    `SELECT module, detected_at, notified_at FROM alerts
     WHERE customer_id = ? AND source = 'csoc' AND important = 1 AND detected_at <= ?`,
    customerId,
    asOf,
  );
  const monthOf = (ms: number) => jstDateOf(ms).slice(0, 7);
  const late = (a: (typeof alerts)[number]) =>
    !notifiedWithinSla({ detectedAt: iso(a.detected_at), notifiedAt: iso(a.notified_at) });
  const month = alerts
    .filter(late)
    .map((a) => monthOf(a.detected_at))
    .sort()
    .at(-1)!;
  const inMonth = alerts.filter((a) => monthOf(a.detected_at) === month);
  const lateModules = new Set(inMonth.filter(late).map((a) => a.module));
  const outages = host
    .query<{ started_at: number; ended_at: number }>(
      `SELECT started_at, ended_at FROM outages WHERE customer_id = ? AND service = 'iij-c-soc'
       AND contract_id IS NULL AND vendor_fault = 1`,
      customerId,
    )
    .map((o) => ({ start: iso(o.started_at), end: iso(o.ended_at) }));
  const platform = availabilityBreached({ month, outages });
  // The contracts breached: every fee-paying one on a platform breach, else those whose module
  // raised a late incident (docs/sla-ledger.md).
  const contracts = host.query<{ module: string | null; monthly_fee: number | null }>(
    `SELECT module, monthly_fee FROM contracts WHERE customer_id = ? AND service = 'iij-c-soc'`,
    customerId,
  );
  const credit = contracts
    .filter((k) => k.monthly_fee !== null && (platform || lateModules.has(k.module ?? '')))
    .reduce(
      (sum, k) =>
        sum +
        monthlyCredit({ monthlyFee: k.monthly_fee!, outagesHours: [], guaranteeBreached: true }),
      0,
    );
  return {
    month,
    important: inMonth.length,
    within: inMonth.length - inMonth.filter(late).length,
    late: inMonth.filter(late).length,
    credit,
    deadline: guaranteeClaimDeadline({ month }),
  };
}

const asOfOf = async (page: Page) =>
  Number(await page.getByTestId('as-of').getAttribute('data-value'));

test.describe('SLA ledger (日本語)', () => {
  test.use({ locale: 'ja-JP' });

  test('the month with a late notification shows the credit and the claim deadline', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    await page.getByRole('link', { name: 'SLA 台帳' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'SLA 台帳' })).toBeVisible();
    const e = lateMonth(host, 'c-kawasemi', await asOfOf(page));
    const id = `c-kawasemi-iij-c-soc-${e.month}`;
    await expect(page.getByTestId(`notified-${id}`)).toContainText(
      `${e.within} / ${e.important} 件`,
    );
    await expect(page.getByTestId(`notified-${id}`)).toContainText(`遅延 ${e.late} 件`);
    await expect(page.getByTestId(`guarantee-${id}`)).toHaveAttribute('data-value', 'breached');
    expect(e.credit).toBeGreaterThan(0);
    await expect(page.getByTestId(`credit-${id}`)).toHaveAttribute('data-value', String(e.credit));
    await expect(page.getByTestId(`credit-${id}`)).toContainText(
      `${e.credit.toLocaleString('ja-JP')} 円`,
    );
    await expect(page.getByTestId(`deadlines-${id}`)).toContainText(
      `品質保証違背の減額：${formatDate(e.deadline)} まで`,
    );
    await page
      .getByTestId(`month-${id}`)
      .getByRole('button', { name: /内訳を表示/ })
      .click();
    await expect(page.getByTestId(`late-${e.month}`).locator('tbody tr')).toHaveCount(
      Math.min(e.late, 10),
    );
    await expect(page.getByTestId('coverage-c-kawasemi-iij-c-soc')).toContainText('000 第11条');
    await page.screenshot({ path: 'test-results/sla-ja.png', fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  test('outages are validated, recorded, changed with audit, and deleted after confirmation', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'c-tsubame');
    await page.goto(`${host.origin}/#/sla`);
    const asOf = await asOfOf(page);
    const before = host.query<{ id: number }>(`SELECT id FROM outages`).map((o) => o.id);
    await page.getByTestId('add-outage-c-tsubame').click();
    const form = page.getByRole('dialog', { name: '障害を記録する' });
    // Two days ago, 10:00–09:00 JST: the end before the start is refused beside its field.
    const day = jstDateOf(asOf - 2 * 86_400_000);
    await form.getByLabel('発生日時').fill(`${day}T10:00`);
    await form.getByLabel('復旧日時').fill(`${day}T09:00`);
    await form.getByRole('button', { name: '保存する' }).click();
    await expect(form.getByText('復旧日時は発生日時より後にしてください。')).toBeVisible();
    await expect(form.getByLabel('復旧日時')).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: 'test-results/sla-form-ja.png' });
    expect(host.query(`SELECT id FROM outages`)).toHaveLength(before.length);
    // The refused save is answered with HTTP 400 and a typed error; the consoleErrors fixture ignores
    // Chromium's log line for our API's 4xx answers (test/e2e/fixtures.ts), and nothing else.

    await form.getByLabel('復旧日時').fill(`${day}T11:30`);
    await form.getByLabel('メモ').fill('基盤障害 #A-1');
    await form.getByRole('button', { name: '保存する' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('sla-status')).toContainText('障害の記録を保存しました');
    const [created] = host.query<{ id: number; started_at: number; ended_at: number }>(
      `SELECT * FROM outages WHERE id NOT IN (${before.join(', ')})`,
    );
    expect(created!.ended_at - created!.started_at).toBe(90 * 60_000);
    expect(created!.started_at).toBe(Date.parse(`${day}T10:00:00+09:00`));
    const row = page.getByTestId(`outage-${created!.id}`);
    await expect(row).toContainText('1.5 時間');

    await row.getByRole('button', { name: '編集' }).click();
    const edit = page.getByRole('dialog', { name: '障害の記録を編集する' });
    await edit.getByLabel('復旧日時').fill(`${day}T12:00`);
    await edit.getByRole('button', { name: '保存する' }).click();
    await expect(row).toContainText('2 時間');
    await row.getByRole('button', { name: '変更履歴' }).click();
    const history = page.getByTestId('outage-history');
    await expect(history.locator('tbody tr')).toHaveCount(2);
    await expect(history).toContainText('customer:c-tsubame');
    await page.getByRole('button', { name: '閉じる' }).click();

    await row.getByRole('button', { name: '削除' }).click();
    const confirm = page.getByRole('alertdialog', { name: '障害の記録を削除しますか？' });
    await expect(confirm).toBeVisible();
    await page.screenshot({ path: 'test-results/sla-confirm-ja.png' });
    await confirm.getByRole('button', { name: 'キャンセル' }).click();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: '削除' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '削除する' }).click();
    await expect(row).toHaveCount(0);
    const audit = host.query<{ action: string; actor: string; to_value: string | null }>(
      `SELECT action, actor, to_value FROM audit_log WHERE entity = 'outage' AND entity_id = ? ORDER BY id`,
      String(created!.id),
    );
    expect(audit.map((a) => a.action)).toEqual(['outage.create', 'outage.update', 'outage.delete']);
    expect(audit.every((a) => a.actor === 'customer:c-tsubame')).toBe(true);
    // The free-text note never reaches the audit log.
    expect(JSON.stringify(audit)).not.toContain('#A-1');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('SLA ledger (English)', () => {
  test.use({ locale: 'en-US' });

  test('DDoS credit and Basic without a guarantee', async ({ page, host, consoleErrors }) => {
    await openAs(page, host, 'p-hokuto');
    await page.getByRole('link', { name: 'SLA ledger' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'SLA ledger' })).toBeVisible();
    await expect(page.getByTestId('coverage-c-tsubame-iij-c-soc')).toContainText(
      'Basic category has no quality guarantee (000 第11条)',
    );
    await expect(
      page.getByTestId('ledger-c-tsubame-iij-c-soc').locator('[data-value="breached"]'),
    ).toHaveCount(0);
    await expect(page.getByTestId('coverage-c-hikari-iij-ddos')).toContainText('004 第14条');
    // The DDoS outage of the demo: 26.5 h from when IIJ knew → 1 day × fee / 30 (004 別紙3).
    const [o] = host.query<{ started_at: number; known_at: number; ended_at: number; fee: number }>(
      `SELECT o.started_at, o.known_at, o.ended_at, c.monthly_fee AS fee FROM outages o
       JOIN contracts c ON c.id = o.contract_id WHERE o.customer_id = 'c-hikari' AND o.service = 'iij-ddos'`,
    );
    const month = jstDateOf(o!.started_at).slice(0, 7);
    const credit = monthlyCredit({
      monthlyFee: o!.fee,
      outagesHours: [(o!.ended_at - o!.known_at) / 3_600_000],
      guaranteeBreached: false,
    });
    expect(credit).toBe(Math.floor(o!.fee / 30));
    await expect(page.getByTestId(`credit-c-hikari-iij-ddos-${month}`)).toHaveAttribute(
      'data-value',
      String(credit),
    );
    await expect(page.getByTestId(`deadlines-c-hikari-iij-ddos-${month}`)).toContainText(
      'Unavailability reduction: by',
    );
    await page.screenshot({ path: 'test-results/sla-en.png', fullPage: true });

    expect(consoleErrors).toEqual([]);
  });

  test('a customer without C-SOC or DDoS sees no ledger, and no other customer', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'c-aoba');
    await page.goto(`${host.origin}/#/sla`);
    await expect(page.getByText('No contracts covered by an SLA')).toBeVisible();
    await expect(page.getByText('Hikari')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
