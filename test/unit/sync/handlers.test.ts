/**
 * The sync operations through the dispatcher: who may configure and see what, the token kept in the
 * secret box and never returned or logged, address rules, cursor resets, disconnecting, the audit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncRun, SyncStatus } from '../../../shared/ops/sync';
import { cursorOf, syncSetup, TOKEN } from './helpers';

type App = Awaited<ReturnType<typeof syncSetup>>['app'];
async function status(app: App): Promise<SyncStatus> {
  const r = await app.dispatch('sync.status', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as SyncStatus;
}
const as = (app: App, kind: 'customer' | 'partner', id: string) =>
  app.dispatch('session.setProfile', { kind, id });

afterEach(() => vi.restoreAllMocks());

describe('sync.status and sync.configure', () => {
  it('starts unconfigured; any profile may set a feed up, which then belongs to it', async () => {
    const { app, sim } = await syncSetup({ configure: false });
    expect(await status(app)).toMatchObject({
      configured: false,
      canConfigure: true,
      health: 'unconfigured',
      config: null,
    });
    const r = await app.dispatch('sync.configure', {
      url: sim.feedUrl,
      token: TOKEN,
      intervalMinutes: 30,
      enabled: true,
    });
    expect(r.ok).toBe(true);
    expect(await status(app)).toMatchObject({
      configured: true,
      full: true,
      health: 'never',
      config: {
        url: sim.feedUrl,
        intervalMinutes: 30,
        enabled: true,
        tokenSet: true,
        owner: { kind: 'partner', id: 'p-minato', nameEn: 'Minato Information Systems Co., Ltd.' },
      },
    });
  });

  it("shows another profile's feed only in outline, and refuses it every change", async () => {
    const { app } = await syncSetup();
    await app.dispatch('sync.run', {});
    for (const [kind, id] of [
      ['customer', 'c-aoba'],
      ['partner', 'p-hokuto'],
      ['customer', 'c-hikari'],
    ] as const) {
      await as(app, kind, id);
      const s = await status(app);
      expect(s, id).toMatchObject({
        configured: true,
        canConfigure: false,
        full: false,
        health: 'ok',
        runs: [],
      });
      expect(s.config).toMatchObject({ url: null, owner: null, tokenSet: true });
      for (const op of ['sync.run', 'sync.disconnect'] as const) {
        expect(await app.dispatch(op, {})).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
      const c = await app.dispatch('sync.configure', {
        url: 'https://feed.example/v1',
        intervalMinutes: 5,
        enabled: true,
      });
      expect(c).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // A partner sees (and may take over) the feed one of its customers set up.
    await as(app, 'customer', 'c-aoba');
    await app.dispatch('sync.disconnect', {}); // forbidden: the feed is p-minato's
    await as(app, 'partner', 'p-minato');
    await app.dispatch('sync.disconnect', {});
    await as(app, 'customer', 'c-aoba');
    const mine = await app.dispatch('sync.configure', {
      url: 'https://feed.example/v1',
      intervalMinutes: 5,
      enabled: false,
    });
    expect(mine.ok && (mine.value as SyncStatus).config?.owner).toMatchObject({
      kind: 'customer',
      id: 'c-aoba',
    });
    await as(app, 'partner', 'p-minato');
    expect(await status(app)).toMatchObject({
      canConfigure: true,
      full: true,
      config: { url: 'https://feed.example/v1' },
    });
    await as(app, 'partner', 'p-hokuto');
    expect(await status(app)).toMatchObject({ canConfigure: false, full: false });
  });

  it('needs a profile', async () => {
    const { app } = await syncSetup();
    await app.dispatch('session.clearProfile', {});
    expect(await app.dispatch('sync.status', {})).toMatchObject({
      ok: false,
      error: { code: 'no_profile' },
    });
  });

  it.each([
    ['http://feed.example/v1', 'sync:urlProblem.insecure'],
    ['ftp://feed.example/v1', 'sync:urlProblem.scheme'],
    ['https://u:p@feed.example/v1', 'sync:urlProblem.credentials'],
    ['https://feed.example/v1?x=1', 'sync:urlProblem.query'],
    ['feed.example', 'sync:urlProblem.invalid'],
  ])('refuses the address %s, located', async (url, message) => {
    const { app } = await syncSetup();
    const before = await status(app);
    const r = await app.dispatch('sync.configure', { url, intervalMinutes: 5, enabled: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'url', message }] },
    });
    expect(await status(app)).toEqual(before);
  });

  it('refuses a token that is not a bearer token, and bad intervals, by field', async () => {
    const { app, sim } = await syncSetup();
    const r = await app.dispatch('sync.configure', {
      url: sim.feedUrl,
      token: 'two words',
      intervalMinutes: 0,
      enabled: true,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['intervalMinutes', 'token']);
  });
});

describe('the token', () => {
  it('is sealed in the secret box, never returned, never in the audit log or the console', async () => {
    const { app, sim } = await syncSetup({ configure: false });
    app.ctx.secrets = {
      seal: (s) => `sealed:${[...s].reverse().join('')}`,
      open: (s) => [...s.slice('sealed:'.length)].reverse().join(''),
    };
    const logged: unknown[] = [];
    for (const m of ['log', 'warn', 'error', 'info'] as const) {
      vi.spyOn(console, m).mockImplementation((...args) => void logged.push(args));
    }
    const configured = await app.dispatch('sync.configure', {
      url: sim.feedUrl,
      token: TOKEN,
      intervalMinutes: 5,
      enabled: false,
    });
    sim.inject({ kind: 'status', status: 401 });
    const runs = [await app.dispatch('sync.run', {}), await app.dispatch('sync.run', {})];
    const everything = JSON.stringify([
      configured,
      runs,
      await app.dispatch('sync.status', {}),
      app.db.prepare('SELECT * FROM audit_log').all(),
      app.db.prepare('SELECT * FROM sync_runs').all(),
      app.db.prepare('SELECT * FROM sync_state').all(),
      logged,
    ]);
    expect(everything).not.toContain(TOKEN);
    expect(runs.map((r) => r.ok && (r.value as SyncRun).outcome)).toEqual(['error', 'ok']);
    const stored = app.db
      .prepare(`SELECT value FROM settings WHERE key = 'secret.sync.token'`)
      .pluck()
      .get();
    expect(stored).toBe(`sealed:${[...TOKEN].reverse().join('')}`);
    // Keeping, replacing and removing it.
    await app.dispatch('sync.configure', { url: sim.feedUrl, intervalMinutes: 5, enabled: false });
    expect((await status(app)).config?.tokenSet).toBe(true);
    await app.dispatch('sync.configure', {
      url: sim.feedUrl,
      token: null,
      intervalMinutes: 5,
      enabled: false,
    });
    expect((await status(app)).config?.tokenSet).toBe(false);
    expect(await app.dispatch('sync.run', {})).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'sync:error.no_token' },
    });
    const audit = app.db
      .prepare(`SELECT to_value FROM audit_log WHERE action = 'sync.configure' ORDER BY id`)
      .pluck()
      .all() as string[];
    expect(audit.map((v) => (JSON.parse(v) as { token: string }).token)).toEqual([
      'set',
      'kept',
      'removed',
    ]);
  });
});

describe('position, reset and disconnect', () => {
  it('starts over for a new address or on request, and keeps the position otherwise', async () => {
    const { app, sim } = await syncSetup();
    await app.dispatch('sync.run', {});
    expect(cursorOf(app.db)).toBe(sim.headCursor);
    await app.dispatch('sync.configure', { url: sim.feedUrl, intervalMinutes: 10, enabled: false });
    expect(cursorOf(app.db)).toBe(sim.headCursor);
    await app.dispatch('sync.configure', {
      url: sim.feedUrl,
      intervalMinutes: 10,
      enabled: false,
      resetCursor: true,
    });
    expect(cursorOf(app.db)).toBeNull();
    await app.dispatch('sync.run', {});
    await app.dispatch('sync.configure', {
      url: `${sim.feedUrl}/`,
      intervalMinutes: 10,
      enabled: false,
    });
    expect(cursorOf(app.db)).toBeNull();
    expect((await status(app)).totals).toEqual({ pages: 0, items: 0 });
  });

  it('disconnects: settings, token and position go, synced data stays', async () => {
    const { app } = await syncSetup();
    await app.dispatch('sync.run', {});
    const alerts = app.db.prepare('SELECT count(*) FROM alerts').pluck().get() as number;
    expect(alerts).toBeGreaterThan(0);
    const r = await app.dispatch('sync.disconnect', {});
    expect(r.ok && r.value).toMatchObject({ configured: false, config: null });
    expect(
      app.db.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'secret.sync%'`).pluck().get(),
    ).toBe(0);
    expect(app.db.prepare('SELECT count(*) FROM sync_state').pluck().get()).toBe(0);
    expect(app.db.prepare('SELECT count(*) FROM alerts').pluck().get()).toBe(alerts);
    expect(await app.dispatch('sync.run', {})).toMatchObject({
      ok: false,
      error: { message: 'sync:error.not_configured' },
    });
    const actions = app.db
      .prepare(`SELECT action, actor FROM audit_log WHERE entity = 'sync_config'`)
      .all();
    expect(actions).toEqual([
      { action: 'sync.configure', actor: 'partner:p-minato' },
      { action: 'sync.disconnect', actor: 'partner:p-minato' },
    ]);
  });

  it('marks a run left unfinished by a stopped process as interrupted at start', async () => {
    const { app } = await syncSetup();
    app.db
      .prepare(
        `INSERT INTO sync_runs (trigger, started_at, outcome) VALUES ('manual', 1, 'running')`,
      )
      .run();
    const { startSync } = await import('../../../electron/services/sync/service');
    startSync(app.ctx).stop();
    expect(app.db.prepare('SELECT outcome, error_code FROM sync_runs').get()).toEqual({
      outcome: 'interrupted',
      error_code: 'interrupted',
    });
  });
});
