import { z } from 'zod';
import type { AlertSource, Severity, ThreatClass } from '../catalog';
import { op } from './op';
import { entityId } from './session';

export interface DayCount {
  /** JST day number (see shared/time.ts). */
  day: number;
  byClass: Record<ThreatClass, number>;
  bySource: Record<AlertSource, number>;
}

export interface DashboardSummary {
  /** The customer shown, or null for all customers in the profile's scope. */
  customerId: string | null;
  days: 30 | 90;
  /** The main process's clock when the summary was made. */
  asOf: number;
  openBySeverity: Record<Severity, number>;
  openTotal: number;
  newLast24h: number;
  devices: { total: number; unhealthy: number };
  contracts: { total: number; needingAction: number };
  perDay: DayCount[];
  topHosts: Array<{ host: string; customerId: string; count: number }>;
}

export const dashboardOps = {
  'dashboard.summary': op<DashboardSummary>()(
    z
      .object({
        customerId: entityId.nullable(),
        days: z.union([z.literal(30), z.literal(90)]),
      })
      .strict(),
  ),
};
