import { create } from 'zustand';
import type { AttentionItem } from '../../../shared/ops/devices';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';

interface AttentionState {
  items: AttentionItem[] | null;
  asOf: number | null;
  error: ApiError | null;
  load: (customerId: string | null) => Promise<void>;
}

let latest = 0;

/** The dashboard's attention list (devices down, contracts due): `dashboard.attention`. */
export const useAttention = create<AttentionState>((set) => ({
  items: null,
  asOf: null,
  error: null,
  load: async (customerId) => {
    const request = ++latest;
    const r = await call('dashboard.attention', { customerId });
    if (request !== latest) return;
    if (!r.ok) return set({ error: r.error });
    set({ error: null, items: r.value.items, asOf: r.value.asOf });
  },
}));
