import { create } from 'zustand';
import type {
  AppInfo,
  CustomerSummary,
  Profile,
  ProfileKind,
  ProfileOptions,
} from '../../shared/api';
import type { Language } from '../../shared/catalog';
import type { ApiError } from '../../shared/result';
import { call } from '../api';
import { changeLanguage, osLanguage } from '../i18n';

interface SessionState {
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  info: AppInfo | null;
  profile: Profile | null;
  language: Language;
  /** Customers in the profile's scope (one for a customer profile). */
  customers: CustomerSummary[];
  /** The customer shown; null shows all of a partner's customers. */
  customerId: string | null;
  options: ProfileOptions | null;
  load: () => Promise<void>;
  setLanguage: (language: Language) => Promise<void>;
  loadOptions: () => Promise<void>;
  chooseProfile: (kind: ProfileKind, id: string) => Promise<void>;
  clearProfile: () => Promise<void>;
  selectCustomer: (id: string | null) => void;
}

/** Who the user is, which language, which customer is shown: the app-wide session. */
export const useSession = create<SessionState>((set, get) => {
  const loadCustomers = async (profile: Profile | null) => {
    if (!profile) {
      set({ customers: [], customerId: null });
      return;
    }
    const r = await call('customers.list', {});
    if (!r.ok) return set({ error: r.error });
    set({ customers: r.value, customerId: profile.kind === 'customer' ? profile.id : null });
  };

  return {
    status: 'loading',
    error: null,
    info: null,
    profile: null,
    language: osLanguage(),
    customers: [],
    customerId: null,
    options: null,
    load: async () => {
      set({ status: 'loading', error: null });
      const [info, session] = await Promise.all([call('app.info', {}), call('session.get', {})]);
      if (!info.ok) return set({ status: 'error', error: info.error });
      if (!session.ok) return set({ status: 'error', error: session.error });
      const language = session.value.language ?? osLanguage();
      set({ info: info.value, profile: session.value.profile, language });
      await loadCustomers(session.value.profile);
      set({ status: 'ready' });
    },
    setLanguage: async (language) => {
      set({ language });
      await changeLanguage(language);
      const r = await call('session.setLanguage', { language });
      if (!r.ok) set({ error: r.error });
    },
    loadOptions: async () => {
      const r = await call('profiles.options', {});
      if (!r.ok) return set({ error: r.error });
      set({ options: r.value });
    },
    chooseProfile: async (kind, id) => {
      const r = await call('session.setProfile', { kind, id });
      if (!r.ok) return set({ error: r.error });
      set({ profile: r.value.profile, error: null });
      await loadCustomers(r.value.profile);
    },
    clearProfile: async () => {
      const r = await call('session.clearProfile', {});
      if (!r.ok) return set({ error: r.error });
      set({ profile: null, customers: [], customerId: null });
      await get().loadOptions();
    },
    selectCustomer: (id) => {
      const { profile, customers } = get();
      if (profile?.kind !== 'partner') return;
      if (id !== null && !customers.some((c) => c.id === id)) return;
      set({ customerId: id });
    },
  };
});
