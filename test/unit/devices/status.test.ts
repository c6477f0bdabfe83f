import { describe, expect, it } from 'vitest';
import { deviceStatus, type DeviceStatus } from '../../../shared/devices';

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

// Limits per CTS hardware: 1 Gbps and about 1000 endpoints (002 別紙2 2(4)①②); warn at 80 %,
// critical at 90 %. Heartbeat and resource thresholds are SOC Desk's (shared/devices.ts).
const cases: Array<
  [string, Parameters<typeof deviceStatus>[0], Parameters<typeof deviceStatus>[1], DeviceStatus]
> = [
  ['a sensor heard a minute ago, all normal', sensor, sample, 'healthy'],
  ['not yet delivered', { ...sensor, installedOn: null }, null, 'provisioning'],
  [
    'delivered, never heard from (正常性の確認 pending)',
    { ...sensor, lastSeenAt: null },
    null,
    'provisioning',
  ],
  ['silent 14 minutes', { ...sensor, lastSeenAt: NOW - 14 * MIN }, sample, 'healthy'],
  ['silent 15 minutes', { ...sensor, lastSeenAt: NOW - 15 * MIN }, sample, 'warning'],
  ['silent 59 minutes', { ...sensor, lastSeenAt: NOW - 59 * MIN }, sample, 'warning'],
  ['silent 60 minutes', { ...sensor, lastSeenAt: NOW - 60 * MIN }, sample, 'offline'],
  ['bandwidth 799 Mbps (79.9 %)', sensor, { ...sample, bandwidthMbps: 799 }, 'healthy'],
  ['bandwidth 800 Mbps (80 %)', sensor, { ...sample, bandwidthMbps: 800 }, 'warning'],
  ['bandwidth 900 Mbps (90 %)', sensor, { ...sample, bandwidthMbps: 900 }, 'critical'],
  ['endpoints 799', sensor, { ...sample, endpoints: 799 }, 'healthy'],
  ['endpoints 800', sensor, { ...sample, endpoints: 800 }, 'warning'],
  ['endpoints 900', sensor, { ...sample, endpoints: 900 }, 'critical'],
  ['endpoints 1200 (over the limit)', sensor, { ...sample, endpoints: 1200 }, 'critical'],
  ['cpu 85 %', sensor, { ...sample, cpuPct: 85 }, 'warning'],
  ['disk 95 %', sensor, { ...sample, diskPct: 95 }, 'critical'],
  ['data collection failing', { ...sensor, dataCollectionOk: false }, sample, 'critical'],
  ['an appliance silent 5 hours', { ...appliance, lastSeenAt: NOW - 300 * MIN }, sample, 'healthy'],
  ['an appliance silent 6 hours', { ...appliance, lastSeenAt: NOW - 360 * MIN }, sample, 'warning'],
  [
    'an appliance silent 24 hours',
    { ...appliance, lastSeenAt: NOW - 1440 * MIN },
    sample,
    'offline',
  ],
  [
    'an appliance at 950 Mbps (the CTS limit does not apply)',
    appliance,
    { ...sample, bandwidthMbps: 950 },
    'healthy',
  ],
];

describe('deviceStatus', () => {
  it.each(cases)('%s → %s', (_label, device, latest, status) => {
    expect(deviceStatus(device, latest, NOW).status).toBe(status);
  });

  it('says why, with the percentage', () => {
    expect(deviceStatus(sensor, { ...sample, endpoints: 870 }, NOW).reasons).toEqual([
      { key: 'endpoints', percent: 87 },
    ]);
  });
});
