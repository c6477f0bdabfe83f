import { z } from 'zod';
import { LANGUAGES, type Language } from '../catalog';
import { op } from './op';

export const empty = z.object({}).strict();
export const entityId = z.string().min(1).max(64);

export type ProfileKind = 'customer' | 'partner';

/** Who the user is in SOC Desk: one customer, or one sales partner (and so its customers). */
export interface Profile {
  kind: ProfileKind;
  id: string;
  nameJa: string;
  nameEn: string;
}

export interface SessionInfo {
  profile: Profile | null;
  /** Null until the user (or the OS locale, on first start) has chosen. */
  language: Language | null;
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  /** The main process's clock (epoch ms), so "last 24 hours" means the same on both sides. */
  now: number;
  dataDir: string;
  /** The store holds the embedded demo world (fictitious companies). */
  demo: boolean;
}

export interface ProfileOptions {
  partners: Array<{ id: string; nameJa: string; nameEn: string; customerCount: number }>;
  customers: Array<{ id: string; nameJa: string; nameEn: string; partnerId: string }>;
}

export interface CustomerSummary {
  id: string;
  partnerId: string;
  nameJa: string;
  nameEn: string;
}

export const sessionOps = {
  'app.info': op<AppInfo>()(empty),
  'session.get': op<SessionInfo>()(empty),
  'session.setProfile': op<SessionInfo>()(
    z.object({ kind: z.enum(['customer', 'partner']), id: entityId }).strict(),
  ),
  'session.clearProfile': op<SessionInfo>()(empty),
  'session.setLanguage': op<SessionInfo>()(z.object({ language: z.enum(LANGUAGES) }).strict()),
  'profiles.options': op<ProfileOptions>()(empty),
  'customers.list': op<CustomerSummary[]>()(empty),
};
