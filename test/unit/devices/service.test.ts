import { describe, expect, it } from 'vitest';
import { contractEnd, contractStanding } from '../../../shared/contracts';
import { generateWorld } from '../../../shared/demo';
import { deviceStatus } from '../../../shared/devices';
import type { AttentionItem, DeviceDetail, DeviceListItem } from '../../../shared/ops/devices';
import type { Result } from '../../../shared/result';
import { DAY_MS, jstDayNumber, jstIsoDate } from '../../../shared/time';
import { FIXED_NOW, testApp } from '../helpers';

// Expected values come from the generated world in plain JavaScript, not from the store.
const world = generateWorld({ now: FIXED_NOW });
const latestOf = (id: string) =>
  world.samples.filter((s) => s.deviceId === id).sort((a, b) => b.at - a.at)[0] ?? null;

async function value<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('devices.list', () => {
  it('gives a partner every device of its customers, with the status the rules derive', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-hokuto' });
    const { devices } = await value<{ devices: DeviceListItem[] }>(
      app.dispatch('devices.list', { customerId: null }),
    );
    const ids = world.customers.filter((c) => c.partnerId === 'p-hokuto').map((c) => c.id);
    const expected = world.devices.filter((d) => ids.includes(d.customerId));
    expect(devices.map((d) => d.device.id).sort()).toEqual(expected.map((d) => d.id).sort());
    for (const d of devices) {
      const w = expected.find((x) => x.id === d.device.id)!;
      expect(d.status).toBe(deviceStatus(w, latestOf(w.id), FIXED_NOW).status);
    }
    // The demo's deliberately unhealthy devices.
    const status = (name: string) => devices.find((d) => d.device.name === name)?.status;
    expect(status('KTB-CTS01')).toBe('offline');
    expect(status('TBM-CTS01')).toBe('warning');
    expect(status('HKR-WAF01')).toBe('warning');
  });

  it('shows the 30-day return deadline of a rented device whose contract ends (001 第8条4(2))', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-kotobuki' });
    const { devices } = await value<{ devices: DeviceListItem[] }>(
      app.dispatch('devices.list', { customerId: null }),
    );
    const vpn = devices.find((d) => d.device.kind === 'vpn')!;
    const contract = world.contracts.find((k) => k.id === vpn.device.contractId)!;
    const end = contractEnd(contract)!;
    // Notice 10 days before today (the demo) + 30 days (001 第10条1) = 20 days after today.
    expect(end).toBe(jstIsoDate(FIXED_NOW + 20 * DAY_MS));
    expect(vpn.contract?.endsOn).toBe(end);
    expect(vpn.returnRule).toEqual({
      kind: 'within',
      days: 30,
      deadline: jstIsoDate(FIXED_NOW + 50 * DAY_MS),
      article: '001 第8条4(2)',
    });
    const ddos = devices.find((d) => d.device.kind === 'ddos')!;
    expect(ddos.returnRule).toMatchObject({ deadline: null, article: '004 第7条3' });
    expect(devices.find((d) => d.device.kind === 'cts-sensor')!.returnRule?.kind).toBe('promptly');
  });
});

describe('devices.get', () => {
  it('groups samples by JST day: max and average per day, 30 or 90 days', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-sakuragawa' });
    const id = world.devices.find((d) => d.customerId === 'c-sakuragawa')!.id;
    for (const days of [30, 90] as const) {
      const d = await value<DeviceDetail>(app.dispatch('devices.get', { deviceId: id, days }));
      const first = jstDayNumber(FIXED_NOW) - days + 1;
      const samples = world.samples.filter((s) => s.deviceId === id && jstDayNumber(s.at) >= first);
      expect(d.history.map((h) => h.day)).toEqual([
        ...new Set(samples.map((s) => jstDayNumber(s.at))),
      ]);
      const day = d.history[3]!;
      const ofDay = samples.filter((s) => jstDayNumber(s.at) === day.day);
      expect(day.samples).toBe(ofDay.length);
      expect(day.bandwidthMax).toBe(Math.max(...ofDay.map((s) => s.bandwidthMbps)));
      expect(day.endpointsMax).toBe(Math.max(...ofDay.map((s) => s.endpoints)));
      const cpuAvg = ofDay.reduce((n, s) => n + s.cpuPct, 0) / ofDay.length;
      expect(day.cpuAvg).toBeCloseTo(cpuAvg, 1);
    }
  });

  it("refuses another customer's device exactly as a missing one", async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-aoba' });
    const other = world.devices.find((d) => d.customerId === 'c-kotobuki')!.id;
    const missing = await app.dispatch('devices.get', { deviceId: 'd-nobody-1', days: 30 });
    const foreign = await app.dispatch('devices.get', { deviceId: other, days: 30 });
    expect(foreign).toEqual(missing);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    expect(await app.dispatch('devices.list', { customerId: 'c-kotobuki' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('dashboard.attention', () => {
  it('lists Offline and Critical devices, then contracts needing action, soonest first', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-hokuto' });
    const { items } = await value<{ items: AttentionItem[] }>(
      app.dispatch('dashboard.attention', { customerId: null }),
    );
    const devices = items.filter((i) => i.kind === 'device');
    expect(devices.map((d) => [d.name, d.status])).toEqual([['KTB-CTS01', 'offline']]);
    const ids = ['c-hikari', 'c-tsubame', 'c-kotobuki'];
    const today = jstIsoDate(FIXED_NOW);
    const due = world.contracts.filter(
      (k) => ids.includes(k.customerId) && contractStanding(k, today).actionNeeded,
    );
    const contracts = items.filter((i) => i.kind === 'contract');
    expect(contracts.map((c) => c.contractId).sort()).toEqual(due.map((k) => k.id).sort());
    expect(contracts.map((c) => c.next.daysLeft)).toEqual(
      contracts.map((c) => c.next.daysLeft).sort((a, b) => a - b),
    );
    expect(items.indexOf(devices[0]!)).toBe(0);
  });

  it('raises a device as soon as it turns Critical', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-sakuragawa' });
    const before = await value<{ items: AttentionItem[] }>(
      app.dispatch('dashboard.attention', { customerId: null }),
    );
    expect(before.items.filter((i) => i.kind === 'device')).toEqual([]);
    const id = world.devices.find((d) => d.customerId === 'c-sakuragawa')!.id;
    app.db
      .prepare(
        `INSERT INTO health_samples (device_id, at, cpu_pct, mem_pct, disk_pct, bandwidth_mbps, endpoints)
         VALUES (?, ?, 30, 40, 50, 300, 950)`,
      )
      .run(id, FIXED_NOW - 1000);
    const after = await value<{ items: AttentionItem[] }>(
      app.dispatch('dashboard.attention', { customerId: null }),
    );
    expect(after.items[0]).toMatchObject({
      kind: 'device',
      deviceId: id,
      status: 'critical',
      reasons: [{ key: 'endpoints', percent: 95 }],
    });
  });
});
