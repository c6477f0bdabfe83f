/**
 * The fault matrix: the connector against the real simulator on 127.0.0.1 with injected faults.
 * Whatever goes wrong, the store ends with every item exactly once and the cursor at the head, and
 * a page that failed left nothing behind.
 */
import { describe, expect, it } from 'vitest';
import type { SyncRun, SyncStatus } from '../../../shared/ops/sync';
import { encodeCursor } from '../../../electron/feed-sim/server';
import { cursorOf, expectExactlyOnce, syncSetup, type Recorded } from './helpers';

async function run(app: Awaited<ReturnType<typeof syncSetup>>['app']): Promise<SyncRun> {
  const r = await app.dispatch('sync.run', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as SyncRun;
}

const topicsOf = (events: Recorded[]) =>
  new Set(
    events.flatMap((e) =>
      e.event === 'data.changed' ? (e.payload as { topics: string[] }).topics : [],
    ),
  );

describe('sync against the simulator', () => {
  it('pulls the whole feed page by page, exactly once, with progress and live topics', async () => {
    const { app, sim, events } = await syncSetup();
    events.length = 0;
    const result = await run(app);
    expect(result).toMatchObject({ outcome: 'ok', retries: 0, refused: 0, error: null });
    expect(result.pages).toBe(Math.ceil(sim.log.length / 100));
    expect(result.items).toBe(sim.log.length);
    expectExactlyOnce(app.db, sim.log.items);
    expect(cursorOf(app.db)).toBe(sim.headCursor);
    expect(topicsOf(events)).toEqual(new Set(['sync', 'alerts', 'sla', 'contracts', 'devices']));
    const progress = events.filter((e) => e.event === 'job.progress').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ kind: 'sync', done: sim.log.length, total: null });
    expect(events.some((e) => e.event === 'job.finished')).toBe(true);
  });

  it('comes back for new items only', async () => {
    const { app, sim } = await syncSetup();
    await run(app);
    const before = sim.requests.length;
    const added = sim.tick(5);
    const second = await run(app);
    expect(second).toMatchObject({ outcome: 'ok', pages: 1, items: added.length });
    expect(sim.requests.slice(before).map((r) => r.items)).toEqual([second.items]);
    expectExactlyOnce(app.db, sim.log.items);
  });
});

describe('fault matrix', () => {
  it('retries 500s with backoff and loses nothing', async () => {
    const { app, sim, sleeps } = await syncSetup();
    sim.inject({ kind: 'status', status: 500, times: 2 });
    const result = await run(app);
    expect(result).toMatchObject({ outcome: 'ok', retries: 2 });
    // random() = 0.5: three quarters of each ceiling (1 s, 2 s).
    expect(sleeps).toEqual([750, 1500]);
    expectExactlyOnce(app.db, sim.log.items);
  });

  it('gives up after the last attempt, keeps the committed pages, and resumes on the next run', async () => {
    const { app, sim } = await syncSetup({
      deps: { backoff: { baseMs: 10, maxMs: 100, maxAttempts: 3 } },
    });
    // Page 1 passes, then page 2 fails three times: the run ends with page 1 committed.
    sim.inject([
      { kind: 'slow', delayMs: 0 },
      { kind: 'status', status: 503, times: 3 },
    ]);
    const failed = await run(app);
    expect(failed).toMatchObject({ outcome: 'error', pages: 1, items: 100, retries: 2 });
    expect(failed.error).toEqual({ code: 'http', status: 503 });
    expect(cursorOf(app.db)).toBe(encodeCursor(100));
    expectExactlyOnce(app.db, sim.log.items.slice(0, 100));
    const status = await app.dispatch('sync.status', {});
    expect(status.ok && status.value).toMatchObject({
      health: 'error',
      lastError: { code: 'http', status: 503 },
    });
    expect(await run(app)).toMatchObject({ outcome: 'ok' });
    expectExactlyOnce(app.db, sim.log.items);
  });

  it('times out a server that never answers, and one that stops mid-page', async () => {
    const { app, sim, sleeps } = await syncSetup({ deps: { timeoutMs: 300 } });
    sim.inject([{ kind: 'hang' }, { kind: 'slow', delayMs: 0 }, { kind: 'stall' }]);
    const started = Date.now();
    const result = await run(app);
    expect(result).toMatchObject({ outcome: 'ok', retries: 2 });
    expect(sleeps).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expectExactlyOnce(app.db, sim.log.items);
  });

  it('survives a connection killed mid-page', async () => {
    const { app, sim } = await syncSetup();
    sim.inject([{ kind: 'slow', delayMs: 0 }, { kind: 'kill' }, { kind: 'kill', afterBytes: 10 }]);
    const result = await run(app);
    expect(result).toMatchObject({ outcome: 'ok', retries: 2 });
    expectExactlyOnce(app.db, sim.log.items);
  });

  it('commits nothing of a malformed page, says where, and resumes when the feed is fixed', async () => {
    const { app, sim } = await syncSetup();
    await run(app);
    const head = cursorOf(app.db);
    const committed = sim.log.items.slice();
    const added = sim.tick(3);
    for (const mode of ['json', 'schema', 'envelope', 'version'] as const) {
      sim.inject({ kind: 'malformed', mode });
      const failed = await run(app);
      expect(failed, mode).toMatchObject({ outcome: 'error', pages: 0, items: 0, retries: 0 });
      expect(failed.error?.code).toBe('malformed');
      expect(cursorOf(app.db)).toBe(head);
      expectExactlyOnce(app.db, committed);
    }
    sim.inject({ kind: 'malformed', mode: 'schema' });
    const located = await run(app);
    expect(located.error?.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['items[1].data.severity', 'items[1].data.sourceId']),
    );
    expect(await run(app)).toMatchObject({ outcome: 'ok', items: added.length });
    expectExactlyOnce(app.db, sim.log.items);
  });

  it('takes duplicate pages (replayed, overlapping) without duplicating anything', async () => {
    const { app, sim } = await syncSetup();
    sim.inject([
      { kind: 'slow', delayMs: 0 },
      { kind: 'duplicate', mode: 'replay' },
      { kind: 'duplicate', mode: 'overlap', times: 2 },
      { kind: 'duplicate', mode: 'replay' },
    ]);
    const result = await run(app);
    expect(result.outcome).toBe('ok');
    expect(result.items).toBeGreaterThan(sim.log.length);
    expectExactlyOnce(app.db, sim.log.items);
    expect(cursorOf(app.db)).toBe(sim.headCursor);
  });

  it('stops a server that keeps saying "more" without moving', async () => {
    const { app, sim } = await syncSetup();
    sim.inject([
      { kind: 'slow', delayMs: 0 },
      { kind: 'duplicate', mode: 'replay', times: 5 },
    ]);
    const result = await run(app);
    expect(result).toMatchObject({ outcome: 'error', error: { code: 'no_progress' } });
    expect(cursorOf(app.db)).toBe(encodeCursor(100));
    expect(await run(app)).toMatchObject({ outcome: 'ok' });
    expectExactlyOnce(app.db, sim.log.items);
  });

  it('refuses a wrong token at once (no retries) and never puts it in the log', async () => {
    const { app, sim } = await syncSetup();
    await app.dispatch('sync.configure', {
      url: sim.feedUrl,
      token: 'wrong-token',
      intervalMinutes: 60,
      enabled: false,
    });
    const result = await run(app);
    expect(result).toMatchObject({
      outcome: 'error',
      retries: 0,
      error: { code: 'auth', status: 401 },
    });
    const rows = JSON.stringify(app.db.prepare('SELECT * FROM sync_runs').all());
    expect(rows).not.toContain('wrong-token');
  });

  it('reports "offline" when nothing listens, after retrying', async () => {
    const { app, sim, sleeps } = await syncSetup();
    await sim.close();
    const result = await run(app);
    expect(result).toMatchObject({ outcome: 'error', retries: 3, error: { code: 'network' } });
    expect(sleeps).toEqual([750, 1500, 3000]);
    const status = await app.dispatch('sync.status', {});
    expect(status.ok && (status.value as SyncStatus).health).toBe('offline');
  });
});
