/**
 * Device health: the status of a CTS sensor or a C-SOC-connected appliance, derived from when it was
 * last heard from, the vendor's data-collection check and its latest health sample. The CTS limits
 * come from the terms (002 別紙2 2(4)); every other threshold is SOC Desk's choice where the terms
 * are silent, explained beside it and in docs/devices.md.
 */
import type { Device, HealthSample } from './domain/entities';
import { HOUR_MS, MINUTE_MS } from './time';

export const DEVICE_STATUSES = [
  'healthy',
  'warning',
  'critical',
  'offline',
  'provisioning',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const UNHEALTHY_STATUSES: readonly DeviceStatus[] = ['warning', 'critical', 'offline'];

/** Limits per CTS hardware (002 別紙2 2(4)①②): 1 Gbps monitored, about 1000 endpoints. */
export const CTS_LIMITS = { bandwidthMbps: 1000, endpoints: 1000 } as const;

export const THRESHOLDS = {
  /**
   * Share of a CTS limit that raises a warning, and a critical status. 80 % leaves the partner time
   * to propose a second CTS hardware before the limit (price follows the endpoint count, 002 別紙2
   * 2(4)); from 90 % traffic beyond 1 Gbps may already go unmonitored at peaks.
   */
  limitWarn: 0.8,
  limitCritical: 0.9,
  /**
   * CPU, memory or disk use (percent) that raises a warning, and a critical status: the usual
   * monitoring practice for appliances; a full disk stops log storage and so detection.
   */
  resourceWarn: 85,
  resourceCritical: 95,
  /**
   * A CTS sensor reports every few minutes: silent 15 minutes (the C-SOC notification target,
   * 000 別紙1 2, as a familiar yardstick) is a warning; an hour is offline — CTS cannot detect
   * anything then (detection is 24/365, 002 別紙2).
   */
  ctsSilentWarnMs: 15 * MINUTE_MS,
  ctsOfflineMs: 60 * MINUTE_MS,
  /**
   * Appliances send logs to C-SOC continuously but quiet hours exist (nights, weekends): no log for
   * 6 hours is a warning, for a day offline — C-SOC analyses only the logs it receives (000 第1条, 第2条).
   */
  applianceSilentWarnMs: 6 * HOUR_MS,
  applianceOfflineMs: 24 * HOUR_MS,
} as const;

/** Statuses that put a device on the dashboard's attention list (issue #5). */
export const ALERTING_STATUSES = ['critical', 'offline'] as const satisfies readonly DeviceStatus[];
export type AlertingStatus = (typeof ALERTING_STATUSES)[number];
export const isAlerting = (s: DeviceStatus): s is AlertingStatus =>
  (ALERTING_STATUSES as readonly DeviceStatus[]).includes(s);

export type StatusReason =
  | { key: 'notInstalled' }
  | { key: 'dataCollectionPending' }
  | { key: 'silent'; minutes: number }
  | { key: 'bandwidth'; percent: number }
  | { key: 'endpoints'; percent: number }
  | { key: 'cpu' | 'memory' | 'disk'; percent: number };

export interface StatusResult {
  status: DeviceStatus;
  reasons: StatusReason[];
}

const rank: Record<DeviceStatus, number> = {
  healthy: 0,
  provisioning: 1,
  warning: 2,
  critical: 3,
  offline: 4,
};

export function deviceStatus(
  device: Pick<Device, 'kind' | 'installedOn' | 'lastSeenAt' | 'dataCollectionOk'>,
  latest: Pick<
    HealthSample,
    'cpuPct' | 'memPct' | 'diskPct' | 'bandwidthMbps' | 'endpoints'
  > | null,
  now: number,
): StatusResult {
  // Not yet delivered, or the vendor has not yet confirmed data reaches the portal (002 別紙4 2(6)).
  if (device.installedOn === null)
    return { status: 'provisioning', reasons: [{ key: 'notInstalled' }] };
  if (device.lastSeenAt === null) {
    return { status: 'provisioning', reasons: [{ key: 'dataCollectionPending' }] };
  }
  const isCts = device.kind === 'cts-sensor';
  const silentMs = now - device.lastSeenAt;
  const minutes = Math.floor(silentMs / MINUTE_MS);
  if (silentMs >= (isCts ? THRESHOLDS.ctsOfflineMs : THRESHOLDS.applianceOfflineMs)) {
    return { status: 'offline', reasons: [{ key: 'silent', minutes }] };
  }
  let status: DeviceStatus = 'healthy';
  const reasons: StatusReason[] = [];
  const raise = (to: DeviceStatus, reason: StatusReason) => {
    if (rank[to] > rank[status]) status = to;
    reasons.push(reason);
  };
  if (!device.dataCollectionOk) raise('critical', { key: 'dataCollectionPending' });
  if (silentMs >= (isCts ? THRESHOLDS.ctsSilentWarnMs : THRESHOLDS.applianceSilentWarnMs)) {
    raise('warning', { key: 'silent', minutes });
  }
  if (latest) {
    if (isCts) {
      const ratios = [
        ['bandwidth', latest.bandwidthMbps / CTS_LIMITS.bandwidthMbps],
        ['endpoints', latest.endpoints / CTS_LIMITS.endpoints],
      ] as const;
      for (const [key, ratio] of ratios) {
        const percent = Math.round(ratio * 100);
        if (ratio >= THRESHOLDS.limitCritical) raise('critical', { key, percent });
        else if (ratio >= THRESHOLDS.limitWarn) raise('warning', { key, percent });
      }
    }
    const resources = [
      ['cpu', latest.cpuPct],
      ['memory', latest.memPct],
      ['disk', latest.diskPct],
    ] as const;
    for (const [key, pct] of resources) {
      const percent = Math.round(pct);
      if (pct >= THRESHOLDS.resourceCritical) raise('critical', { key, percent });
      else if (pct >= THRESHOLDS.resourceWarn) raise('warning', { key, percent });
    }
  }
  return { status, reasons };
}
