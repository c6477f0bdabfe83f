import type { DemoWorld } from './index';

/**
 * The demo world as one partner's own installation would hold it: that partner and its customers
 * only (`--demo-partner` in the browser host). Every collection keyed by customer is filtered, so
 * collections added later must carry `customerId` (or a device id) to be filtered too.
 */
export function onePartnerWorld(world: DemoWorld, partnerId: string): DemoWorld {
  const customers = new Set(
    world.customers.filter((c) => c.partnerId === partnerId).map((c) => c.id),
  );
  if (customers.size === 0) throw new Error(`no demo partner ${partnerId}`);
  const devices = new Set(
    world.devices.filter((d) => customers.has(d.customerId)).map((d) => d.id),
  );
  const mine = <T extends { customerId: string }>(rows: T[]) =>
    rows.filter((r) => customers.has(r.customerId));
  return {
    ...world,
    partners: world.partners.filter((p) => p.id === partnerId),
    customers: world.customers.filter((c) => customers.has(c.id)),
    contracts: mine(world.contracts),
    devices: mine(world.devices),
    samples: world.samples.filter((s) => devices.has(s.deviceId)),
    alerts: mine(world.alerts),
    outages: mine(world.outages),
  };
}
