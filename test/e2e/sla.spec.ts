/**
 * The SLA ledger end to end in both languages: the month with a late notification (credit and
 * claim deadline), the "claim deadline near" badge on a chosen day (`--now`), and outages recorded,
 * changed with audit and deleted. What the screen says is compared with the host's database,
 * evaluated with the rules of shared/rules (not with the ledger module itself).
 */
import { addMonths, jstDateOf, monthlyCredit } from '../../shared/rules';
import { CLAIM_NEAR_DAYS } from '../../shared/sla-ledger-types';
import { formatDateTime } from '../../shared/time';
import { expect, openAs, test } from './fixtures';
import { TEXT, asOfOf, lateMonth, openLedger } from './sla-helpers';

// Saturday 2026-11-14 10:00 JST, the day before October's guarantee claim deadline (11/15, 000
// 第15条2): October's is near, November's (12/15) is 31 days away and September's has lapsed.
const NEAR_NOW = '2026-11-14T10:00:00+09:00';

for (const lang of ['ja', 'en'] as const) {
  const T = TEXT[lang];

  test.describe(`SLA ledger (${lang})`, () => {
    test.use({ locale: T.locale });

    test('the month with a late notification shows the credit and the claim deadline', async ({
      page,
      host,
      consoleErrors,
    }) => {
      const e = lateMonth(host, 'c-kawasemi', await openLedger(page, host, 'p-minato', T.nav));
      const id = `c-kawasemi-iij-c-soc-${e.month}`;
      await expect(page.getByTestId(`notified-${id}`)).toContainText(
        T.notified(e.within, e.important),
      );
      await expect(page.getByTestId(`notified-${id}`)).toContainText(T.late(e.late));
      await expect(page.getByTestId(`guarantee-${id}`)).toHaveAttribute('data-value', 'breached');
      expect(e.credit).toBeGreaterThan(0);
      await expect(page.getByTestId(`credit-${id}`)).toHaveAttribute(
        'data-value',
        String(e.credit),
      );
      await expect(page.getByTestId(`credit-${id}`)).toContainText(T.yen(e.credit));
      await expect(page.getByTestId(`deadlines-${id}`)).toContainText(T.guaranteeBy(e.deadline));
      await page
        .getByTestId(`month-${id}`)
        .getByRole('button', { name: T.showDetail(e.month) })
        .click();
      await expect(page.getByTestId(`late-${e.month}`).locator('tbody tr')).toHaveCount(
        Math.min(e.late, 10),
      );
      await expect(page.getByTestId('coverage-c-kawasemi-iij-c-soc')).toContainText('000 第11条');
      await page.screenshot({ path: `test-results/sla-${lang}.png`, fullPage: true });
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
      const form = page.getByRole('dialog', { name: T.createTitle });
      // Two days ago, 10:00–09:00 JST: the end before the start is refused beside its field.
      const day = jstDateOf(asOf - 2 * 86_400_000);
      await form.getByLabel(T.startedAt, { exact: true }).fill(`${day}T10:00`);
      await form.getByLabel(T.endedAt, { exact: true }).fill(`${day}T09:00`);
      await form.getByRole('button', { name: T.save }).click();
      await expect(form.getByText(T.endBeforeStart)).toBeVisible();
      await expect(form.getByLabel(T.endedAt, { exact: true })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      await page.screenshot({ path: `test-results/sla-form-${lang}.png` });
      expect(host.query(`SELECT id FROM outages`)).toHaveLength(before.length);
      // The refused save is answered with HTTP 400 and a typed error; the consoleErrors fixture
      // ignores Chromium's log line for our API's 4xx answers (test/e2e/fixtures.ts), and nothing else.

      await form.getByLabel(T.endedAt, { exact: true }).fill(`${day}T11:30`);
      await form.getByLabel(T.note, { exact: true }).fill('基盤障害 #A-1');
      await form.getByRole('button', { name: T.save }).click();
      await expect(form).toHaveCount(0);
      await expect(page.getByTestId('sla-status')).toContainText(T.saved);
      const [created] = host.query<{ id: number; started_at: number; ended_at: number }>(
        `SELECT * FROM outages WHERE id NOT IN (${before.join(', ')})`,
      );
      expect(created!.ended_at - created!.started_at).toBe(90 * 60_000);
      expect(created!.started_at).toBe(Date.parse(`${day}T10:00:00+09:00`));
      const row = page.getByTestId(`outage-${created!.id}`);
      await expect(row).toContainText(T.hours(1.5));
      await expect(row).toContainText(formatDateTime(created!.started_at));

      await row.getByRole('button', { name: T.edit }).click();
      const edit = page.getByRole('dialog', { name: T.editTitle });
      await expect(edit.getByLabel(T.note, { exact: true })).toHaveValue('基盤障害 #A-1');
      await edit.getByLabel(T.endedAt, { exact: true }).fill(`${day}T12:00`);
      await edit.getByRole('button', { name: T.save }).click();
      await expect(row).toContainText(T.hours(2));
      const [changed] = host.query<{ ended_at: number }>(
        `SELECT ended_at FROM outages WHERE id = ?`,
        created!.id,
      );
      expect(changed!.ended_at).toBe(Date.parse(`${day}T12:00:00+09:00`));
      await row.getByRole('button', { name: T.history }).click();
      const history = page.getByTestId('outage-history');
      await expect(history.locator('tbody tr')).toHaveCount(2);
      for (const [i, action] of T.actions.entries())
        await expect(history.locator('tbody tr').nth(i)).toContainText(action);
      // Who: the recording profile's company, by name in the screen's language.
      const [who] = host.query<{ ja: string; en: string }>(
        `SELECT name_ja AS ja, name_en AS en FROM customers WHERE id = 'c-tsubame'`,
      );
      await expect(history.locator('tbody tr').first()).toContainText(who![lang]);
      await expect(history).not.toContainText('customer:c-tsubame');
      await page.screenshot({ path: `test-results/sla-history-${lang}.png` });
      await page.getByRole('button', { name: T.close }).click();

      await row.getByRole('button', { name: T.delete }).click();
      const confirm = page.getByRole('alertdialog', { name: T.confirmTitle });
      await expect(confirm).toContainText(formatDateTime(created!.started_at));
      await page.screenshot({ path: `test-results/sla-confirm-${lang}.png` });
      await confirm.getByRole('button', { name: T.cancel }).click();
      await expect(row).toBeVisible();
      await row.getByRole('button', { name: T.delete }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: T.confirmOk }).click();
      await expect(row).toHaveCount(0);
      const audit = host.query<{ action: string; actor: string; to_value: string | null }>(
        `SELECT action, actor, to_value FROM audit_log WHERE entity = 'outage' AND entity_id = ? ORDER BY id`,
        String(created!.id),
      );
      expect(audit.map((a) => a.action)).toEqual([
        'outage.create',
        'outage.update',
        'outage.delete',
      ]);
      expect(audit.every((a) => a.actor === 'customer:c-tsubame')).toBe(true);
      // The free-text note never reaches the audit log.
      expect(JSON.stringify(audit)).not.toContain('#A-1');
      expect(consoleErrors).toEqual([]);
    });
  });

  test.describe(`SLA ledger on ${NEAR_NOW} (${lang})`, () => {
    test.use({ locale: T.locale, hostArgs: ['--now', NEAR_NOW] });

    test('a claim deadline within the near days earns the badge; far and lapsed ones do not', async ({
      page,
      host,
      consoleErrors,
    }) => {
      const asOf = await openLedger(page, host, 'p-minato', T.nav);
      const thisMonth = `${jstDateOf(asOf).slice(0, 7)}-01`;
      const [lapsed, near, far] = [-2, -1, 0].map((k) =>
        lateMonth(host, 'c-kawasemi', asOf, addMonths(thisMonth, k).slice(0, 7)),
      );
      // The demo data of this day breaks the guarantee in each of the three months.
      for (const e of [lapsed!, near!, far!]) expect(e.credit).toBeGreaterThan(0);
      expect(near!.daysLeft).toBeGreaterThanOrEqual(0);
      expect(near!.daysLeft).toBeLessThanOrEqual(CLAIM_NEAR_DAYS);
      expect(far!.daysLeft).toBeGreaterThan(CLAIM_NEAR_DAYS);
      expect(lapsed!.daysLeft).toBeLessThan(0);

      await expect(page.getByTestId('claim-near-c-kawasemi')).toHaveText(T.claimNear);
      const deadline = (e: typeof near) =>
        page
          .getByTestId(`deadlines-c-kawasemi-iij-c-soc-${e!.month}`)
          .locator(`[data-date="${e!.deadline}"]`);
      const month = (e: typeof near) => page.getByTestId(`month-c-kawasemi-iij-c-soc-${e!.month}`);
      await expect(deadline(near)).toHaveAttribute('data-state', 'near');
      await expect(deadline(near)).toContainText(T.guaranteeBy(near!.deadline));
      await expect(deadline(near).locator('.chip-near')).toHaveText(T.near(near!.daysLeft));
      await expect(month(near)).toHaveClass(/row-near/);
      await expect(deadline(far)).toHaveAttribute('data-state', 'open');
      await expect(deadline(lapsed)).toHaveAttribute('data-state', 'lapsed');
      await expect(deadline(lapsed)).toContainText(T.lapsed);
      for (const e of [far, lapsed]) {
        await expect(month(e).locator('.chip-near')).toHaveCount(0);
        await expect(month(e)).not.toHaveClass(/row-near/);
      }
      await page.screenshot({ path: `test-results/sla-claim-near-${lang}.png`, fullPage: true });

      // Partner p-hokuto's customers have open deadlines on this day, none near: no badge.
      await page.getByRole('button', { name: T.switchProfile }).click();
      await page.getByTestId('profile-p-hokuto').click();
      await page.getByRole('link', { name: T.nav }).click();
      await expect(page.getByTestId('sla-c-hikari').locator('[data-state="open"]')).not.toHaveCount(
        0,
      );
      await expect(page.locator('[data-state="near"]')).toHaveCount(0);
      await expect(page.getByTestId('claim-near-c-hikari')).toHaveCount(0);
      expect(consoleErrors).toEqual([]);
    });
  });
}

test.describe('SLA ledger (English)', () => {
  test.use({ locale: 'en-US' });

  test('DDoS credit and Basic without a guarantee', async ({ page, host, consoleErrors }) => {
    await openLedger(page, host, 'p-hokuto', TEXT.en.nav);
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
    await page.screenshot({ path: 'test-results/sla-ddos-en.png', fullPage: true });

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
