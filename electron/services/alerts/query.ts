/** One page of a view (list or search) and its count, shared by the queue and the CSV export. */
import type { AlertCount, AlertSort } from '../../../shared/ops/alerts';
import type { Db } from '../../store/database';
import { decodeCursor, encodeCursor, nothing, type Resolved } from './filter';
import { dayTotal, facetTotal, facets, pageHits } from './list';
import { countAfter, searchPage } from './search';

export interface IdPage {
  ids: number[];
  nextCursor: string | null;
}

/** Ids of one page in the view's order. A search is always newest-stored first (rowid order). */
export function queryPage(
  db: Db,
  r: Resolved,
  sort: AlertSort,
  cursor: string | null,
  limit: number,
): IdPage {
  if (nothing(r)) return { ids: [], nextCursor: null };
  if (r.long.length > 0 || r.short.length > 0) {
    const c = decodeCursor(cursor, 'i');
    const page = searchPage(db, r, c?.k === 'i' ? c.id : null, limit);
    return {
      ids: page.ids,
      nextCursor: page.next === null ? null : encodeCursor({ k: 'i', id: page.next }),
    };
  }
  const c = decodeCursor(cursor, sort === 'severity' ? 's' : 'd');
  if (cursor === null && r.fromMs === null && r.toMs === null && r.host === null) {
    // The rollup says when nothing matches: no index scan at all.
    if (facetTotal(facets(db, r.customers), r) === 0) return { ids: [], nextCursor: null };
  }
  const hits = pageHits(db, r, sort, c, limit);
  const page = hits.slice(0, limit);
  const lastHit = page.at(-1);
  const nextCursor =
    hits.length > limit && lastHit
      ? encodeCursor(
          sort === 'severity'
            ? { k: 's', r: lastHit.r, t: lastHit.t, id: lastHit.id }
            : { k: 'd', t: lastHit.t, id: lastHit.id },
        )
      : null;
  return { ids: page.map((h) => h.id), nextCursor };
}

/**
 * The number of alerts in a view when a rollup can say it exactly: without dates from
 * `alert_facets`; with dates from `alert_day_counts` when the only other filters are source and
 * class. Otherwise null (the queue then shows how many it has loaded).
 */
export function viewCount(
  db: Db,
  r: Resolved,
  f: {
    sources?: string[] | undefined;
    classes?: string[] | undefined;
    modules?: unknown[] | undefined;
    kinds?: unknown[] | undefined;
  },
  afterId?: number,
): AlertCount {
  if (nothing(r)) return { count: 0, more: false };
  if (afterId !== undefined) return countAfter(db, r, afterId);
  if (r.long.length > 0 || r.short.length > 0 || r.host !== null)
    return { count: null, more: false };
  if (r.fromMs === null && r.toMs === null) {
    return { count: facetTotal(facets(db, r.customers), r), more: false };
  }
  const plain = (a: unknown[] | undefined) => !a || a.length === 0;
  if (r.statuses === null && r.severities === null && plain(f.modules) && plain(f.kinds)) {
    const list = (a: string[] | undefined) => (a && a.length > 0 ? a : null);
    return { count: dayTotal(db, r, list(f.classes), list(f.sources)), more: false };
  }
  return { count: null, more: false };
}
