import { create } from 'zustand';
import type { FileRef, RestoreResult } from '../../../shared/api';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';
import { pickFile, saveFile } from '../../files';
import { useSession } from '../../stores/session';

type Busy = 'backup' | 'restore' | 'export' | null;
export type Notice =
  { kind: 'backup' | 'backupNotSaved' | 'export' } | { kind: 'restore'; result: RestoreResult };

interface SystemState {
  busy: Busy;
  error: ApiError | null;
  notice: Notice | null;
  restoreFile: FileRef | null;
  backup: (passphrase: string) => Promise<void>;
  chooseRestoreFile: () => Promise<void>;
  restore: (passphrase: string) => Promise<void>;
  exportCustomer: (customerId: string) => Promise<void>;
}

/** Backup, restore and a customer's data export (settings → data safety). */
export const useSystem = create<SystemState>((set, get) => {
  const run = async (busy: Exclude<Busy, null>, work: () => Promise<void>) => {
    set({ busy, error: null, notice: null });
    try {
      await work();
    } finally {
      set({ busy: null });
    }
  };
  const save = async (ref: FileRef, kind: 'backup' | 'export') => {
    const saved = await saveFile(ref);
    if (!saved.ok) return set({ error: saved.error });
    set({ notice: { kind: saved.value.saved ? kind : 'backupNotSaved' } });
  };
  return {
    busy: null,
    error: null,
    notice: null,
    restoreFile: null,
    backup: (passphrase) =>
      run('backup', async () => {
        const r = await call('system.backup', { passphrase });
        if (!r.ok) return set({ error: r.error });
        await save(r.value, 'backup');
      }),
    chooseRestoreFile: async () => {
      const r = await pickFile({ extensions: ['socdeskbackup'] });
      if (!r.ok) return set({ error: r.error });
      if (r.value) set({ restoreFile: r.value, error: null });
    },
    restore: (passphrase) =>
      run('restore', async () => {
        const file = get().restoreFile;
        if (!file) return;
        const r = await call('system.restore', { fileId: file.fileId, passphrase });
        if (!r.ok) return set({ error: r.error });
        set({ notice: { kind: 'restore', result: r.value }, restoreFile: null });
        // Everything changed, the profile too: start the session over.
        await useSession.getState().load();
      }),
    exportCustomer: (customerId) =>
      run('export', async () => {
        const r = await call('system.exportCustomer', { customerId });
        if (!r.ok) return set({ error: r.error });
        await save(r.value, 'export');
      }),
  };
});
