/**
 * Sync test fixtures: a store holding only the demo tenants (partners and customers, no data), the
 * real simulator on 127.0.0.1, and checks that the store holds exactly what the feed said — every
 * item once, the last word of the feed for each key.
 */
import { expect, onTestFinished } from 'vitest';
import type { EventName, EventPayloads } from '../../../shared/api';
import { DEMO_PARTNERS, DEMO_PROFILES } from '../../../shared/demo';
import type { FeedChange } from '../../../shared/feed';
import { MINUTE_MS } from '../../../shared/time';
import { startFeedSim, type FeedSim, type SimOptions } from '../../../electron/feed-sim/server';
import type { SyncDeps } from '../../../electron/services/sync/engine';
import { startSync, type SyncService } from '../../../electron/services/sync/service';
import type { Db } from '../../../electron/store/database';
import { insertWorld } from '../../../electron/store/world';
import { FIXED_NOW, testApp } from '../helpers';

export const TOKEN = 'sim-token-0123456789';
export const customersOf = (partnerId: string) =>
  DEMO_PROFILES.filter((p) => p.customer.partnerId === partnerId).map((p) => p.customer.id);
export const MINATO = customersOf('p-minato');

/** The demo partners and customers, nothing else: the feed brings the rest. */
export function insertTenants(db: Db): void {
  insertWorld(db, {
    partners: DEMO_PARTNERS,
    customers: DEMO_PROFILES.map((p) => p.customer),
    contracts: [],
    devices: [],
    samples: [],
    alerts: [],
    outages: [],
  });
}

/** A simulator clock that moves one minute per reading (each tick happens at a new time). */
export function steppingClock(start = FIXED_NOW): () => number {
  let n = 0;
  return () => start + n++ * MINUTE_MS;
}

export async function startSim(opts: Partial<SimOptions> = {}): Promise<FeedSim> {
  const sim = await startFeedSim({
    token: TOKEN,
    now: FIXED_NOW,
    days: 2,
    customers: MINATO,
    clock: steppingClock(),
    ...opts,
  });
  onTestFinished(() => sim.close());
  return sim;
}

export interface Recorded {
  event: EventName;
  payload: EventPayloads[EventName];
}

/** A store with tenants, the profile set, a simulator, and the connector with recorded sleeps. */
export async function syncSetup(
  opts: {
    sim?: Partial<SimOptions>;
    deps?: Partial<SyncDeps>;
    profile?: { kind: 'customer' | 'partner'; id: string };
    configure?: boolean;
    dataDir?: string;
  } = {},
) {
  const app = testApp({ demo: false, ...(opts.dataDir && { dataDir: opts.dataDir }) });
  insertTenants(app.db);
  const events: Recorded[] = [];
  app.ctx.emit = (event, payload) => events.push({ event, payload });
  await app.dispatch('session.setProfile', opts.profile ?? { kind: 'partner', id: 'p-minato' });
  const sim = await startSim(opts.sim);
  const sleeps: number[] = [];
  const service: SyncService = startSync(app.ctx, {
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    timeoutMs: 2_000,
    pageLimit: 100,
    ...opts.deps,
  });
  onTestFinished(() => service.stop());
  if (opts.configure !== false) {
    const r = await app.dispatch('sync.configure', {
      url: sim.feedUrl,
      token: TOKEN,
      intervalMinutes: 60,
      enabled: false,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  return { app, sim, service, sleeps, events };
}

/** What the store must hold after the feed's items were applied in order (last word wins). */
export function expectedState(items: readonly FeedChange[]) {
  const alerts = new Map<string, FeedChange & { kind: 'alert' }>();
  const contracts = new Map<string, FeedChange & { kind: 'contract' }>();
  const lastSeen = new Map<string, number | null>();
  const samples = new Map<string, FeedChange & { kind: 'healthSample' }>();
  for (const item of items) {
    if (item.kind === 'alert') alerts.set(`${item.data.source}:${item.data.sourceId}`, item);
    else if (item.kind === 'contract') contracts.set(item.data.id, item);
    else if (item.kind === 'device') lastSeen.set(item.data.id, item.data.lastSeenAt);
    else if (item.kind === 'deviceStatus') lastSeen.set(item.data.deviceId, item.data.lastSeenAt);
    else samples.set(`${item.data.deviceId}@${item.data.at}`, item);
  }
  return { alerts, contracts, lastSeen, samples };
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** The store holds every item of `items` exactly once, and nothing else. */
export function expectExactlyOnce(db: Db, items: readonly FeedChange[]): void {
  const want = expectedState(items);
  expect(count(db, 'SELECT count(*) AS n FROM alerts')).toBe(want.alerts.size);
  expect(count(db, 'SELECT count(*) AS n FROM contracts')).toBe(want.contracts.size);
  expect(count(db, 'SELECT count(*) AS n FROM devices')).toBe(want.lastSeen.size);
  expect(count(db, 'SELECT count(*) AS n FROM health_samples')).toBe(want.samples.size);
  let comms = 0;
  let hosts = 0;
  const row = db.prepare(
    `SELECT a.customer_id, a.detected_at, a.title_en,
       (SELECT count(*) FROM communications c WHERE c.alert_id = a.id) AS comms,
       (SELECT count(*) FROM alert_hosts h WHERE h.alert_id = a.id) AS hosts
     FROM alerts a WHERE source = ? AND source_id = ?`,
  );
  for (const { data } of want.alerts.values()) {
    const r = row.get(data.source, data.sourceId) as
      | { customer_id: string; detected_at: number; title_en: string; comms: number; hosts: number }
      | undefined;
    expect(r, data.sourceId).toEqual({
      customer_id: data.customerId,
      detected_at: data.detectedAt,
      title_en: data.titleEn,
      comms: data.communications.length,
      hosts: new Set(data.hosts).size,
    });
    comms += data.communications.length;
    hosts += new Set(data.hosts).size;
  }
  // No communication or host row left behind by a duplicate delivery.
  expect(count(db, 'SELECT count(*) AS n FROM communications')).toBe(comms);
  expect(count(db, 'SELECT count(*) AS n FROM alert_hosts')).toBe(hosts);
  const seen = db.prepare('SELECT last_seen_at FROM devices WHERE id = ?').pluck();
  for (const [id, at] of want.lastSeen) expect(seen.get(id), id).toBe(at);
}

export function cursorOf(db: Db): string | null {
  return (
    (db.prepare('SELECT cursor FROM sync_state WHERE id = 1').pluck().get() as string | null) ??
    null
  );
}
