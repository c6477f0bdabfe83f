import { create } from 'zustand';
import type { AuditEntry, OutageInput, SlaLedgerResult } from '../../../shared/ops/sla';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';

interface SlaState {
  months: 3 | 6 | 12;
  ledger: SlaLedgerResult | null;
  loading: boolean;
  error: ApiError | null;
  saving: boolean;
  saveError: ApiError | null;
  message: 'saved' | 'deleted' | null;
  history: { id: number; entries: AuditEntry[] } | null;
  setMonths: (months: 3 | 6 | 12) => void;
  load: (customerId: string | null) => Promise<void>;
  save: (input: OutageInput) => Promise<boolean>;
  remove: (id: number) => Promise<boolean>;
  loadHistory: (id: number) => Promise<void>;
  closeHistory: () => void;
  clearSaveError: () => void;
}

let latest = 0;

/** The SLA ledger and its outages (recorded, edited, deleted through the main process). */
export const useSla = create<SlaState>((set, get) => ({
  months: 6,
  ledger: null,
  loading: false,
  error: null,
  saving: false,
  saveError: null,
  message: null,
  history: null,
  setMonths: (months) => set({ months }),
  load: async (customerId) => {
    const request = ++latest;
    set({ loading: true });
    const r = await call('sla.ledger', { customerId, months: get().months });
    if (request !== latest) return;
    if (!r.ok) return set({ loading: false, error: r.error });
    set({ loading: false, error: null, ledger: r.value });
  },
  save: async (input) => {
    set({ saving: true, saveError: null, message: null });
    const r = await call('sla.saveOutage', input);
    if (!r.ok) {
      set({ saving: false, saveError: r.error });
      return false;
    }
    set({ saving: false, message: 'saved' });
    return true;
  },
  remove: async (id) => {
    set({ saving: true, saveError: null, message: null });
    const r = await call('sla.deleteOutage', { id });
    if (!r.ok) {
      set({ saving: false, error: r.error });
      return false;
    }
    set({ saving: false, message: 'deleted' });
    return true;
  },
  loadHistory: async (id) => {
    const r = await call('sla.outageHistory', { id });
    if (!r.ok) return set({ error: r.error });
    set({ history: { id, entries: r.value } });
  },
  closeHistory: () => set({ history: null }),
  clearSaveError: () => set({ saveError: null }),
}));
