/**
 * The embedded demo world: deterministic for a given seed and "now", used by the first start (so
 * the dashboard is full at once), by tests and by benchmarks.
 */
import type { Alert } from '../domain/alert';
import type { Contract } from '../domain/contract';
import type { Customer, Device, HealthSample, Partner } from '../domain/entities';
import { jstDayNumber } from '../time';
import { demoAlerts } from './alerts';
import { DEMO_PARTNERS, DEMO_PROFILES } from './companies';
import { demoContracts } from './contracts';
import { demoDevices } from './devices';
import { demoOutages, type DemoOutage } from './outages';
import { Prng } from './prng';

export const DEMO_SEED = 20261122;
export const DEMO_DAYS = 90;

export interface DemoWorld {
  partners: Partner[];
  customers: Customer[];
  contracts: Contract[];
  devices: Device[];
  samples: HealthSample[];
  alerts: Alert[];
  /** IIJ C-SOC and DDoS outages, for the SLA ledger (issue #5). */
  outages: DemoOutage[];
}

export interface DemoOptions {
  now: number;
  seed?: number;
  days?: number;
}

/** Everything but the alerts (cheap), plus the alerts of the last `days` days. */
export function generateWorld(opts: DemoOptions): DemoWorld {
  const seed = opts.seed ?? DEMO_SEED;
  const rng = new Prng(seed);
  const today = jstDayNumber(opts.now);
  const contracts = demoContracts(DEMO_PROFILES, today);
  const { devices, samples } = demoDevices(DEMO_PROFILES, contracts, opts.now, rng);
  const alerts = [
    ...demoAlerts(
      DEMO_PROFILES,
      { now: opts.now, days: opts.days ?? DEMO_DAYS },
      new Prng(seed + 1),
    ),
  ];
  return {
    partners: DEMO_PARTNERS,
    customers: DEMO_PROFILES.map((p) => p.customer),
    contracts,
    devices,
    samples,
    alerts,
    outages: demoOutages(contracts, opts.now),
  };
}

/** Exactly `count` demo alerts spread over `days` days before `now`, generated lazily (benchmarks). */
export function generateAlerts(opts: DemoOptions & { count: number }): Generator<Alert> {
  return demoAlerts(
    DEMO_PROFILES,
    { now: opts.now, days: opts.days ?? DEMO_DAYS, count: opts.count },
    new Prng((opts.seed ?? DEMO_SEED) + 2),
  );
}

export { DEMO_PARTNERS, DEMO_PROFILES } from './companies';
export type { DemoOutage } from './outages';
