import { contractEnd } from '../../../shared/contracts';
import { rentedReturn } from '../../../shared/device-guide';
import { deviceStatus } from '../../../shared/devices';
import type { Contract } from '../../../shared/domain/contract';
import type { Device, HealthSample } from '../../../shared/domain/entities';
import type { DayHealth, DeviceListItem } from '../../../shared/ops/devices';
import { jstMidnight, dayToIsoDate } from '../../../shared/time';
import type { Db } from '../../store/database';

/** A device as the screens show it: its status and reasons, its contract and return rule. */
export function deviceView(
  entry: { device: Device; latest: HealthSample | null },
  contracts: ReadonlyMap<string, Contract>,
  now: number,
): DeviceListItem {
  const { device, latest } = entry;
  const { status, reasons } = deviceStatus(device, latest, now);
  const k = device.contractId ? contracts.get(device.contractId) : undefined;
  const endsOn = k ? contractEnd(k) : null;
  return {
    device,
    status,
    reasons,
    latest,
    contract: k
      ? { id: k.id, contractNo: k.contractNo, service: k.service, item: k.item, endsOn }
      : null,
    returnRule: device.rented ? rentedReturn(device.kind, endsOn) : null,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A device's samples grouped by JST day, from `firstDay` on: one primary-key range scan of one
 * device (at most 24 × 90 rows), so the day is computed here rather than stored.
 */
export function dailyHealth(db: Db, deviceId: string, firstDay: number): DayHealth[] {
  const rows = db
    .prepare(
      `SELECT (at + 32400000) / 86400000 AS day, count(*) AS samples,
              max(bandwidth_mbps) AS bandwidthMax, avg(bandwidth_mbps) AS bandwidthAvg,
              max(endpoints) AS endpointsMax, avg(cpu_pct) AS cpuAvg, max(cpu_pct) AS cpuMax,
              avg(mem_pct) AS memAvg, max(disk_pct) AS diskMax
       FROM health_samples WHERE device_id = ? AND at >= ?
       GROUP BY day ORDER BY day`,
    )
    .all(deviceId, jstMidnight(dayToIsoDate(firstDay))) as DayHealth[];
  return rows.map((r) => ({
    ...r,
    bandwidthMax: round1(r.bandwidthMax),
    bandwidthAvg: round1(r.bandwidthAvg),
    cpuAvg: round1(r.cpuAvg),
    cpuMax: round1(r.cpuMax),
    memAvg: round1(r.memAvg),
    diskMax: round1(r.diskMax),
  }));
}
