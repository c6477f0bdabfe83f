/**
 * One alert's screen in both languages, against the host's database: the knowledge base's
 * explanation beside the CTS English, the record (communications column by column, hosts, first
 * and last seen, attack stage), ticking a recommendation, status changes with their audit entry,
 * and the 15-minute check of C-SOC important incidents.
 */
import type { ThreatKind } from '../../shared/catalog';
import { expect, openAs, test } from './fixtures';
import { expectRecord, inScope, kbEntry, countOf } from './alerts-helpers';

test.describe('alert detail in Japanese', () => {
  test.use({ locale: 'ja-JP' });

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
    await expectRecord(page, host, a!.id, 'ja');
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
});

test.describe('alert detail in English', () => {
  test.use({ locale: 'en-US' });

  test('the record column by column, and ticking a recommendation saved for the alert', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await openAs(page, host, 'p-minato');
    const [a] = host.query<{ id: number; threat_kind: ThreatKind }>(
      `SELECT a.id, a.threat_kind FROM alerts a WHERE a.customer_id = 'c-kawasemi'
       AND a.source = 'csoc' AND a.kill_chain IS NOT NULL AND a.tactic IS NOT NULL
       AND (SELECT count(*) FROM communications c WHERE c.alert_id = a.id) > 3
       AND NOT EXISTS (SELECT 1 FROM alert_checklist k WHERE k.alert_id = a.id)
       ORDER BY a.detected_at DESC LIMIT 1`,
    );
    await page.goto(`${host.origin}/#/alerts/${a!.id}`);
    const kb = kbEntry(a!.threat_kind);
    await expect(page.getByTestId('explanation')).toContainText(kb.summary.en);
    await expectRecord(page, host, a!.id, 'en');

    const total = kb.recommendations.length;
    await expect(page.getByTestId('checklist-progress')).toHaveText(`0 of ${total} done`);
    const rec = kb.recommendations.at(-1)!;
    await page.getByTestId(`rec-${rec.id}`).check();
    await expect(page.getByTestId('checklist-progress')).toHaveText(`1 of ${total} done`);
    await expect
      .poll(() =>
        host.query('SELECT recommendation_id FROM alert_checklist WHERE alert_id = ?', a!.id),
      )
      .toEqual([{ recommendation_id: rec.id }]);
    await expect(page.getByTestId('history')).toContainText(`marked “${rec.en}” done`);
    // Saved for this alert: it is still ticked when the screen is opened again.
    await page.reload();
    await expect(page.getByTestId(`rec-${rec.id}`)).toBeChecked();
    await expect(page.getByTestId('checklist-progress')).toHaveText(`1 of ${total} done`);
    await page.screenshot({ path: 'test-results/alerts-detail-record-en.png', fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
