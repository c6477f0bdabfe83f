/**
 * The connector's protocol details against the simulator: ETag revalidation, Retry-After and the
 * backoff timings (injected random and sleep), tenant refusals, references, contract changes, and
 * the schedule.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from '../../../electron/services/sync/backoff';
import type { SyncRun, SyncStatus } from '../../../shared/ops/sync';
import type { FeedChange } from '../../../shared/feed';
import { FIXED_NOW } from '../helpers';
import { cursorOf, customersOf, expectExactlyOnce, MINATO, syncSetup } from './helpers';

type App = Awaited<ReturnType<typeof syncSetup>>['app'];
async function run(app: App): Promise<SyncRun> {
  const r = await app.dispatch('sync.run', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as SyncRun;
}

describe('ETag / If-None-Match', () => {
  it('asks again at the head with the validator and gets 304 until something new comes', async () => {
    const { app, sim } = await syncSetup();
    await run(app); // the backlog; its last page has items, so no validator is kept for it
    expect(await run(app)).toMatchObject({ outcome: 'ok', pages: 0, items: 0 }); // empty page + ETag
    const before = sim.requests.length;
    expect(await run(app)).toMatchObject({ outcome: 'not_modified', pages: 0 });
    expect(await run(app)).toMatchObject({ outcome: 'not_modified' });
    expect(sim.requests.slice(before).map((r) => r.status)).toEqual([304, 304]);
    const status = await app.dispatch('sync.status', {});
    expect(status.ok && (status.value as SyncStatus).health).toBe('ok');
    const added = sim.tick(2);
    expect(await run(app)).toMatchObject({ outcome: 'ok', items: added.length });
    expectExactlyOnce(app.db, sim.log.items);
  });

  it('never revalidates an unfinished page (a "more" answer is fetched again in full)', async () => {
    const { app, sim } = await syncSetup();
    sim.inject([
      { kind: 'slow', delayMs: 0 },
      { kind: 'duplicate', mode: 'replay', times: 2 },
    ]);
    await run(app);
    expect(sim.requests.filter((r) => r.status === 304)).toEqual([]);
    expectExactlyOnce(app.db, sim.log.items);
  });
});

describe('backoff with jitter', () => {
  const policy = { baseMs: 1000, maxMs: 30_000, maxAttempts: 8 };

  it('doubles the ceiling per retry up to the cap, and draws from its upper half', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 15000, 15000,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000,
    ]);
  });

  it('jitters: different random draws, different waits, always within the band', () => {
    const draws = [0.1, 0.7, 0.3];
    const waits = draws.map((r) => backoffDelay(3, policy, () => r));
    expect(new Set(waits).size).toBe(3);
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(2000);
      expect(w).toBeLessThanOrEqual(4000);
    }
  });

  it("honours the server's Retry-After within the cap", () => {
    expect(retryDelay(1, policy, () => 0, 5000)).toBe(5000);
    expect(retryDelay(1, policy, () => 0, 100)).toBe(500);
    expect(retryDelay(1, policy, () => 0, 3_600_000)).toBe(30_000);
  });

  it('waits what the policy says between real attempts (injected random and sleep)', async () => {
    const randoms = [0, 1, 0.5, 0.25];
    const { app, sim, sleeps } = await syncSetup({
      deps: {
        random: () => randoms.shift() ?? 0,
        backoff: { baseMs: 200, maxMs: 1000, maxAttempts: 5 },
      },
    });
    sim.inject([
      { kind: 'status', status: 503, times: 3 },
      { kind: 'status', status: 429, retryAfter: 60 },
    ]);
    const result = await run(app);
    expect(result).toMatchObject({ outcome: 'ok', retries: 4 });
    // Ceilings 200, 400, 800, 1000 (capped); the 429's Retry-After of 60 s is capped at 1 s.
    expect(sleeps).toEqual([100, 400, 600, 1000]);
  });
});

describe('scope: the feed never writes outside its owner', () => {
  it("refuses other partners' and unknown customers' items, and writes the rest", async () => {
    const { app, sim } = await syncSetup({ sim: { customers: undefined } });
    const first = sim.log.items.find((i) => i.kind === 'contract');
    if (first?.kind !== 'contract') throw new Error('no contract');
    const stranger: FeedChange = {
      kind: 'contract',
      data: { ...first.data, id: 'k-x', customerId: 'c-nowhere' },
    };
    sim.append([stranger]);
    const result = await run(app);
    expect(result.outcome).toBe('ok');
    const theirs = sim.log.items.filter((i) => !MINATO.includes(i.data.customerId));
    expect(result.refused).toBe(theirs.length);
    expect(result.items).toBe(sim.log.length - theirs.length);
    expect(result.refusals).toHaveLength(20);
    expect(result.refusals[0]?.reason).toBe('out_of_scope');
    expect(result.refusals[0]?.path).toMatch(/^items\[\d+\]$/);
    expectExactlyOnce(
      app.db,
      sim.log.items.filter((i) => MINATO.includes(i.data.customerId)),
    );
    const hokuto = customersOf('p-hokuto')
      .map((id) => `'${id}'`)
      .join(',');
    for (const table of ['alerts', 'contracts', 'devices']) {
      expect(
        app.db
          .prepare(`SELECT count(*) FROM ${table} WHERE customer_id IN (${hokuto})`)
          .pluck()
          .get(),
      ).toBe(0);
    }
    expect(
      app.db.prepare(`SELECT count(*) FROM customers WHERE id = 'c-nowhere'`).pluck().get(),
    ).toBe(0);
    const last = app.db.prepare('SELECT refused FROM sync_runs ORDER BY id DESC').pluck().get();
    expect(last).toBe(theirs.length);
    // The unknown customer is told apart from a known one out of scope (the last page).
    sim.append([{ kind: 'contract', data: { ...stranger.data, id: 'k-y' } }]);
    const next = await run(app);
    expect(next.refusals).toEqual([
      {
        path: 'items[0]',
        kind: 'contract',
        key: 'k-y',
        customerId: 'c-nowhere',
        reason: 'unknown_customer',
      },
    ]);
  });

  it('refuses an item whose key belongs to another customer (no moving data across tenants)', async () => {
    const { app, sim } = await syncSetup();
    await run(app);
    const alert = sim.log.items.find((i) => i.kind === 'alert' && i.data.customerId === MINATO[0])!;
    const moved = { ...alert, data: { ...alert.data, customerId: MINATO[1]! } } as FeedChange;
    sim.append([moved]);
    const result = await run(app);
    expect(result.refusals).toEqual([
      expect.objectContaining({ reason: 'other_tenant', customerId: MINATO[1] }),
    ]);
    expectExactlyOnce(app.db, sim.log.items.slice(0, -1));
  });
});

describe('references and changes', () => {
  it('refuses a page naming a device the store does not have, locating it, committing nothing', async () => {
    const { app, sim } = await syncSetup();
    await run(app);
    const head = cursorOf(app.db);
    const good = sim.tick(1);
    sim.append([
      {
        kind: 'deviceStatus',
        data: {
          deviceId: 'd-ghost-1',
          customerId: MINATO[0]!,
          lastSeenAt: FIXED_NOW,
          dataCollectionOk: true,
        },
      },
    ]);
    const result = await run(app);
    expect(result).toMatchObject({ outcome: 'error', items: 0, error: { code: 'reference' } });
    expect(result.error?.issues).toEqual([
      { path: `items[${good.length}].data.deviceId`, message: 'sync:feedIssue.unknownDevice' },
    ]);
    expect(cursorOf(app.db)).toBe(head);
    expectExactlyOnce(app.db, sim.log.items.slice(0, -1 - good.length));
  });

  it('applies a contract change (notice received) and says "contracts" changed', async () => {
    const { app, sim, events } = await syncSetup();
    await run(app);
    const contract = sim.log.items.find((i) => i.kind === 'contract')!;
    if (contract.kind !== 'contract') throw new Error('no contract');
    sim.append([
      {
        kind: 'contract',
        data: { ...contract.data, noticeReceived: '2026-11-20', requestedEnd: '2027-03-31' },
      },
    ]);
    events.length = 0;
    await run(app);
    const row = app.db
      .prepare('SELECT notice_received, requested_end FROM contracts WHERE id = ?')
      .get(contract.data.id);
    expect(row).toEqual({ notice_received: '2026-11-20', requested_end: '2027-03-31' });
    const topics = events.flatMap((e) =>
      e.event === 'data.changed' ? (e.payload as { topics: string[] }).topics : [],
    );
    expect(topics).toEqual(expect.arrayContaining(['contracts', 'sla', 'sync']));
    expect(topics).not.toContain('alerts');
  });
});

describe('schedule', () => {
  it('runs on its own when enabled, then waits one interval after the attempt', async () => {
    const { app, sim, service } = await syncSetup({ deps: { firstRunDelayMs: 30 } });
    expect(service.nextRunAt).toBeNull();
    const r = await app.dispatch('sync.configure', {
      url: sim.feedUrl,
      intervalMinutes: 15,
      enabled: true,
    });
    expect(r.ok).toBe(true);
    expect(service.nextRunAt).toBe(FIXED_NOW + 30);
    await expect
      .poll(
        () =>
          app.db
            .prepare("SELECT count(*) FROM sync_runs WHERE trigger = 'schedule' AND outcome = 'ok'")
            .pluck()
            .get(),
        { timeout: 5000 },
      )
      .toBe(1);
    await expect.poll(() => service.nextRunAt).toBe(FIXED_NOW + 15 * 60_000);
    expectExactlyOnce(app.db, sim.log.items);
    await app.dispatch('sync.configure', { url: sim.feedUrl, intervalMinutes: 15, enabled: false });
    expect(service.nextRunAt).toBeNull();
  });

  it('joins a run going on instead of starting a second one', async () => {
    const { app, sim } = await syncSetup();
    sim.inject({ kind: 'slow', delayMs: 200 });
    const [a, b] = await Promise.all([run(app), run(app)]);
    expect(a.id).toBe(b.id);
    expect(app.db.prepare('SELECT count(*) FROM sync_runs').pluck().get()).toBe(1);
  });
});
