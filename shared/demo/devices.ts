/**
 * Demo devices: a CTS sensor for every SOC in Pocket customer, the appliances connected to C-SOC,
 * rented DDoS devices and Secure Endpoint VPN pairs, with 90 days of health samples (hourly for
 * sensors, daily for appliances). A few are unhealthy on purpose so the dashboard has something to say.
 */
import type { DeviceKind } from '../catalog';
import type { Contract } from '../domain/contract';
import type { Device, HealthSample } from '../domain/entities';
import { DAY_MS, HOUR_MS, MINUTE_MS, dayToIsoDate, jstDayNumber } from '../time';
import type { DemoProfile } from './companies';
import type { Prng } from './prng';

const APPLIANCES: Record<string, { kind: DeviceKind; vendor: string; model: string }[]> = {
  'c-kawasemi': [
    { kind: 'firewall', vendor: 'Fortinet', model: 'FortiGate 100F' },
    { kind: 'swg', vendor: 'IIJ', model: 'Secure Web Gateway' },
    { kind: 'endpoint', vendor: 'IIJ', model: 'Secure Endpoint (AuroraProtect)' },
  ],
  'c-hikari': [
    { kind: 'ips', vendor: 'Trellix', model: 'NSP 3200' },
    { kind: 'firewall', vendor: 'Palo Alto Networks', model: 'PA-440' },
    { kind: 'waf', vendor: 'IIJ', model: 'Managed WAF' },
  ],
  'c-tsubame': [
    { kind: 'firewall', vendor: 'Juniper Networks', model: 'SRX345' },
    { kind: 'mail', vendor: 'IIJ', model: 'Secure MX' },
  ],
};

/** How each demo customer's devices look right now (drives the latest sample and last-seen time). */
const CURRENT: Record<string, { endpoints: number; bandwidth: number; silentMin: number }> = {
  'c-sakuragawa': { endpoints: 870, bandwidth: 420, silentMin: 1 },
  'c-aoba': { endpoints: 140, bandwidth: 95, silentMin: 2 },
  'c-tsubame': { endpoints: 510, bandwidth: 840, silentMin: 1 },
  'c-kotobuki': { endpoints: 330, bandwidth: 260, silentMin: 190 },
};

export interface DemoDevices {
  devices: Device[];
  samples: HealthSample[];
}

export function demoDevices(
  profiles: DemoProfile[],
  contracts: Contract[],
  now: number,
  rng: Prng,
): DemoDevices {
  const devices: Device[] = [];
  const samples: HealthSample[] = [];
  const from = now - 90 * DAY_MS;
  const contractOf = (customerId: string, service: Contract['service'], item?: string) =>
    contracts.find(
      (k) =>
        k.customerId === customerId &&
        k.service === service &&
        (item === undefined || k.item === item),
    );

  for (const p of profiles) {
    const cid = p.customer.id;
    const add = (d: Omit<Device, 'id' | 'customerId' | 'serial'>) => {
      const id = `d-${cid.slice(2)}-${devices.filter((x) => x.customerId === cid).length + 1}`;
      devices.push({ ...d, id, customerId: cid, serial: `SN${rng.int(10_000_000, 99_999_999)}` });
      return id;
    };
    if (p.socInPocket) {
      const contract = contractOf(cid, 'soc-in-pocket');
      const cur = CURRENT[cid] ?? { endpoints: 200, bandwidth: 100, silentMin: 1 };
      const id = add({
        kind: 'cts-sensor',
        vendor: 'NTT Security Japan',
        model: 'CTS Hardware',
        name: `${p.hostPrefix}-CTS01`,
        rented: true,
        contractId: contract?.id ?? null,
        installedOn: contract?.start ?? null,
        lastSeenAt: now - cur.silentMin * MINUTE_MS,
        dataCollectionOk: true,
      });
      const installedAt = contract ? Date.parse(`${contract.start}T01:00:00Z`) : from;
      for (
        let t = Math.max(from, installedAt);
        t <= now - cur.silentMin * MINUTE_MS;
        t += HOUR_MS
      ) {
        const hourJst = new Date(t + 9 * HOUR_MS).getUTCHours();
        const working = hourJst >= 8 && hourJst < 19 ? 1 : 0.25;
        const near = now - t < 6 * HOUR_MS;
        samples.push({
          deviceId: id,
          at: t,
          cpuPct: clamp(25 + 30 * working + rng.int(-8, 8)),
          memPct: clamp(48 + 12 * working + rng.int(-4, 4)),
          diskPct: clamp(40 + ((t - from) / (90 * DAY_MS)) * 12),
          bandwidthMbps: near
            ? cur.bandwidth
            : Math.round(cur.bandwidth * (0.3 + 0.55 * working) + rng.int(-20, 20)),
          endpoints: near ? cur.endpoints : Math.max(0, cur.endpoints - rng.int(0, 40)),
        });
      }
    }
    for (const a of APPLIANCES[cid] ?? []) {
      // The WAF has been quiet for 8 hours: a warning on the dashboard.
      const silent = a.kind === 'waf' ? 8 * 60 : rng.int(1, 20);
      const id = add({
        ...a,
        name: `${p.hostPrefix}-${a.kind.toUpperCase()}01`,
        rented: false,
        contractId: null,
        installedOn: dayToIsoDate(jstDayNumber(now) - 500),
        lastSeenAt: now - silent * MINUTE_MS,
        dataCollectionOk: true,
      });
      for (let t = from; t <= now; t += DAY_MS) {
        samples.push({
          deviceId: id,
          at: t,
          cpuPct: clamp(20 + rng.int(0, 35)),
          memPct: clamp(40 + rng.int(0, 25)),
          diskPct: clamp(30 + rng.int(0, 10)),
          bandwidthMbps: rng.int(20, 300),
          endpoints: 0,
        });
      }
    }
    for (const item of p.ddos) {
      add({
        kind: 'ddos',
        vendor: 'IIJ',
        model: `DDoS Protection (${item})`,
        name: `${p.hostPrefix}-DDOS01`,
        rented: true,
        contractId: contractOf(cid, 'iij-ddos', item)?.id ?? null,
        installedOn: contractOf(cid, 'iij-ddos', item)?.start ?? null,
        lastSeenAt: now - rng.int(1, 10) * MINUTE_MS,
        dataCollectionOk: true,
      });
    }
    const tunnel = contracts.find(
      (k) => k.customerId === cid && k.options.includes('tunnel-device'),
    );
    if (tunnel) {
      for (const n of [1, 2]) {
        add({
          kind: 'vpn',
          vendor: 'IIJ',
          model: 'SEIL/X4',
          name: `${p.hostPrefix}-VPN0${n}`,
          rented: true,
          contractId: tunnel.id,
          installedOn: tunnel.start,
          lastSeenAt: now - rng.int(1, 10) * MINUTE_MS,
          dataCollectionOk: true,
        });
      }
    }
  }
  return { devices, samples };
}

function clamp(v: number): number {
  return Math.max(0, Math.min(100, Math.round(v)));
}
