import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS } from '../../../shared/catalog';
import { FAULT_GUIDES, guideOf, rentedReturn } from '../../../shared/device-guide';
import {
  CTS_LIMITS,
  THRESHOLDS,
  deviceStatus,
  isAlerting,
  type DeviceStatus,
} from '../../../shared/devices';

const NOW = Date.parse('2026-11-22T10:00:00+09:00');
const MIN = 60_000;
const sensor = {
  kind: 'cts-sensor' as const,
  installedOn: '2026-01-10',
  lastSeenAt: NOW - MIN,
  dataCollectionOk: true,
};
const appliance = { ...sensor, kind: 'firewall' as const };
const sample = { cpuPct: 30, memPct: 40, diskPct: 50, bandwidthMbps: 300, endpoints: 400 };

// Each case: what, device, latest sample, expected status, and where the rule comes from. The CTS
// limits are the terms' (002 別紙2 2(4)①② "1Gbps", "1000台程度"); every other threshold is SOC
// Desk's choice, explained in shared/devices.ts and docs/devices.md ("SOC Desk").
type Case = [
  string,
  Parameters<typeof deviceStatus>[0],
  Parameters<typeof deviceStatus>[1],
  DeviceStatus,
  string,
];
const cases: Case[] = [
  ['a sensor heard a minute ago, all normal', sensor, sample, 'healthy', '—'],
  ['not yet delivered', { ...sensor, installedOn: null }, null, 'provisioning', '002 別紙4 2(1)'],
  [
    'delivered, never heard from (正常性の確認 pending)',
    { ...sensor, lastSeenAt: null },
    null,
    'provisioning',
    '002 別紙4 2(6)',
  ],
  ['silent 14 minutes', { ...sensor, lastSeenAt: NOW - 14 * MIN }, sample, 'healthy', 'SOC Desk'],
  ['silent 15 minutes', { ...sensor, lastSeenAt: NOW - 15 * MIN }, sample, 'warning', 'SOC Desk'],
  ['silent 59 minutes', { ...sensor, lastSeenAt: NOW - 59 * MIN }, sample, 'warning', 'SOC Desk'],
  ['silent 60 minutes', { ...sensor, lastSeenAt: NOW - 60 * MIN }, sample, 'offline', 'SOC Desk'],
  [
    'bandwidth 799 Mbps (79.9 %)',
    sensor,
    { ...sample, bandwidthMbps: 799 },
    'healthy',
    '002 別紙2 2(4)①',
  ],
  [
    'bandwidth 800 Mbps (80 %)',
    sensor,
    { ...sample, bandwidthMbps: 800 },
    'warning',
    '002 別紙2 2(4)①',
  ],
  ['bandwidth 899 Mbps', sensor, { ...sample, bandwidthMbps: 899 }, 'warning', '002 別紙2 2(4)①'],
  [
    'bandwidth 900 Mbps (90 %)',
    sensor,
    { ...sample, bandwidthMbps: 900 },
    'critical',
    '002 別紙2 2(4)①',
  ],
  [
    'bandwidth 1.2 Gbps (over 1 Gbps)',
    sensor,
    { ...sample, bandwidthMbps: 1200 },
    'critical',
    '002 別紙2 2(4)①',
  ],
  ['endpoints 799', sensor, { ...sample, endpoints: 799 }, 'healthy', '002 別紙2 2(4)②'],
  ['endpoints 800', sensor, { ...sample, endpoints: 800 }, 'warning', '002 別紙2 2(4)②'],
  ['endpoints 900', sensor, { ...sample, endpoints: 900 }, 'critical', '002 別紙2 2(4)②'],
  [
    'endpoints 1200 (over the limit)',
    sensor,
    { ...sample, endpoints: 1200 },
    'critical',
    '002 別紙2 2(4)②',
  ],
  ['cpu 84 %', sensor, { ...sample, cpuPct: 84 }, 'healthy', 'SOC Desk'],
  ['cpu 85 %', sensor, { ...sample, cpuPct: 85 }, 'warning', 'SOC Desk'],
  ['memory 95 %', sensor, { ...sample, memPct: 95 }, 'critical', 'SOC Desk'],
  ['disk 95 %', sensor, { ...sample, diskPct: 95 }, 'critical', 'SOC Desk'],
  [
    'data collection failing',
    { ...sensor, dataCollectionOk: false },
    sample,
    'critical',
    '002 別紙4 2(6)',
  ],
  [
    'silent 1 h beats a full disk (offline wins)',
    { ...sensor, lastSeenAt: NOW - 60 * MIN },
    { ...sample, diskPct: 99 },
    'offline',
    'SOC Desk',
  ],
  [
    'an appliance silent 5 hours',
    { ...appliance, lastSeenAt: NOW - 300 * MIN },
    sample,
    'healthy',
    'SOC Desk',
  ],
  [
    'an appliance silent 6 hours',
    { ...appliance, lastSeenAt: NOW - 360 * MIN },
    sample,
    'warning',
    'SOC Desk',
  ],
  [
    'an appliance silent 24 hours',
    { ...appliance, lastSeenAt: NOW - 1440 * MIN },
    sample,
    'offline',
    'SOC Desk',
  ],
  [
    'an appliance at 950 Mbps (the CTS limit does not apply)',
    appliance,
    { ...sample, bandwidthMbps: 950 },
    'healthy',
    '002 別紙2 2(4) (CTS only)',
  ],
];

describe('deviceStatus', () => {
  it.each(cases)('%s → %s (%s)', (_label, device, latest, status) => {
    expect(deviceStatus(device, latest, NOW).status).toBe(status);
  });

  it('uses the limits of the terms and warns at 80 %, critical at 90 %', () => {
    expect(CTS_LIMITS).toEqual({ bandwidthMbps: 1000, endpoints: 1000 });
    expect([THRESHOLDS.limitWarn, THRESHOLDS.limitCritical]).toEqual([0.8, 0.9]);
  });

  it('says why, with the percentage, every reason at once', () => {
    expect(deviceStatus(sensor, { ...sample, endpoints: 870 }, NOW).reasons).toEqual([
      { key: 'endpoints', percent: 87 },
    ]);
    expect(
      deviceStatus(
        { ...sensor, lastSeenAt: NOW - 20 * MIN },
        { ...sample, bandwidthMbps: 910, diskPct: 88 },
        NOW,
      ),
    ).toEqual({
      status: 'critical',
      reasons: [
        { key: 'silent', minutes: 20 },
        { key: 'bandwidth', percent: 91 },
        { key: 'disk', percent: 88 },
      ],
    });
  });

  it('puts only Offline and Critical on the dashboard', () => {
    expect(
      ['healthy', 'warning', 'critical', 'offline', 'provisioning'].filter((s) =>
        isAlerting(s as DeviceStatus),
      ),
    ).toEqual(['critical', 'offline']);
  });
});

describe('fault guides and the return of rented devices', () => {
  it('has a guide for every kind of device, each step with an actor', () => {
    for (const kind of DEVICE_KINDS) expect(FAULT_GUIDES[guideOf(kind)].length).toBeGreaterThan(3);
  });

  it('follows 002 別紙4 3 for CTS: the partner isolates first, the vendor decides, the customer swaps', () => {
    const steps = FAULT_GUIDES.cts.map((s) => [s.key, s.actor, s.article]);
    expect(steps).toContainEqual(['isolate', 'partner', '002 別紙4 3(1)']);
    expect(steps).toContainEqual(['decide', 'vendor', '002 別紙4 3(1), 3(3)']);
    expect(steps).toContainEqual(['swap', 'customer', '002 別紙4 3(4), 1(6)']);
    const order = FAULT_GUIDES.cts.map((s) => s.key);
    expect(order.indexOf('isolate')).toBeLessThan(order.indexOf('decide'));
  });

  it.each([
    // 004 第7条3 and 001 第8条4(2): within 30 days of the end, read as end + 30 (like 30日を経過する日).
    ['ddos', '2026-12-12', '2027-01-11', '004 第7条3'],
    ['vpn', '2026-12-12', '2027-01-11', '001 第8条4(2)'],
    ['vpn', '2027-01-31', '2027-03-02', '001 第8条4(2)'],
    ['ddos', null, null, '004 第7条3'],
  ] as const)('a %s device ending %s goes back by %s (%s)', (kind, end, deadline, article) => {
    expect(rentedReturn(kind, end)).toEqual({ kind: 'within', days: 30, deadline, article });
  });

  it('CTS hardware goes back promptly, with no day count (002 第4条4, 別紙4 4)', () => {
    expect(rentedReturn('cts-sensor', '2026-12-12')).toMatchObject({
      kind: 'promptly',
      deadline: null,
    });
    expect(rentedReturn('firewall', '2026-12-12')).toBeNull();
  });
});
