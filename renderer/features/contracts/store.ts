import { create } from 'zustand';
import type { FileRef } from '../../../shared/api';
import type { Language } from '../../../shared/catalog';
import type { CancellationEstimate } from '../../../shared/contracts';
import type { CustomerContracts, DeadlineRow } from '../../../shared/ops/contracts';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';
import { saveFile } from '../../files';

interface ContractsState {
  list: { today: string; customers: CustomerContracts[] } | null;
  deadlines: { today: string; rows: DeadlineRow[] } | null;
  loading: boolean;
  error: ApiError | null;
  estimate: CancellationEstimate | null;
  estimating: boolean;
  estimateError: ApiError | null;
  exporting: boolean;
  exported: FileRef | null;
  loadList: (customerId: string | null) => Promise<void>;
  loadDeadlines: (customerId: string | null) => Promise<void>;
  runEstimate: (
    contractId: string,
    noticeReceived: string,
    requested: string | null,
  ) => Promise<void>;
  clearEstimate: () => void;
  exportDeadlines: (customerId: string | null, language: Language) => Promise<void>;
}

let latest = 0;

/** Contracts: each customer's contracts, the deadline table, the cancel calculator, the CSV. */
export const useContracts = create<ContractsState>((set) => ({
  list: null,
  deadlines: null,
  loading: false,
  error: null,
  estimate: null,
  estimating: false,
  estimateError: null,
  exporting: false,
  exported: null,
  loadList: async (customerId) => {
    const request = ++latest;
    set({ loading: true });
    const r = await call('contracts.list', { customerId });
    if (request !== latest) return;
    if (!r.ok) return set({ loading: false, error: r.error });
    set({ loading: false, error: null, list: r.value });
  },
  loadDeadlines: async (customerId) => {
    const request = ++latest;
    set({ loading: true });
    const r = await call('contracts.deadlines', { customerId });
    if (request !== latest) return;
    if (!r.ok) return set({ loading: false, error: r.error });
    set({ loading: false, error: null, deadlines: r.value });
  },
  runEstimate: async (contractId, noticeReceived, requested) => {
    set({ estimating: true, estimateError: null });
    const r = await call('contracts.estimate', { contractId, noticeReceived, requested });
    if (!r.ok) return set({ estimating: false, estimateError: r.error, estimate: null });
    set({ estimating: false, estimate: r.value });
  },
  clearEstimate: () => set({ estimate: null, estimateError: null }),
  exportDeadlines: async (customerId, language) => {
    set({ exporting: true, exported: null, error: null });
    const r = await call('contracts.exportDeadlines', { customerId, language });
    if (!r.ok) return set({ exporting: false, error: r.error });
    const saved = await saveFile(r.value);
    if (!saved.ok) return set({ exporting: false, error: saved.error });
    set({ exporting: false, exported: saved.value.saved ? r.value : null });
  },
}));
