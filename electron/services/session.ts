import type { CustomerSummary, ProfileOptions, SessionInfo } from '../../shared/api';
import { LANGUAGES, type Language } from '../../shared/catalog';
import { fail } from '../../shared/result';
import { getSetting, setSetting } from '../store/database';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers-types';
import { describeProfile, placeholders, scopeCustomers, storedProfile } from './scope';

function sessionInfo(ctx: ServiceContext): SessionInfo {
  const stored = storedProfile(ctx);
  const lang = getSetting(ctx.db, 'language');
  return {
    profile: stored ? describeProfile(ctx, stored) : null,
    language: LANGUAGES.includes(lang as Language) ? (lang as Language) : null,
  };
}

export const sessionHandlers: Pick<
  Handlers,
  | 'app.info'
  | 'session.get'
  | 'session.setProfile'
  | 'session.clearProfile'
  | 'session.setLanguage'
  | 'profiles.options'
  | 'customers.list'
> = {
  'app.info': (_input, ctx) => ({
    name: 'SOC Desk',
    version: ctx.version,
    host: ctx.host,
    now: ctx.clock.now(),
    dataDir: ctx.dataDir,
    demo: getSetting(ctx.db, 'demo') === '1',
  }),
  'session.get': (_input, ctx) => sessionInfo(ctx),
  'session.setProfile': ({ kind, id }, ctx) => {
    const table = kind === 'customer' ? 'customers' : 'partners';
    if (!ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) fail('not_found');
    setSetting(ctx.db, 'profile', JSON.stringify({ kind, id }));
    ctx.emit('data.changed', { topics: ['session'] });
    return sessionInfo(ctx);
  },
  'session.clearProfile': (_input, ctx) => {
    setSetting(ctx.db, 'profile', null);
    ctx.emit('data.changed', { topics: ['session'] });
    return sessionInfo(ctx);
  },
  'session.setLanguage': ({ language }, ctx) => {
    setSetting(ctx.db, 'language', language);
    return sessionInfo(ctx);
  },
  // The first-run chooser lists every company in this store: choosing who you are is the one
  // question asked before any scope exists (DESIGN.md "Profiles").
  'profiles.options': (_input, ctx) => {
    const partners = ctx.db
      .prepare(
        `SELECT p.id, p.name_ja AS nameJa, p.name_en AS nameEn, count(c.id) AS customerCount
         FROM partners p LEFT JOIN customers c ON c.partner_id = p.id GROUP BY p.id ORDER BY p.id`,
      )
      .all() as ProfileOptions['partners'];
    const customers = ctx.db
      .prepare(
        'SELECT id, name_ja AS nameJa, name_en AS nameEn, partner_id AS partnerId FROM customers ORDER BY partner_id, id',
      )
      .all() as ProfileOptions['customers'];
    return { partners, customers };
  },
  'customers.list': (_input, ctx) => {
    const ids = scopeCustomers(ctx);
    return ctx.db
      .prepare(
        `SELECT id, partner_id AS partnerId, name_ja AS nameJa, name_en AS nameEn FROM customers
         WHERE id IN (${placeholders(ids)}) ORDER BY name_ja`,
      )
      .all(...ids) as CustomerSummary[];
  },
};
