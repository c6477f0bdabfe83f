/**
 * Shared by the alert e2e specs: the knowledge base and the labels as the app ships them, the
 * host's database in SQL terms (scope, counts, search matches), and the record side of a detail
 * checked cell by cell against the stored alert.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Language, ThreatKind } from '../../shared/catalog';
import type { Communication } from '../../shared/domain/alert';
import type { KbKindEntry } from '../../shared/kb';
import { formatDateTime } from '../../shared/time';
import { expect, type HostProcess } from './fixtures';

/** Read from assets/ and locales/ (Playwright's loader does not import JSON). */
export const kbEntry = (kind: ThreatKind): KbKindEntry =>
  JSON.parse(readFileSync(`assets/kb/${kind}.json`, 'utf8')) as KbKindEntry;
type Labels = {
  detail: Record<string, string>;
  action: Record<string, string>;
  killChain: Record<string, string>;
};
export const labels = (lang: Language): Labels =>
  JSON.parse(readFileSync(`locales/${lang}/alerts.json`, 'utf8')) as Labels;

export const OPEN = "('new', 'acknowledged', 'in_progress')";
export const inScope = (host: HostProcess, partner: string) =>
  host
    .query<{ id: string }>('SELECT id FROM customers WHERE partner_id = ?', partner)
    .map((r) => `'${r.id}'`)
    .join(', ');
export const countOf = (host: HostProcess, where: string) =>
  host.query<{ n: number }>(`SELECT count(*) AS n FROM alerts WHERE ${where}`)[0]!.n;

/** Ids of the alerts a search word finds, newest stored first (as search hits come). */
export const matching = (host: HostProcess, scope: string, word: string, limit: number) => {
  const columns = [
    'title_ja',
    'title_en',
    'description_ja',
    'description_en',
    'hosts',
    'indicators',
  ];
  return host
    .query<{ id: number }>(
      `SELECT id FROM alerts WHERE customer_id IN (${scope})
       AND (${columns.map((c) => `${c} LIKE ?`).join(' OR ')}) ORDER BY id DESC LIMIT ?`,
      ...columns.map(() => `%${word}%`),
      limit,
    )
    .map((r) => r.id);
};

export async function shownCount(page: Page): Promise<number> {
  const el = page.getByTestId('alert-count');
  await expect(el).not.toHaveAttribute('data-value', '');
  return Number(await el.getAttribute('data-value'));
}

export async function visibleIds(page: Page): Promise<number[]> {
  await expect(page.getByTestId('alert-row').first()).toBeVisible();
  const rows = page.getByTestId('alert-row');
  const ids: number[] = [];
  for (let i = 0; i < (await rows.count()); i++)
    ids.push(Number(await rows.nth(i).getAttribute('data-id')));
  return ids;
}

/**
 * The detail on screen shows the stored record: each communication's seven columns in time
 * order, the affected hosts, first/last seen and the kill-chain phase and tactic.
 */
export async function expectRecord(page: Page, host: HostProcess, id: number, lang: Language) {
  const l = labels(lang);
  const [a] = host.query<{
    hosts: string;
    first_seen: number;
    last_seen: number;
    count: number;
    kill_chain: string | null;
    tactic: string | null;
  }>('SELECT hosts, first_seen, last_seen, count, kill_chain, tactic FROM alerts WHERE id = ?', id);
  const comms = host.query<Communication>(
    'SELECT at, src, dst, port, protocol, url, action FROM communications WHERE alert_id = ? ORDER BY at, id',
    id,
  );
  expect(comms.length).toBeGreaterThan(1);
  const table = page.getByTestId('communications');
  await expect(table.locator('thead th')).toHaveText(
    ['at', 'src', 'dst', 'port', 'protocol', 'url', 'action'].map((k) => l.detail[k]!),
  );
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(comms.length);
  for (const [i, c] of comms.entries())
    await expect(rows.nth(i).locator('td')).toHaveText([
      formatDateTime(c.at),
      c.src,
      c.dst,
      c.port === null ? '—' : String(c.port),
      c.protocol,
      c.url ?? '—',
      l.action[c.action]!,
    ]);
  await expect(page.getByTestId('affected-hosts').locator('li')).toHaveText(
    JSON.parse(a!.hosts) as string[],
  );
  const facts = page.getByTestId('facts');
  await expect(facts).toContainText(`${l.detail.firstSeen}${formatDateTime(a!.first_seen)}`);
  await expect(facts).toContainText(`${l.detail.lastSeen}${formatDateTime(a!.last_seen)}`);
  const times =
    lang === 'ja' ? 'countValue' : a!.count === 1 ? 'countValue_one' : 'countValue_other';
  const n = a!.count.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  await expect(facts).toContainText(`${l.detail.count}${l.detail[times]!.replace('{{n}}', n)}`);
  const stage = page.getByTestId('attack-stage');
  if (a!.kill_chain)
    await expect(stage.locator('[aria-current="step"]')).toContainText(l.killChain[a!.kill_chain]!);
  if (a!.tactic) await expect(stage.locator('.tactic')).toContainText(a!.tactic);
}
