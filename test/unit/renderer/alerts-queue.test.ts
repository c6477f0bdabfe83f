/**
 * The alert queue's store over many keyset pages: every row once, in the server's order, and work
 * per page that stays the size of a page however deep the list is (scrolling 10^6 alerts). New
 * alerts and refreshed rows change neither the selection nor the scroll position.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadedRows } from '../../../renderer/features/alerts/loaded';
import { useQueue } from '../../../renderer/features/alerts/store';
import { parseView } from '../../../renderer/features/alerts/url';
import type { SocDeskBridge } from '../../../shared/bridge';
import type { AlertRow } from '../../../shared/ops/alerts';

const PAGE = 100;
/** Each page after the first repeats the previous one's last rows (rows that moved meanwhile). */
const OVERLAP = 3;

let idReads = 0;
/** A row whose id counts its reads: the store may look at the rows it is given, not the others. */
function row(id: number, status: AlertRow['status'] = 'new'): AlertRow {
  const r: Omit<AlertRow, 'id'> = {
    source: 'cts',
    sourceId: `CTS-${id}`,
    customerId: 'c-aoba',
    module: null,
    threatClass: 'malware-comm',
    threatKind: 'c2',
    severity: 'high',
    sourceSeverity: 'High',
    important: false,
    titleJa: `アラート ${id}`,
    titleEn: `Alert ${id}`,
    detectedAt: 1_700_000_000_000 - id,
    notifiedAt: null,
    lastSeen: 1_700_000_000_000 - id,
    count: 1,
    status,
    hosts: [],
  };
  return Object.defineProperty(r, 'id', {
    enumerable: true,
    get: () => {
      idReads++;
      return id;
    },
  }) as AlertRow;
}

/** A host answering alerts.list by offset cursors over `all`, and alerts.rows / alerts.count. */
function serve(all: AlertRow[], answers: { rows?: AlertRow[]; fresh?: number } = {}) {
  const calls: string[] = [];
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const api = {
    'alerts.list': ({ cursor }: { cursor: string | null }) => {
      calls.push(`list ${cursor}`);
      const at = cursor === null ? 0 : Number(cursor);
      const from = at === 0 ? 0 : at - OVERLAP;
      const end = Math.min(all.length, at + PAGE);
      return ok({ rows: all.slice(from, end), nextCursor: end < all.length ? String(end) : null });
    },
    'alerts.count': ({ afterId }: { afterId?: number }) =>
      ok({ count: afterId === undefined ? all.length : (answers.fresh ?? 0), more: false }),
    'alerts.rows': ({ ids }: { ids: number[] }) => {
      calls.push(`rows ${ids.length}`);
      return ok(answers.rows ?? []);
    },
  };
  window.socDesk = { api, on: {} } as unknown as SocDeskBridge;
  return calls;
}

const ids = (rows: LoadedRows) => rows.slice(0).map((r) => r.id);
const settled = () => vi.waitFor(() => expect(useQueue.getState().loading).toBe(false));

beforeEach(() => {
  useQueue.setState({ key: null, selected: new Set(), scrollTop: 0 });
});

describe('alert queue store', () => {
  it('loads 400 pages with every row once, in order, each page costing a page', async () => {
    // Ids descending, as the newest-first sort returns them.
    const all = Array.from({ length: 400 * PAGE }, (_, i) => row(400 * PAGE - i));
    const calls = serve(all);
    useQueue.getState().open(parseView(new URLSearchParams('status=all'), null));
    await settled();
    const perPage: number[] = [];
    while (useQueue.getState().hasMore) {
      const before = idReads;
      await useQueue.getState().loadMore();
      perPage.push(idReads - before);
    }
    const { rows, maxId } = useQueue.getState();
    expect(calls.filter((c) => c.startsWith('list'))).toHaveLength(400);
    expect(rows.length).toBe(all.length);
    const loaded = ids(rows);
    expect(new Set(loaded).size).toBe(all.length);
    expect(loaded).toEqual(Array.from({ length: all.length }, (_, i) => all.length - i));
    expect(maxId).toBe(all.length);
    // The 400th page reads as many ids as the 2nd: those of its own 103 rows (a scan of the
    // rows loaded so far would read 39,900 here).
    expect(perPage).toHaveLength(399);
    expect(Math.max(...perPage)).toBeLessThanOrEqual(3 * (PAGE + OVERLAP));
    expect(perPage.at(-1)).toBe(perPage[0]);
    expect(rows.byId(12_345)?.titleEn).toBe('Alert 12345');
    expect(rows.at(all.length - 1)?.sourceId).toBe('CTS-1');
    expect(rows.at(all.length)).toBeUndefined();
  });

  it('keeps the selection and the scroll while pages load and new alerts arrive', async () => {
    const all = Array.from({ length: 5 * PAGE }, (_, i) => row(5 * PAGE - i));
    const changed = [row(480, 'acknowledged'), row(470, 'resolved')];
    const calls = serve(all, { rows: changed, fresh: 7 });
    const q = useQueue.getState;
    q().open(parseView(new URLSearchParams(''), null));
    await settled();
    q().toggle(490);
    q().toggle(470);
    q().setScroll(1_234);
    await q().loadMore();
    await q().loadMore();
    const before = idReads;
    await q().refresh([490, 480, 470]);
    // Only the refreshed rows are looked at, not the 300 loaded.
    expect(idReads - before).toBeLessThanOrEqual(10);
    expect(calls).toContain('rows 3');
    const s = q();
    expect(s.fresh).toEqual({ count: 7, more: false });
    expect([...s.selected]).toEqual([490, 470]);
    expect(s.scrollTop).toBe(1_234);
    expect(s.rows.length).toBe(3 * PAGE);
    expect(ids(s.rows).slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, i) => 500 - i));
    expect([s.rows.byId(480)?.status, s.rows.byId(470)?.status, s.rows.byId(490)?.status]).toEqual([
      'acknowledged',
      'resolved',
      'new',
    ]);
    expect(s.rows.at(20)?.status).toBe('acknowledged');
  });
});

describe('LoadedRows', () => {
  it('appends to the newest list only; an older one grows a copy of its own', () => {
    const a = LoadedRows.of([row(1), row(2)]);
    const b = a.append([row(2), row(3)]);
    const c = a.append([row(4)]);
    expect([ids(a), ids(b), ids(c)]).toEqual([
      [1, 2],
      [1, 2, 3],
      [1, 2, 4],
    ]);
    expect([a.byId(3), c.byId(3)?.id, b.byId(4)]).toEqual([undefined, undefined, undefined]);
    const d = b.update([row(3, 'resolved'), row(9, 'resolved')]);
    expect(d).not.toBe(b);
    expect(d.byId(3)?.status).toBe('resolved');
    expect(b.update([row(9)])).toBe(b);
  });
});
