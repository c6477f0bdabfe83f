import { describe, expect, it } from 'vitest';
import { CSOC_KINDS, CTS_KINDS, SERVICES, THREAT_CLASSES } from '../../shared/catalog';
import { alertSchema } from '../../shared/domain/alert';
import { contractSchema } from '../../shared/domain/contract';
import { customerSchema, deviceSchema } from '../../shared/domain/entities';
import { generateAlerts, generateWorld } from '../../shared/demo';
import { DAY_MS } from '../../shared/time';
import { FIXED_NOW } from './helpers';

const world = generateWorld({ now: FIXED_NOW });

describe('demo world', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(generateWorld({ now: FIXED_NOW })).toEqual(world);
    expect(generateWorld({ now: FIXED_NOW, seed: 7 }).alerts).not.toEqual(world.alerts);
  });

  it('has two partners and six customers, each with a registered contact', () => {
    expect(world.partners).toHaveLength(2);
    expect(world.customers).toHaveLength(6);
    for (const c of world.customers) expect(customerSchema.parse(c)).toEqual(c);
    expect(new Set(world.customers.map((c) => c.contact.email)).size).toBe(6);
  });

  it('has contracts of all five services and the mix of customers the demo needs', () => {
    for (const k of world.contracts) expect(contractSchema.parse(k)).toEqual(k);
    expect(new Set(world.contracts.map((k) => k.service))).toEqual(new Set(SERVICES));
    const servicesOf = (id: string) =>
      new Set(world.contracts.filter((k) => k.customerId === id).map((k) => k.service));
    expect([...servicesOf('c-sakuragawa')]).toEqual(['soc-in-pocket']);
    const categories = world.contracts
      .filter((k) => k.service === 'iij-c-soc' && k.category && k.category !== 'module')
      .map((k) => k.category);
    expect(new Set(categories)).toEqual(new Set(['premium', 'advanced', 'basic']));
    const modules = world.contracts.filter((k) => k.category === 'module').map((k) => k.module);
    expect(new Set(modules).size).toBeGreaterThanOrEqual(6);
  });

  it('has CTS sensors and C-SOC appliances with 90 days of health samples', () => {
    for (const d of world.devices) expect(deviceSchema.parse(d)).toEqual(d);
    const sensors = world.devices.filter((d) => d.kind === 'cts-sensor');
    expect(sensors.length).toBe(
      world.contracts.filter((k) => k.service === 'soc-in-pocket').length,
    );
    expect(world.devices.some((d) => d.vendor === 'Fortinet')).toBe(true);
    expect(world.devices.some((d) => d.vendor === 'Palo Alto Networks')).toBe(true);
    const old = sensors.find((d) => d.customerId === 'c-sakuragawa')!;
    const samples = world.samples.filter((s) => s.deviceId === old.id);
    expect(Math.min(...samples.map((s) => s.at))).toBeLessThanOrEqual(FIXED_NOW - 89 * DAY_MS);
  });

  it('has 90 days of valid alerts in every CTS class and kind (002 別紙2 §3) and several C-SOC modules', () => {
    for (const a of world.alerts) alertSchema.parse(a);
    expect(Math.min(...world.alerts.map((a) => a.detectedAt))).toBeGreaterThanOrEqual(
      FIXED_NOW - 90 * DAY_MS,
    );
    expect(Math.max(...world.alerts.map((a) => a.detectedAt))).toBeLessThan(FIXED_NOW);
    const cts = world.alerts.filter((a) => a.source === 'cts');
    expect(new Set(cts.map((a) => a.threatKind))).toEqual(new Set(Object.keys(CTS_KINDS)));
    expect(new Set(cts.map((a) => a.threatClass)).size).toBe(5);
    const csoc = world.alerts.filter((a) => a.source === 'csoc');
    expect(new Set(csoc.map((a) => a.module)).size).toBeGreaterThanOrEqual(6);
    for (const a of csoc)
      expect(CSOC_KINDS[a.threatKind as keyof typeof CSOC_KINDS].module).toBe(a.module);
    expect(new Set(world.alerts.map((a) => a.threatClass))).toEqual(new Set(THREAT_CLASSES));
    for (const a of world.alerts) {
      expect(a.titleJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(a.titleEn).toMatch(/^[\x20-\x7e]+$/);
      expect(a.communications.length).toBeGreaterThan(0);
    }
  });

  it('notifies a few C-SOC important incidents later than 15 minutes (000 別紙1 2)', () => {
    const important = world.alerts.filter((a) => a.important);
    const late = important.filter((a) => a.notifiedAt! - a.detectedAt > 15 * 60_000);
    expect(important.length).toBeGreaterThan(50);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / important.length).toBeLessThan(0.2);
  });

  it('generates exactly N alerts on demand, lazily, with unique source ids', () => {
    const ids = new Set<string>();
    let n = 0;
    for (const a of generateAlerts({ now: FIXED_NOW, count: 5000 })) {
      ids.add(`${a.source}/${a.sourceId}`);
      n++;
    }
    expect(n).toBe(5000);
    expect(ids.size).toBe(5000);
  });
});

describe("one partner's demo installation", () => {
  it('holds that partner and its customers only, everything else filtered consistently', async () => {
    const { onePartnerWorld } = await import('../../shared/demo/one-partner');
    const w = onePartnerWorld(world, 'p-hokuto');
    const ids = new Set(['c-hikari', 'c-tsubame', 'c-kotobuki']);
    expect(w.partners.map((p) => p.id)).toEqual(['p-hokuto']);
    expect(new Set(w.customers.map((c) => c.id))).toEqual(ids);
    for (const rows of [w.contracts, w.devices, w.alerts, w.outages]) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => ids.has(r.customerId))).toBe(true);
    }
    const devices = new Set(w.devices.map((d) => d.id));
    expect(w.samples.every((s) => devices.has(s.deviceId))).toBe(true);
    expect(w.alerts).toHaveLength(world.alerts.filter((a) => ids.has(a.customerId)).length);
    expect(() => onePartnerWorld(world, 'p-nobody')).toThrow();
  });
});
