import { useEffect } from 'react';
import { create } from 'zustand';
import type { InputOf } from '../../../shared/api';
import type { SyncRun, SyncStatus } from '../../../shared/ops/sync';
import type { ApiError } from '../../../shared/result';
import { call, subscribe } from '../../api';

interface SyncState {
  status: SyncStatus | null;
  error: ApiError | null;
  /** A "sync now" asked from this window is going on. */
  running: boolean;
  /** Items taken in by the run going on (from job.progress). */
  progress: number | null;
  lastRun: SyncRun | null;
  runError: ApiError | null;
  load: () => Promise<void>;
  configure: (input: InputOf<'sync.configure'>) => Promise<ApiError | null>;
  run: () => Promise<void>;
  disconnect: () => Promise<ApiError | null>;
}

let loading: Promise<void> | null = null;
let again = false;

export const useSync = create<SyncState>((set, get) => ({
  status: null,
  error: null,
  running: false,
  progress: null,
  lastRun: null,
  runError: null,
  load: () => {
    // Events come in bursts (one per committed page): one request at a time, one more after.
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        const r = await call('sync.status', {});
        if (r.ok) set({ status: r.value, error: null });
        // Between profiles (switching) there is nothing to show, and nothing went wrong.
        else if (r.error.code === 'no_profile') set({ status: null, error: null });
        else set({ error: r.error });
      } while (again);
      loading = null;
    })();
    return loading;
  },
  configure: async (input) => {
    const r = await call('sync.configure', input);
    if (!r.ok) return r.error;
    set({ status: r.value, error: null });
    return null;
  },
  run: async () => {
    if (get().running) return;
    set({ running: true, runError: null, progress: 0 });
    const r = await call('sync.run', {});
    set({
      running: false,
      progress: null,
      lastRun: r.ok ? r.value : null,
      runError: r.ok ? null : r.error,
    });
    await get().load();
  },
  disconnect: async () => {
    const r = await call('sync.disconnect', {});
    if (!r.ok) return r.error;
    set({ status: r.value, lastRun: null, runError: null });
    return null;
  },
}));

let listeners = 0;
let unsubscribe: (() => void) | null = null;

/** Keeps the sync status live while a component using it is mounted (one subscription in all). */
export function useSyncLive(): void {
  useEffect(() => {
    if (listeners++ === 0) {
      const offChanged = subscribe('data.changed', ({ topics }) => {
        if (topics.includes('sync') || topics.includes('session')) void useSync.getState().load();
      });
      const offProgress = subscribe('job.progress', ({ kind, done }) => {
        if (kind === 'sync') useSync.setState({ progress: done });
      });
      unsubscribe = () => {
        offChanged();
        offProgress();
      };
      void useSync.getState().load();
    }
    return () => {
      if (--listeners === 0) {
        unsubscribe?.();
        unsubscribe = null;
      }
    };
  }, []);
}
