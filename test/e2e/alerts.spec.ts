/**
 * The alert queue in both languages, checked against the host's database: counts and filters,
 * Japanese search (long and two-character words) from either language, bookmarked views, status
 * changes (one and bulk) with their audit entries, scope. The detail screen: alerts-detail.spec.ts.
 */
import { dayToIsoDate } from '../../shared/time';
import { expect, openAs, test } from './fixtures';
import {
  countOf,
  inScope,
  kbEntry,
  matching,
  OPEN,
  shownCount,
  visibleIds,
} from './alerts-helpers';

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

  test('Japanese words searched from the English screen, a long one and a two-character one', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    const scope = inScope(host, 'p-minato');
    await page.goto(`${host.origin}/#/alerts?status=all`);
    for (const word of ['ポートスキャン', '感染']) {
      await page.getByTestId('alert-search').fill(word);
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word)}`));
      // The list shown is the database's matches, newest stored first, none missing between.
      const [newest] = matching(host, scope, word, 1);
      await expect(page.getByTestId('alert-row').first()).toHaveAttribute(
        'data-id',
        String(newest),
      );
      const ids = await visibleIds(page);
      expect(ids.length).toBeGreaterThan(3);
      expect(ids).toEqual(matching(host, scope, word, ids.length));
    }
    expect(consoleErrors).toEqual([]);
  });

  test('a bookmarked view with module, host and dates opens with those filters applied', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    const scope = inScope(host, 'p-minato');
    const of = `FROM alerts a JOIN alert_hosts h ON h.alert_id = a.id
      WHERE a.customer_id IN (${scope}) AND a.module IS NOT NULL`;
    const [pick] = host.query<{ module: string; host: string; n: number }>(
      `SELECT a.module, h.host, count(*) AS n ${of}
       GROUP BY a.module, h.host HAVING count(DISTINCT a.day) >= 4 ORDER BY n DESC LIMIT 1`,
    );
    const days = host
      .query<{ day: number }>(
        `SELECT DISTINCT a.day ${of} AND a.module = ? AND h.host = ? ORDER BY a.day`,
        pick!.module,
        pick!.host,
      )
      .map((r) => r.day);
    // Inside the host's first and last day, so the dates leave some of its alerts out.
    const [first, last] = [days[1]!, days.at(-2)!];
    const expected = host
      .query<{ id: number }>(
        `SELECT a.id ${of} AND a.module = ? AND h.host = ? AND a.day BETWEEN ? AND ?
         ORDER BY a.detected_at DESC, a.id DESC`,
        pick!.module,
        pick!.host,
        first,
        last,
      )
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(pick!.n);
    const [from, to] = [dayToIsoDate(first), dayToIsoDate(last)];
    const query = new URLSearchParams({
      status: 'all',
      module: pick!.module,
      host: pick!.host,
      from,
      to,
    });
    await page.goto(`${host.origin}/#/alerts?${query.toString()}`);
    await expect(page.getByTestId('filter-module')).toHaveValue(pick!.module);
    await expect(page.getByTestId('filter-host')).toHaveValue(pick!.host);
    await expect(page.getByTestId('filter-from')).toHaveValue(from);
    await expect(page.getByTestId('filter-to')).toHaveValue(to);
    await expect(page.getByTestId('filter-status')).toHaveValue('all');
    await expect(page.getByTestId('alert-count')).toHaveText(`Showing ${expected.length}`);
    const ids = await visibleIds(page);
    expect(ids).toEqual(expected.slice(0, ids.length));
    await page.screenshot({ path: 'test-results/alerts-bookmark-en.png', fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
