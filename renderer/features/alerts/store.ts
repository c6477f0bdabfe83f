/**
 * The alert queue's state: the rows loaded so far for the current view (keyset pages), the
 * selection (by id, so it survives reloads), the scroll position (restored when coming back from
 * a detail), and what arrived since. New alerts never reset the list: rows shown are refreshed in
 * place and a notice offers to reload from the top.
 */
import { create } from 'zustand';
import type { AlertStatus } from '../../../shared/catalog';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';
import { LoadedRows } from './loaded';
import { viewKey, type QueueView } from './url';

const PAGE = 100;

interface QueueState {
  key: string | null;
  view: QueueView | null;
  rows: LoadedRows;
  cursor: string | null;
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  count: number | null;
  /** Highest id among the rows when the view was (re)loaded: "new" means above it. */
  maxId: number;
  fresh: { count: number; more: boolean } | null;
  selected: ReadonlySet<number>;
  scrollTop: number;
  open: (view: QueueView) => void;
  reload: () => void;
  loadMore: () => Promise<void>;
  refresh: (visible: readonly number[]) => Promise<void>;
  toggle: (id: number) => void;
  selectAll: (ids: readonly number[]) => void;
  clearSelection: () => void;
  setStatus: (
    ids: readonly number[],
    status: AlertStatus,
    note: string,
  ) => Promise<ApiError | null>;
  setScroll: (top: number) => void;
}

let generation = 0;

export const useQueue = create<QueueState>((set, get) => {
  const first = async (view: QueueView) => {
    const gen = ++generation;
    set({ loading: true, error: null });
    const [page, count] = await Promise.all([
      call('alerts.list', { filter: view.filter, sort: view.sort, cursor: null, limit: PAGE }),
      call('alerts.count', { filter: view.filter }),
    ]);
    if (gen !== generation) return;
    if (!page.ok)
      return set({ loading: false, error: page.error, rows: LoadedRows.of(), hasMore: false });
    const rows = page.value.rows;
    set({
      loading: false,
      rows: LoadedRows.of(rows),
      cursor: page.value.nextCursor,
      hasMore: page.value.nextCursor !== null,
      count: count.ok ? count.value.count : null,
      maxId: Math.max(0, ...rows.map((r) => r.id)),
      fresh: null,
    });
  };

  return {
    key: null,
    view: null,
    rows: LoadedRows.of(),
    cursor: null,
    hasMore: false,
    loading: false,
    error: null,
    count: null,
    maxId: 0,
    fresh: null,
    selected: new Set(),
    scrollTop: 0,
    open: (view) => {
      const key = viewKey(view);
      if (key === get().key && !get().error) return;
      set({
        key,
        view,
        rows: LoadedRows.of(),
        cursor: null,
        hasMore: false,
        count: null,
        scrollTop: 0,
      });
      void first(view);
    },
    reload: () => {
      const { view } = get();
      if (!view) return;
      set({ scrollTop: 0 });
      void first(view);
    },
    loadMore: async () => {
      const { view, cursor, loading, hasMore } = get();
      if (!view || loading || !hasMore || cursor === null) return;
      const gen = generation;
      set({ loading: true });
      const r = await call('alerts.list', {
        filter: view.filter,
        sort: view.sort,
        cursor,
        limit: PAGE,
      });
      if (gen !== generation) return;
      if (!r.ok) return set({ loading: false, error: r.error });
      // O(page): the list appends without copying and dedupes through its id index.
      set({
        loading: false,
        rows: get().rows.append(r.value.rows),
        cursor: r.value.nextCursor,
        hasMore: r.value.nextCursor !== null,
        maxId: r.value.rows.reduce((m, x) => Math.max(m, x.id), get().maxId),
      });
    },
    refresh: async (visible) => {
      const { view, maxId } = get();
      if (!view) return;
      const gen = generation;
      const [rows, fresh] = await Promise.all([
        visible.length > 0 ? call('alerts.rows', { ids: [...visible].slice(0, 1000) }) : null,
        call('alerts.count', { filter: view.filter, afterId: maxId }),
      ]);
      if (gen !== generation) return;
      // In place: the rows on screen change, the list, the selection and the scroll do not.
      if (rows?.ok) set({ rows: get().rows.update(rows.value) });
      if (fresh.ok && fresh.value.count !== null && fresh.value.count > 0) {
        set({ fresh: { count: fresh.value.count, more: fresh.value.more } });
      }
    },
    toggle: (id) => {
      const next = new Set(get().selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      set({ selected: next });
    },
    selectAll: (ids) => set({ selected: new Set([...get().selected, ...ids]) }),
    clearSelection: () => set({ selected: new Set() }),
    setStatus: async (ids, status, note) => {
      const r = await call('alerts.setStatus', { ids: [...ids], status, note });
      if (!r.ok) return r.error;
      const { rows } = get();
      const changed = ids.flatMap((id) => {
        const row = rows.byId(id);
        return row ? [{ ...row, status }] : [];
      });
      set({ rows: rows.update(changed) });
      return null;
    },
    setScroll: (top) => set({ scrollTop: top }),
  };
});
