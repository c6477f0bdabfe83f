/**
 * The alert queue and detail in both languages, checked against the host's database: counts and
 * filters, Japanese search (long and two-character words), a detail with the knowledge base,
 * ticking a recommendation, status changes (one and bulk) with their audit entries, scope.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ThreatKind } from '../../shared/catalog';
import type { KbKindEntry } from '../../shared/kb';
import { expect, openAs, test, type HostProcess } from './fixtures';

/** The knowledge base entry, read from assets/ (Playwright's loader does not import JSON). */
const kbEntry = (kind: ThreatKind): KbKindEntry =>
  JSON.parse(readFileSync(`assets/kb/${kind}.json`, 'utf8')) as KbKindEntry;

const OPEN = "('new', 'acknowledged', 'in_progress')";
const inScope = (host: HostProcess, partner: string) =>
  host
    .query<{ id: string }>('SELECT id FROM customers WHERE partner_id = ?', partner)
    .map((r) => `'${r.id}'`)
    .join(', ');
const countOf = (host: HostProcess, where: string) =>
  host.query<{ n: number }>(`SELECT count(*) AS n FROM alerts WHERE ${where}`)[0]!.n;

async function shownCount(page: Page): Promise<number> {
  const el = page.getByTestId('alert-count');
  await expect(el).not.toHaveAttribute('data-value', '');
  return Number(await el.getAttribute('data-value'));
}

async function visibleIds(page: Page): Promise<number[]> {
  await expect(page.getByTestId('alert-row').first()).toBeVisible();
  const rows = page.getByTestId('alert-row');
  const ids: number[] = [];
  for (let i = 0; i < (await rows.count()); i++)
    ids.push(Number(await rows.nth(i).getAttribute('data-id')));
  return ids;
}

test.describe('alerts in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('queue: count, severity filter in the URL, Japanese search, a bookmarked view', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    const scope = inScope(host, 'p-minato');
    await page.getByRole('link', { name: 'アラート', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'アラート' })).toBeVisible();
    expect(await shownCount(page)).toBe(
      countOf(host, `customer_id IN (${scope}) AND status IN ${OPEN}`),
    );
    await page.screenshot({ path: 'test-results/alerts-queue-ja.png', fullPage: true });

    await page.getByTestId('filter-severity-critical').click();
    await expect(page).toHaveURL(/severity=critical/);
    const critical = countOf(
      host,
      `customer_id IN (${scope}) AND status IN ${OPEN} AND severity = 'critical'`,
    );
    await expect(page.getByTestId('alert-count')).toHaveAttribute('data-value', String(critical));
    for (const chip of await page.getByTestId('alert-row').locator('.col-sev').allTextContents())
      expect(chip).toBe('緊急');

    // The URL is the view: reloading it shows the same filter.
    await page.reload();
    await expect(page.getByTestId('filter-severity-critical')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId('alert-count')).toHaveAttribute('data-value', String(critical));

    await page.getByTestId('filter-clear').click();
    await page.getByTestId('filter-status').selectOption('all');
    await page.getByTestId('alert-search').fill('ポートスキャン');
    await expect(page).toHaveURL(/q=/);
    const ids = await visibleIds(page);
    expect(ids.length).toBeGreaterThan(0);
    const rows = host.query<{ title_ja: string; customer_id: string }>(
      `SELECT title_ja, customer_id FROM alerts WHERE id IN (${ids.join(',')})`,
    );
    for (const r of rows) expect(r.title_ja + r.customer_id).toContain('ポートスキャン');

    // A two-character word: matched from the newest alerts back.
    await page.getByTestId('alert-search').fill('感染');
    await expect(page).toHaveURL(/q=%E6%84%9F%E6%9F%93/);
    const short = await visibleIds(page);
    const texts = host.query<{ t: string }>(
      `SELECT title_ja || description_ja || title_en || description_en || hosts || indicators AS t FROM alerts WHERE id IN (${short.join(',')})`,
    );
    expect(texts.length).toBe(short.length);
    for (const r of texts) expect(r.t).toContain('感染');
    expect(consoleErrors).toEqual([]);
  });

  test('detail: explanation, tick a recommendation, change the status with an audit entry', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    const scope = inScope(host, 'p-minato');
    const [a] = host.query<{ id: number; threat_kind: ThreatKind; source_id: string }>(
      `SELECT id, threat_kind, source_id FROM alerts WHERE customer_id = 'c-sakuragawa' AND source = 'cts'
       AND status = 'new' AND original_text IS NOT NULL ORDER BY detected_at DESC LIMIT 1`,
    );
    await page.goto(`${host.origin}/#/alerts?status=new&customer=c-sakuragawa`);
    await page.locator(`[data-id="${a!.id}"]`).getByRole('link').click();
    await expect(page.getByTestId('alert-detail')).toBeVisible();
    const kb = kbEntry(a!.threat_kind);
    await expect(page.getByTestId('explanation')).toContainText(kb.summary.ja);
    // CTS sends English only: its text beside the Japanese explanation.
    await expect(page.getByTestId('original-text')).toContainText('[CTS Alert]');
    await expect(page.getByTestId('impact-checks').locator('li')).toHaveCount(
      kb.impactChecks.length,
    );
    // 桜川精機 has neither UTM with URL filtering nor FW + Proxy (002 別紙2 2(3)).
    await expect(page.getByTestId('perimeter')).toBeVisible();
    await expect(page.getByTestId('attack-stage').locator('[aria-current="step"]')).toHaveCount(1);
    await expect(page.getByTestId('prepare-inquiry')).toHaveAttribute(
      'href',
      `#/desk/new?alert=${a!.id}`,
    );

    const rec = kb.recommendations[0]!;
    await page.getByTestId(`rec-${rec.id}`).check();
    await expect(page.getByTestId('checklist-progress')).toContainText(
      `1 / ${kb.recommendations.length}`,
    );
    await expect
      .poll(() =>
        host.query('SELECT recommendation_id FROM alert_checklist WHERE alert_id = ?', a!.id),
      )
      .toEqual([{ recommendation_id: rec.id }]);

    await page.getByTestId('detail-status-change-to-acknowledged').click();
    await page.getByTestId('detail-status-change-note').fill('担当者が確認しました');
    await page.getByTestId('detail-status-change-apply').click();
    await expect(page.getByTestId('detail-status')).toHaveText('確認済み');
    const [audit] = host.query<Record<string, unknown>>(
      `SELECT actor, from_value, to_value, note FROM audit_log WHERE entity = 'alert' AND entity_id = ? AND action = 'alert.status'`,
      String(a!.id),
    );
    expect(audit).toEqual({
      actor: 'partner:p-minato',
      from_value: 'new',
      to_value: 'acknowledged',
      note: '担当者が確認しました',
    });
    await expect(page.getByTestId('history')).toContainText('「新規」→「確認済み」');
    await page.screenshot({ path: 'test-results/alerts-detail-ja.png', fullPage: true });
    expect(countOf(host, `id = ${a!.id} AND customer_id IN (${scope})`)).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  test('bulk: two selected alerts acknowledged at once, each with its audit entry', async ({
    page,
    host,
  }) => {
    await openAs(page, host, 'p-minato');
    await page.goto(`${host.origin}/#/alerts?status=new`);
    const ids = (await visibleIds(page)).slice(0, 2);
    for (const id of ids) await page.locator(`[data-id="${id}"] input[type="checkbox"]`).check();
    await expect(page.getByTestId('bulk-bar')).toContainText('2 件を選択中');
    await page.getByTestId('bulk-status-to-acknowledged').click();
    await page.getByTestId('bulk-status-apply').click();
    await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
    const rows = host.query<{ status: string }>(
      `SELECT status FROM alerts WHERE id IN (${ids.join(',')})`,
    );
    expect(rows).toEqual([{ status: 'acknowledged' }, { status: 'acknowledged' }]);
    const audits = host.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'alert.status' AND entity_id IN ('${ids.join("','")}')`,
    );
    expect(audits[0]!.n).toBe(2);
  });

  test('a C-SOC important incident shows detected vs notified against 15 minutes', async ({
    page,
    host,
  }) => {
    await openAs(page, host, 'p-minato');
    const [a] = host.query<{ id: number; late: number }>(
      `SELECT id, (notified_at - detected_at) > 900000 AS late FROM alerts
       WHERE customer_id = 'c-kawasemi' AND important = 1 AND notified_at IS NOT NULL
       ORDER BY (notified_at - detected_at) > 900000 DESC, id DESC LIMIT 1`,
    );
    await page.goto(`${host.origin}/#/alerts/${a!.id}`);
    await expect(page.getByTestId('sla-verdict')).toHaveAttribute(
      'data-held',
      a!.late ? 'false' : 'true',
    );
    await expect(page.getByTestId('sla-verdict')).toContainText(
      a!.late ? '15 分を超えて' : '15 分以内に通知',
    );
  });

  test("a customer sees only its own alerts and cannot open another's", async ({ page, host }) => {
    await openAs(page, host, 'c-aoba');
    await page.goto(`${host.origin}/#/alerts?status=all`);
    expect(await shownCount(page)).toBe(countOf(host, `customer_id = 'c-aoba'`));
    const ids = await visibleIds(page);
    const others = host.query<{ n: number }>(
      `SELECT count(*) AS n FROM alerts WHERE id IN (${ids.join(',')}) AND customer_id <> 'c-aoba'`,
    );
    expect(others[0]!.n).toBe(0);
    const [foreign] = host.query<{ id: number }>(
      `SELECT id FROM alerts WHERE customer_id = 'c-kotobuki' LIMIT 1`,
    );
    await page.goto(`${host.origin}/#/alerts/${foreign!.id}`);
    await expect(page.getByText('このアラートは見つかりません')).toBeVisible();
  });
});

test.describe('alerts in English', () => {
  test.use({ locale: 'en-US' });

  test('filter by source and kind, open a detail, resolve with a note, copy the summary', async ({
    page,
    host,
    context,
    consoleErrors,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openAs(page, host, 'p-minato');
    const scope = inScope(host, 'p-minato');
    await page.goto(`${host.origin}/#/alerts?status=all`);
    await page.getByTestId('filter-source-csoc').click();
    await page.getByTestId('filter-kind').selectOption('fw-port-scan');
    await expect(page).toHaveURL(/source=csoc/);
    await expect(page).toHaveURL(/kind=fw-port-scan/);
    const n = countOf(
      host,
      `customer_id IN (${scope}) AND source = 'csoc' AND threat_kind = 'fw-port-scan'`,
    );
    await expect(page.getByTestId('alert-count')).toHaveAttribute('data-value', String(n));
    await expect(page.getByTestId('alert-count')).toContainText(
      `${n.toLocaleString('en-US')} alerts`,
    );
    await page.screenshot({ path: 'test-results/alerts-queue-en.png', fullPage: true });

    const [a] = host.query<{ id: number }>(
      `SELECT id FROM alerts WHERE customer_id IN (${scope}) AND status = 'in_progress' AND threat_kind = 'fw-port-scan' LIMIT 1`,
    );
    await page.goto(`${host.origin}/#/alerts/${a!.id}?status=all&source=csoc&kind=fw-port-scan`);
    await expect(page.getByTestId('explanation')).toContainText(kbEntry('fw-port-scan').summary.en);
    await page.getByTestId('detail-status-change-to-resolved').click();
    await expect(page.getByTestId('detail-status-change-apply')).toBeDisabled();
    await page.getByTestId('detail-status-change-note').fill('Port closed on the firewall');
    await page.getByTestId('detail-status-change-apply').click();
    await expect(page.getByTestId('detail-status')).toHaveText('Resolved');
    expect(host.query('SELECT status FROM alerts WHERE id = ?', a!.id)).toEqual([
      { status: 'resolved' },
    ]);

    await page.getByTestId('copy-summary').click();
    type Clip = { navigator: { clipboard: { readText(): Promise<string> } } };
    const text = await page.evaluate(() =>
      (globalThis as unknown as Clip).navigator.clipboard.readText(),
    );
    expect(text).toContain(kbEntry('fw-port-scan').title.ja);
    expect(text).toContain(kbEntry('fw-port-scan').title.en);
    await page.screenshot({ path: 'test-results/alerts-detail-en.png', fullPage: true });

    await page.getByRole('link', { name: 'Back to the list' }).click();
    await expect(page).toHaveURL(/kind=fw-port-scan/);
    expect(consoleErrors).toEqual([]);
  });
});
