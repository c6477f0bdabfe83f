import { create } from 'zustand';
import type { DeviceDetail, DeviceListItem } from '../../../shared/ops/devices';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';

interface DevicesState {
  list: { asOf: number; devices: DeviceListItem[] } | null;
  detail: DeviceDetail | null;
  days: 30 | 90;
  loading: boolean;
  error: ApiError | null;
  loadList: (customerId: string | null) => Promise<void>;
  loadDetail: (deviceId: string) => Promise<void>;
  setDays: (days: 30 | 90) => void;
}

let latest = 0;

/** Device health: the list of the customers in view, and one device with its history. */
export const useDevices = create<DevicesState>((set, get) => ({
  list: null,
  detail: null,
  days: 30,
  loading: false,
  error: null,
  loadList: async (customerId) => {
    const request = ++latest;
    set({ loading: true });
    const r = await call('devices.list', { customerId });
    if (request !== latest) return;
    if (!r.ok) return set({ loading: false, error: r.error });
    set({ loading: false, error: null, list: r.value });
  },
  loadDetail: async (deviceId) => {
    const request = ++latest;
    set({ loading: true });
    const r = await call('devices.get', { deviceId, days: get().days });
    if (request !== latest) return;
    if (!r.ok) return set({ loading: false, error: r.error, detail: null });
    set({ loading: false, error: null, detail: r.value });
  },
  setDays: (days) => set({ days }),
}));
