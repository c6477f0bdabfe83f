import { z } from 'zod';
import type { ServiceId } from '../catalog';
import type { Device, HealthSample } from '../domain/entities';
import type { DeviceStatus, StatusReason } from '../devices';
import type { ReturnRule } from '../device-guide';
import { op } from './op';
import { entityId } from './session';

/** The contract a device belongs to (rented devices), and when it ends if notice was given. */
export interface DeviceContract {
  id: string;
  contractNo: string;
  service: ServiceId;
  item: string | null;
  /** The day a cancellation takes effect (shared/contracts.ts contractEnd), else null. */
  endsOn: string | null;
}

export interface DeviceListItem {
  device: Device;
  status: DeviceStatus;
  reasons: StatusReason[];
  latest: HealthSample | null;
  contract: DeviceContract | null;
  /** Rented devices: how they go back when the contract ends (001 第8条4(2), 004 第7条3, 002 別紙4 4). */
  returnRule: ReturnRule | null;
}

/** One JST day of a device's health samples. */
export interface DayHealth {
  /** JST day number (shared/time.ts). */
  day: number;
  samples: number;
  bandwidthMax: number;
  bandwidthAvg: number;
  endpointsMax: number;
  cpuAvg: number;
  cpuMax: number;
  memAvg: number;
  diskMax: number;
}

export interface DeviceDetail extends DeviceListItem {
  days: 30 | 90;
  history: DayHealth[];
  asOf: number;
}

/** Something on the dashboard that needs a look: a device down, or a contract deadline near. */
export type AttentionItem =
  | {
      kind: 'device';
      customerId: string;
      deviceId: string;
      name: string;
      deviceKind: Device['kind'];
      status: 'critical' | 'offline';
      reasons: StatusReason[];
      lastSeenAt: number | null;
    }
  | {
      kind: 'contract';
      customerId: string;
      contractId: string;
      contractNo: string;
      service: ServiceId;
      next: { kind: 'notice' | 'minimumPeriod'; date: string; daysLeft: number };
    };

export const devicesOps = {
  'devices.list': op<{ asOf: number; devices: DeviceListItem[] }>()(
    z.object({ customerId: entityId.nullable() }).strict(),
  ),
  'devices.get': op<DeviceDetail>()(
    z.object({ deviceId: entityId, days: z.union([z.literal(30), z.literal(90)]) }).strict(),
  ),
  /** Devices that are Offline or Critical and contracts needing action, most urgent first. */
  'dashboard.attention': op<{ asOf: number; items: AttentionItem[] }>()(
    z.object({ customerId: entityId.nullable() }).strict(),
  ),
};
