import { create } from 'zustand';
import type { DashboardSummary } from '../../../shared/api';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';

interface DashboardState {
  days: 30 | 90;
  summary: DashboardSummary | null;
  loading: boolean;
  error: ApiError | null;
  setDays: (days: 30 | 90) => void;
  load: (customerId: string | null) => Promise<void>;
}

let latest = 0;

export const useDashboard = create<DashboardState>((set, get) => ({
  days: 30,
  summary: null,
  loading: false,
  error: null,
  setDays: (days) => {
    set({ days });
  },
  load: async (customerId) => {
    const request = ++latest;
    set({ loading: true });
    const r = await call('dashboard.summary', { customerId, days: get().days });
    // A newer request (another customer or period) may have finished first: keep the newest.
    if (request !== latest) return;
    if (!r.ok) return set({ loading: false, error: r.error });
    set({ loading: false, error: null, summary: r.value });
  },
}));
