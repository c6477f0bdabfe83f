/**
 * Helpers of the SLA ledger e2e (sla.spec.ts): what the ledger must say for a month computed from
 * the host's database with shared/rules, and each language's texts (locales/<lang>/sla.json).
 */
import type { Page } from '@playwright/test';
import {
  availabilityBreached,
  dayNumber,
  guaranteeClaimDeadline,
  jstDateOf,
  monthlyCredit,
  notifiedWithinSla,
} from '../../shared/rules';
import { formatDate } from '../../shared/time';
import { expect, openAs, type HostProcess } from './fixtures';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One month of a customer's C-SOC ledger — by default the latest in which an important incident
 * was notified after 15 minutes — and what the ledger must say for it, from the database rows.
 */
export function lateMonth(host: HostProcess, customerId: string, asOf: number, month?: string) {
  const alerts = host.query<{ module: string; detected_at: number; notified_at: number }>(
    `SELECT module, detected_at, notified_at FROM alerts
     WHERE customer_id = ? AND source = 'csoc' AND important = 1 AND detected_at <= ?`,
    customerId,
    asOf,
  );
  const monthOf = (ms: number) => jstDateOf(ms).slice(0, 7);
  const late = (a: (typeof alerts)[number]) =>
    !notifiedWithinSla({ detectedAt: iso(a.detected_at), notifiedAt: iso(a.notified_at) });
  month ??= alerts
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
  const deadline = guaranteeClaimDeadline({ month });
  return {
    month,
    important: inMonth.length,
    within: inMonth.length - inMonth.filter(late).length,
    late: inMonth.filter(late).length,
    credit,
    deadline,
    daysLeft: dayNumber(deadline) - dayNumber(jstDateOf(asOf)),
  };
}

export const asOfOf = async (page: Page) =>
  Number(await page.getByTestId('as-of').getAttribute('data-value'));

/** Opens the app as `profileId`, then the SLA ledger from the menu; returns the ledger's "as of". */
export async function openLedger(page: Page, host: HostProcess, profileId: string, nav: string) {
  await openAs(page, host, profileId);
  await page.getByRole('link', { name: nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: nav })).toBeVisible();
  return asOfOf(page);
}

/** "2026-10" as each language names a month ("2026年10月", "Oct 2026"). */
const monthNameIn = (lang: 'ja' | 'en', m: string) =>
  lang === 'ja'
    ? `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`
    : `${new Date(`${m}-01T00:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${m.slice(0, 4)}`;

/** What each language's screen says (locales/<lang>/sla.json), for the tests of both. */
export const TEXT = {
  ja: {
    locale: 'ja-JP',
    nav: 'SLA 台帳',
    notified: (within: number, total: number) => `${within} / ${total} 件`,
    late: (n: number) => `遅延 ${n} 件`,
    yen: (n: number) => `${n.toLocaleString('ja-JP')} 円`,
    guaranteeBy: (date: string) => `品質保証違背の減額：${formatDate(date)} まで`,
    showDetail: (month: string) => `${monthNameIn('ja', month)}の内訳を表示`,
    claimNear: '請求期限が近い減額があります',
    near: (days: number) => `期限間近 · あと ${days} 日`,
    lapsed: '期限切れ',
    switchProfile: '利用者を切り替える',
    createTitle: '障害を記録する',
    editTitle: '障害の記録を編集する',
    startedAt: '発生日時',
    endedAt: '復旧日時',
    note: 'メモ',
    save: '保存する',
    endBeforeStart: '復旧日時は発生日時より後にしてください。',
    saved: '障害の記録を保存しました',
    hours: (h: number) => `${h} 時間`,
    edit: '編集',
    history: '変更履歴',
    actions: ['記録', '変更'],
    close: '閉じる',
    delete: '削除',
    confirmTitle: '障害の記録を削除しますか？',
    cancel: 'キャンセル',
    confirmOk: '削除する',
  },
  en: {
    locale: 'en-US',
    nav: 'SLA ledger',
    notified: (within: number, total: number) => `${within} of ${total}`,
    late: (n: number) => `${n} late`,
    yen: (n: number) => `¥${n.toLocaleString('en-US')}`,
    guaranteeBy: (date: string) => `Guarantee breach reduction: by ${formatDate(date)}`,
    showDetail: (month: string) => `Show the details of ${monthNameIn('en', month)}`,
    claimNear: 'A reduction must be claimed soon',
    near: (days: number) => `Due soon · ${days} ${days === 1 ? 'day' : 'days'} left`,
    lapsed: 'Lapsed',
    switchProfile: 'Switch profile',
    createTitle: 'Record an outage',
    editTitle: 'Edit the outage',
    startedAt: 'Started',
    endedAt: 'Restored',
    note: 'Note',
    save: 'Save',
    endBeforeStart: 'The restore time must be after the start.',
    saved: 'The outage was saved',
    hours: (h: number) => `${h} h`,
    edit: 'Edit',
    history: 'History',
    actions: ['Recorded', 'Changed'],
    close: 'Close',
    delete: 'Delete',
    confirmTitle: 'Delete this outage?',
    cancel: 'Cancel',
    confirmOk: 'Delete',
  },
} as const;
