import type { Device, HealthSample } from '../../../shared/domain/entities';
import type { Db } from '../../store/database';
import { placeholders } from '../scope';

interface DeviceRow {
  id: string;
  customer_id: string;
  kind: Device['kind'];
  vendor: string;
  model: string;
  name: string;
  serial: string;
  rented: number;
  contract_id: string | null;
  installed_on: string | null;
  last_seen_at: number | null;
  data_collection_ok: number;
}

interface SampleRow {
  device_id: string;
  at: number;
  cpu_pct: number;
  mem_pct: number;
  disk_pct: number;
  bandwidth_mbps: number;
  endpoints: number;
}

export function deviceFromRow(r: DeviceRow): Device {
  return {
    id: r.id,
    customerId: r.customer_id,
    kind: r.kind,
    vendor: r.vendor,
    model: r.model,
    name: r.name,
    serial: r.serial,
    rented: r.rented === 1,
    contractId: r.contract_id,
    installedOn: r.installed_on,
    lastSeenAt: r.last_seen_at,
    dataCollectionOk: r.data_collection_ok === 1,
  };
}

export function sampleFromRow(r: SampleRow): HealthSample {
  return {
    deviceId: r.device_id,
    at: r.at,
    cpuPct: r.cpu_pct,
    memPct: r.mem_pct,
    diskPct: r.disk_pct,
    bandwidthMbps: r.bandwidth_mbps,
    endpoints: r.endpoints,
  };
}

/** Devices of the given customers, each with its latest health sample (or null). */
export function listDevicesWithLatest(
  db: Db,
  customerIds: readonly string[],
): Array<{ device: Device; latest: HealthSample | null }> {
  const devices = db
    .prepare(
      `SELECT * FROM devices WHERE customer_id IN (${placeholders(customerIds)}) ORDER BY customer_id, id`,
    )
    .all(...customerIds) as DeviceRow[];
  // The primary key (device_id, at) makes each of these one index seek.
  const latest = db.prepare(
    'SELECT * FROM health_samples WHERE device_id = ? ORDER BY at DESC LIMIT 1',
  );
  return devices.map((r) => {
    const s = latest.get(r.id) as SampleRow | undefined;
    return { device: deviceFromRow(r), latest: s ? sampleFromRow(s) : null };
  });
}

/** One device of the given customers, with its latest sample; undefined when not in scope. */
export function getDeviceWithLatest(
  db: Db,
  customerIds: readonly string[],
  deviceId: string,
): { device: Device; latest: HealthSample | null } | undefined {
  const row = db
    .prepare(`SELECT * FROM devices WHERE id = ? AND customer_id IN (${placeholders(customerIds)})`)
    .get(deviceId, ...customerIds) as DeviceRow | undefined;
  if (!row) return undefined;
  const s = db
    .prepare('SELECT * FROM health_samples WHERE device_id = ? ORDER BY at DESC LIMIT 1')
    .get(row.id) as SampleRow | undefined;
  return { device: deviceFromRow(row), latest: s ? sampleFromRow(s) : null };
}
