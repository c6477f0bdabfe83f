import { create } from 'zustand';
import type { CallerMatches, PrivacySettings, PurgePreview } from '../../../shared/ops/privacy';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';

export interface Person {
  name: string;
  phone: string;
  email: string;
}

type Notice =
  | { kind: 'saved' }
  | { kind: 'purged' | 'callerErased'; count: number }
  | { kind: 'contactErased' };

interface PrivacyState {
  settings: PrivacySettings | null;
  preview: PurgePreview | null;
  matches: CallerMatches | null;
  busy: boolean;
  error: ApiError | null;
  notice: Notice | null;
  load: () => Promise<void>;
  previewFor: (months: number) => Promise<void>;
  save: (months: number | null) => Promise<void>;
  purge: () => Promise<void>;
  findCaller: (p: Person) => Promise<void>;
  eraseCaller: (p: Person) => Promise<void>;
  eraseContact: (customerId: string) => Promise<void>;
}

/** Settings → personal data: retention, and deletion on request (docs/privacy.md). */
export const usePrivacy = create<PrivacyState>((set, get) => {
  const run = async (work: () => Promise<void>) => {
    set({ busy: true, error: null, notice: null });
    try {
      await work();
    } finally {
      set({ busy: false });
    }
  };
  return {
    settings: null,
    preview: null,
    matches: null,
    busy: false,
    error: null,
    notice: null,
    load: async () => {
      const r = await call('privacy.settings', {});
      if (!r.ok) return set({ error: r.error });
      set({ settings: r.value, preview: null, matches: null, notice: null, error: null });
      if (r.value.manageable && r.value.retentionMonths !== null)
        await get().previewFor(r.value.retentionMonths);
    },
    previewFor: async (months) => {
      const r = await call('privacy.preview', { months });
      set(r.ok ? { preview: r.value } : { preview: null, error: r.error });
    },
    save: (months) =>
      run(async () => {
        const r = await call('privacy.setRetention', { months });
        if (!r.ok) return set({ error: r.error });
        set({ settings: r.value, notice: { kind: 'saved' } });
        if (months === null) set({ preview: null });
        else await get().previewFor(months);
      }),
    purge: () =>
      run(async () => {
        const r = await call('privacy.purge', {});
        if (!r.ok) return set({ error: r.error });
        const s = await call('privacy.settings', {});
        if (s.ok) set({ settings: s.value });
        const months = get().settings?.retentionMonths;
        if (months) await get().previewFor(months);
        set({ notice: { kind: 'purged', count: r.value.redacted } });
      }),
    findCaller: (p) =>
      run(async () => {
        const r = await call('privacy.findCaller', p);
        set(r.ok ? { matches: r.value } : { matches: null, error: r.error });
      }),
    eraseCaller: (p) =>
      run(async () => {
        const r = await call('privacy.eraseCaller', p);
        if (!r.ok) return set({ error: r.error });
        set({ matches: null, notice: { kind: 'callerErased', count: r.value.redacted } });
      }),
    eraseContact: (customerId) =>
      run(async () => {
        const r = await call('privacy.eraseContact', { customerId });
        set(r.ok ? { notice: { kind: 'contactErased' } } : { error: r.error });
      }),
  };
});
