/**
 * The queue's pages against a plain reference: every filter and sort, paged with keyset cursors
 * to the end, must give exactly the rows (and order) a JavaScript filter and sort of the whole
 * table gives. Also search (long and short words, rows not yet in the index) and counts.
 */
import { describe, expect, it } from 'vitest';
import { catchUpAll } from '../../../electron/services/alerts/derived';
import { alertWriter } from '../../../electron/store/alerts';
import type { SEVERITIES } from '../../../shared/catalog';
import { OPEN_ALERT_STATUSES, classOfKind, type ThreatKind } from '../../../shared/catalog';
import type { AlertFilter, AlertPage, AlertSort } from '../../../shared/ops/alerts';
import { SEVERITY_RANK } from '../../../shared/severity';
import { DAY_MS, jstMidnight } from '../../../shared/time';
import { FIXED_NOW } from '../helpers';
import { alertsApp, value, type AlertsApp } from './helpers';

interface Ref {
  id: number;
  customer_id: string;
  source: string;
  module: string | null;
  threat_class: string;
  threat_kind: ThreatKind;
  severity: (typeof SEVERITIES)[number];
  status: string;
  detected_at: number;
  text: string;
  hosts: string;
}

const refRows = (app: AlertsApp): Ref[] =>
  app.db
    .prepare(
      `SELECT id, customer_id, source, module, threat_class, threat_kind, severity, status, detected_at, hosts,
         title_ja || char(1) || title_en || char(1) || description_ja || char(1) || description_en
           || char(1) || hosts || char(1) || indicators AS text FROM alerts`,
    )
    .all() as Ref[];

function reference(rows: Ref[], scope: string[], f: AlertFilter, sort: AlertSort): number[] {
  const has = <T>(a: readonly T[] | undefined, v: T) => !a || a.length === 0 || a.includes(v);
  const words = (f.q ?? '').normalize('NFKC').split(/\s+/).filter(Boolean);
  const out = rows.filter(
    (r) =>
      scope.includes(r.customer_id) &&
      (!f.customerId || r.customer_id === f.customerId) &&
      has(f.sources, r.source as 'cts') &&
      has(f.modules, r.module as 'swg') &&
      has(f.classes, classOfKind(r.threat_kind)) &&
      has(f.kinds, r.threat_kind) &&
      has(f.severities, r.severity) &&
      has(f.statuses, r.status as 'new') &&
      (!f.host || (JSON.parse(r.hosts) as string[]).includes(f.host)) &&
      (!f.from || r.detected_at >= jstMidnight(f.from)) &&
      (!f.to || r.detected_at < jstMidnight(f.to) + DAY_MS) &&
      words.every((w) => r.text.toLowerCase().includes(w.toLowerCase())),
  );
  if (f.q) return out.sort((a, b) => b.id - a.id).map((r) => r.id);
  const cmp: Record<AlertSort, (a: Ref, b: Ref) => number> = {
    newest: (a, b) => b.detected_at - a.detected_at || b.id - a.id,
    oldest: (a, b) => a.detected_at - b.detected_at || a.id - b.id,
    severity: (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.detected_at - a.detected_at ||
      b.id - a.id,
  };
  return out.sort(cmp[sort]).map((r) => r.id);
}

async function walk(
  app: AlertsApp,
  filter: AlertFilter,
  sort: AlertSort,
  limit = 37,
): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const page: AlertPage = await value<AlertPage>(app, 'alerts.list', {
      filter,
      sort,
      cursor,
      limit,
    });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor;
    if (cursor === null) return ids;
  }
  throw new Error('too many pages');
}

const scopeOf = (app: AlertsApp) =>
  app.db
    .prepare(`SELECT id FROM customers WHERE partner_id = 'p-minato'`)
    .pluck()
    .all() as string[];
const host = (app: AlertsApp, c: string, rank: 'common' | 'rare') =>
  app.db
    .prepare(
      `SELECT host FROM alert_hosts WHERE customer_id = ? GROUP BY host ORDER BY count(*) ${rank === 'common' ? 'DESC' : 'ASC'}, host LIMIT 1`,
    )
    .pluck()
    .get(c) as string;

describe('alerts.list', () => {
  it('pages every view exactly like a reference filter and sort', async () => {
    const app = await alertsApp();
    const rows = refRows(app);
    const scope = scopeOf(app);
    const day = (offset: number) =>
      new Date(FIXED_NOW + 9 * 3600_000 - offset * DAY_MS).toISOString().slice(0, 10);
    const filters: AlertFilter[] = [
      { customerId: null },
      { customerId: null, statuses: [...OPEN_ALERT_STATUSES] },
      { customerId: null, statuses: ['new'] },
      { customerId: null, severities: ['critical', 'high'] },
      { customerId: null, sources: ['csoc'] },
      { customerId: null, modules: ['firewall', 'swg'] },
      { customerId: null, classes: ['malicious-site'] },
      { customerId: null, kinds: ['c2', 'ransomware'] },
      { customerId: 'c-kawasemi', statuses: ['resolved'], severities: ['low', 'medium'] },
      { customerId: null, from: day(10), to: day(3) },
      { customerId: null, host: host(app, 'c-sakuragawa', 'common') },
      {
        customerId: null,
        host: host(app, 'c-aoba', 'rare'),
        statuses: ['new', 'resolved', 'false_positive', 'acknowledged', 'in_progress'],
      },
      { customerId: 'c-aoba', sources: ['csoc'] },
      { customerId: null, statuses: ['new'], severities: ['info'], kinds: ['tor'], from: day(30) },
    ];
    for (const filter of filters) {
      for (const sort of ['newest', 'oldest', 'severity'] as const) {
        const expected = reference(rows, scope, filter, sort);
        expect({ filter, sort, ids: await walk(app, filter, sort) }).toEqual({
          filter,
          sort,
          ids: expected,
        });
      }
    }
  });

  it('counts exactly from the rollups, and says when it cannot', async () => {
    const app = await alertsApp();
    const rows = refRows(app);
    const scope = scopeOf(app);
    const cases: Array<[AlertFilter, boolean]> = [
      [{ customerId: null }, true],
      [{ customerId: null, statuses: ['new'], severities: ['high'], kinds: ['c2'] }, true],
      [
        {
          customerId: null,
          from: '2026-11-01',
          to: '2026-11-15',
          classes: ['recon'],
          sources: ['cts'],
        },
        true,
      ],
      [{ customerId: null, from: '2026-11-01', statuses: ['new'] }, false],
      [{ customerId: null, q: 'C&C' }, false],
    ];
    for (const [filter, exact] of cases) {
      const c = await value<{ count: number | null }>(app, 'alerts.count', { filter });
      expect(c.count).toBe(exact ? reference(rows, scope, filter, 'newest').length : null);
    }
  });

  it('searches Japanese and English, short words too, and rows not yet indexed', async () => {
    const app = await alertsApp();
    catchUpAll(app.db);
    // New rows the index has not folded in yet (another writer's): found all the same.
    const write = alertWriter(app.db);
    app.db.transaction(() => {
      for (const [i, title] of [
        '感染拡大の疑いがある通信',
        'Lateral movement suspected',
      ].entries()) {
        write({
          sourceId: `TAIL-${i}`,
          source: 'cts',
          customerId: 'c-aoba',
          module: null,
          threatClass: 'malware-comm',
          threatKind: 'lateral-movement',
          severity: 'high',
          sourceSeverity: 'High',
          important: false,
          titleJa: title,
          titleEn: title,
          descriptionJa: '',
          descriptionEn: '',
          originalText: null,
          detectedAt: FIXED_NOW - 1000,
          notifiedAt: null,
          firstSeen: FIXED_NOW - 1000,
          lastSeen: FIXED_NOW - 1000,
          count: 1,
          status: 'new',
          killChain: null,
          tactic: null,
          hosts: ['AOB-PC-TAIL-001'],
          indicators: [],
          communications: [],
        });
      }
    })();
    const rows = refRows(app);
    const scope = scopeOf(app);
    for (const q of [
      'ポートスキャン',
      'C&C',
      '通信',
      '感染',
      'lateral MOVEMENT',
      'KEIRI 通信',
      'example',
      '不正 PC',
      'zzz-none',
    ]) {
      const filter: AlertFilter = {
        customerId: null,
        q,
        statuses: ['new', 'acknowledged', 'in_progress', 'resolved', 'false_positive'],
      };
      expect({ q, ids: await walk(app, filter, 'newest', 50) }).toEqual({
        q,
        ids: reference(rows, scope, filter, 'newest'),
      });
    }
  });

  it('refuses another partner’s customer and a forged cursor', async () => {
    const app = await alertsApp();
    expect(
      await app.dispatch('alerts.list', { filter: { customerId: 'c-kotobuki' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await app.dispatch('alerts.list', { filter: { customerId: null }, cursor: 'eyJrIjoieCJ9' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'cursor' }] },
    });
  });
});
