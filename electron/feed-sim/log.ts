/**
 * The simulator's change log: the demo generator's world (shared/demo) as feed items in an
 * append-only sequence, then a steady trickle of new items, one tick at a time. Deterministic for a
 * seed and a start time, so tests know exactly what the feed holds.
 */
import type { FeedChange } from '../../shared/feed';
import { DEMO_SEED, generateAlerts, generateWorld } from '../../shared/demo';
import type { Device, HealthSample } from '../../shared/domain/entities';
import { DAY_MS, jstIsoDate } from '../../shared/time';

export interface LogOptions {
  /** The world's "now" (epoch ms). */
  now: number;
  seed?: number;
  /** Days of history served (alerts and health samples); default 90, the demo world's. */
  days?: number;
  /** Only these customers (e.g. one partner's); default every demo customer. */
  customers?: readonly string[];
}

/** An append-only log of feed items; item i has sequence number i + 1. */
export class ChangeLog {
  readonly items: FeedChange[] = [];
  private readonly devices: Device[];
  private readonly lastSample = new Map<string, HealthSample>();
  private readonly fresh: Generator<FeedChange & { kind: 'alert' }>;
  private ticks = 0;

  constructor(opts: LogOptions) {
    const days = opts.days ?? 90;
    const world = generateWorld({ now: opts.now, seed: opts.seed ?? DEMO_SEED, days });
    const wanted = new Set(opts.customers ?? world.customers.map((c) => c.id));
    const from = opts.now - days * DAY_MS;
    this.devices = world.devices.filter((d) => wanted.has(d.customerId));
    const customerOf = new Map(this.devices.map((d) => [d.id, d.customerId]));
    // References first (docs/feed-format.md "Guarantees"): contracts, devices, then history by time.
    for (const c of world.contracts)
      if (wanted.has(c.customerId)) this.push({ kind: 'contract', data: c });
    for (const d of this.devices) this.push({ kind: 'device', data: d });
    const history: Array<{ at: number; item: FeedChange }> = [];
    for (const s of world.samples) {
      const customerId = customerOf.get(s.deviceId);
      if (customerId === undefined || s.at < from) continue;
      this.lastSample.set(s.deviceId, s);
      history.push({ at: s.at, item: { kind: 'healthSample', data: { ...s, customerId } } });
    }
    for (const a of world.alerts) {
      if (wanted.has(a.customerId))
        history.push({ at: a.detectedAt, item: { kind: 'alert', data: a } });
    }
    history.sort((x, y) => x.at - y.at);
    for (const h of history) this.push(h.item);
    this.fresh = freshAlerts(opts.now, opts.seed ?? DEMO_SEED, wanted);
  }

  push(item: FeedChange): void {
    this.items.push(item);
  }

  get length(): number {
    return this.items.length;
  }

  /**
   * One tick of the trickle at time `at`: a new alert, and for one device (in turn) a heartbeat and
   * a health sample.
   */
  tick(at: number): FeedChange[] {
    const added: FeedChange[] = [];
    const next = this.fresh.next();
    if (!next.done) added.push(retime(next.value, at, ++this.ticks));
    const device = this.devices[this.ticks % Math.max(1, this.devices.length)];
    if (device) {
      added.push({
        kind: 'deviceStatus',
        data: {
          deviceId: device.id,
          customerId: device.customerId,
          lastSeenAt: at,
          dataCollectionOk: device.dataCollectionOk,
        },
      });
      const base = this.lastSample.get(device.id);
      if (base) {
        const wobble = (v: number) => Math.max(0, Math.min(100, v + ((this.ticks * 7) % 5) - 2));
        added.push({
          kind: 'healthSample',
          data: {
            ...base,
            customerId: device.customerId,
            at,
            cpuPct: wobble(base.cpuPct),
            memPct: wobble(base.memPct),
          },
        });
      }
    }
    for (const item of added) this.push(item);
    return added;
  }
}

/** New alerts for the trickle: the generator's, for the wanted customers, one after another. */
function* freshAlerts(
  now: number,
  seed: number,
  wanted: ReadonlySet<string>,
): Generator<FeedChange & { kind: 'alert' }> {
  for (let round = 0; ; round++) {
    let any = false;
    for (const a of generateAlerts({ now, seed: seed + round, days: 1, count: 500 })) {
      if (!wanted.has(a.customerId)) continue;
      any = true;
      yield { kind: 'alert', data: a };
    }
    if (!any) return;
  }
}

/**
 * A generated alert moved so that it is notified at `at` (it reaches the feed when notified), with
 * its own id (the tick number keeps ids unique).
 */
function retime(item: FeedChange & { kind: 'alert' }, at: number, tick: number): FeedChange {
  const a = item.data;
  const shift = at - (a.notifiedAt ?? a.detectedAt);
  const moved = (t: number) => Math.min(at, t + shift);
  const prefix = /-([A-Z0-9]+)-\d{4}$/.exec(a.sourceId)?.[1] ?? 'SIM';
  const date = jstIsoDate(at).replaceAll('-', '');
  const head = a.source === 'cts' ? 'CTS' : 'IIJ-INC';
  return {
    kind: 'alert',
    data: {
      ...a,
      sourceId: `${head}-${date}-${prefix}-T${String(tick).padStart(6, '0')}`,
      detectedAt: moved(a.detectedAt),
      notifiedAt: a.notifiedAt === null ? null : at,
      firstSeen: moved(a.firstSeen),
      lastSeen: moved(a.lastSeen),
      status: 'new',
      communications: a.communications.map((c) => ({ ...c, at: moved(c.at) })),
    },
  };
}
