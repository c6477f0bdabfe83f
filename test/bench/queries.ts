/** Query latencies through the real dispatcher: queue pages, filters, search, dashboard. */
import type { AppServices } from '../../electron/services/app';
import type { AlertFilter, AlertPage } from '../../shared/ops/alerts';
import type { Result } from '../../shared/result';

export function p95(samples: readonly number[]): number {
  if (samples.length === 0) return 0;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

type Sort = 'newest' | 'oldest' | 'severity';

/** Times the first page and `pages - 1` keyset pages after it. */
async function walk(
  app: AppServices,
  filter: AlertFilter,
  sort: Sort,
  pages: number,
  out: number[],
) {
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const t = performance.now();
    const r = (await app.dispatch('alerts.list', {
      filter,
      sort,
      cursor,
      limit: 100,
    })) as Result<AlertPage>;
    out.push(performance.now() - t);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    cursor = r.value.nextCursor;
    if (!cursor) break;
  }
}

export async function measureQueries(app: AppServices): Promise<Record<string, number>> {
  const customers = app.db
    .prepare('SELECT id FROM customers ORDER BY id')
    .pluck()
    .all() as string[];
  const scopes: Array<string | null> = [null, ...customers];
  // Warm the page cache the way a user's first screens would.
  await walk(app, { customerId: null }, 'newest', 3, []);

  const list: number[] = [];
  for (const customerId of scopes) {
    for (const sort of ['newest', 'oldest', 'severity'] as Sort[]) {
      await walk(app, { customerId }, sort, 10, list);
    }
  }

  const topHost = app.db
    .prepare('SELECT host FROM alert_host_days GROUP BY host ORDER BY sum(n) DESC LIMIT 1')
    .pluck()
    .get() as string;
  const filters: AlertFilter[] = [
    { customerId: null, statuses: ['new', 'acknowledged', 'in_progress'] },
    { customerId: null, statuses: ['new'] },
    { customerId: null, severities: ['critical', 'high'] },
    { customerId: null, sources: ['csoc'] },
    { customerId: null, classes: ['malware-comm'] },
    { customerId: null, kinds: ['ransomware'] },
    { customerId: null, modules: ['swg'] },
    { customerId: null, host: topHost },
    { customerId: null, from: '2026-11-16', to: '2026-11-22' },
    { customerId: null, statuses: ['new'], severities: ['high'], classes: ['malicious-site'] },
    { customerId: customers[0]!, statuses: ['in_progress'], sources: ['cts'] },
    { customerId: customers[1]!, severities: ['critical'], from: '2026-10-01', to: '2026-10-31' },
  ];
  const filtered: number[] = [];
  for (const filter of filters) {
    await walk(app, filter, 'newest', 5, filtered);
    await walk(app, filter, 'severity', 2, filtered);
  }

  const searched: number[] = [];
  const terms = [
    'C&C',
    'ランサムウェア',
    'ポートスキャン',
    'Tor ',
    'cdn-update-check',
    'KEIRI',
    'phishing',
    '203.0.113',
    'フィッシング',
    'SV-WEB01',
  ];
  for (const q of terms) await walk(app, { customerId: null, q }, 'newest', 3, searched);
  for (const q of ['C&C', 'ランサムウェア'])
    await walk(app, { customerId: customers[2]!, q }, 'newest', 2, searched);
  const short: number[] = [];
  for (const q of ['通信', '感染', 'C2', 'PC'])
    await walk(app, { customerId: null, q }, 'newest', 3, short);

  const counts: number[] = [];
  for (const filter of filters.slice(0, 7)) {
    const t = performance.now();
    await app.dispatch('alerts.count', { filter });
    counts.push(performance.now() - t);
  }

  const dashboard: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const customerId of scopes) {
      for (const days of [30, 90] as const) {
        const t = performance.now();
        const r = await app.dispatch('dashboard.summary', { customerId, days });
        dashboard.push(performance.now() - t);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      }
    }
  }
  return {
    list_page_p95_ms: p95(list),
    filter_page_p95_ms: p95(filtered),
    search_p95_ms: p95(searched),
    search_short_p95_ms: p95(short),
    count_p95_ms: p95(counts),
    dashboard_p95_ms: p95(dashboard),
    dashboard_max_ms: Math.max(...dashboard),
  };
}
