/** One alert's screen: its detail, status changes and the recommendation checklist. */
import { create } from 'zustand';
import type { AlertStatus } from '../../../shared/catalog';
import type { AlertDetail } from '../../../shared/ops/alerts';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';

interface DetailState {
  id: number | null;
  detail: AlertDetail | null;
  loading: boolean;
  error: ApiError | null;
  load: (id: number) => Promise<void>;
  setStatus: (to: AlertStatus, note: string) => Promise<ApiError | null>;
  tick: (recommendationId: string, done: boolean) => Promise<void>;
}

let latest = 0;

export const useAlertDetail = create<DetailState>((set, get) => ({
  id: null,
  detail: null,
  loading: false,
  error: null,
  load: async (id) => {
    const request = ++latest;
    if (get().id !== id) set({ id, detail: null });
    set({ loading: true });
    const r = await call('alerts.get', { id });
    if (request !== latest) return;
    if (!r.ok) return set({ loading: false, error: r.error, detail: null });
    set({ loading: false, error: null, detail: r.value });
  },
  setStatus: async (to, note) => {
    const { id } = get();
    if (id === null) return null;
    const r = await call('alerts.setStatus', { ids: [id], status: to, note });
    if (!r.ok) return r.error;
    await get().load(id);
    return null;
  },
  tick: async (recommendationId, done) => {
    const { id, detail } = get();
    if (id === null || !detail) return;
    // Shown at once; the saved list replaces it (or the error is shown).
    const optimistic = done
      ? [...detail.checklist, { recommendationId, doneAt: Date.now() }]
      : detail.checklist.filter((c) => c.recommendationId !== recommendationId);
    set({ detail: { ...detail, checklist: optimistic } });
    const r = await call('alerts.setChecklist', { alertId: id, recommendationId, done });
    const current = get().detail;
    if (!current || get().id !== id) return;
    if (!r.ok) return set({ error: r.error, detail: detail });
    set({ detail: { ...current, checklist: r.value } });
    void get().load(id);
  },
}));
