/**
 * The one API contract between the renderer and the main process (DESIGN.md "One API contract, two
 * hosts"). Every operation is declared once, with the zod schema its input is parsed with and the
 * type of its result. Electron binds each to an IPC channel (electron/ipc.ts), the browser host to
 * `POST /api/<name>` (electron/host/), and the renderer calls them through renderer/api.ts.
 */
import type { z } from 'zod';
import type { Operation } from './ops/op';
import type { Result } from './result';
import { sessionOps } from './ops/session';
import { dashboardOps } from './ops/dashboard';
import { filesOps } from './ops/files';
import { alertsOps } from './ops/alerts';
import { devicesOps } from './ops/devices';
import { contractsOps } from './ops/contracts';
import { slaOps } from './ops/sla';
import { deskOps } from './ops/desk';
import { syncOps } from './ops/sync';
import { reportsOps } from './ops/reports';
import { systemOps } from './ops/system';
import { privacyOps } from './ops/privacy';

export const api = {
  ...sessionOps,
  ...dashboardOps,
  ...filesOps,
  ...alertsOps,
  ...devicesOps,
  ...contractsOps,
  ...slaOps,
  ...deskOps,
  ...syncOps,
  ...reportsOps,
  ...systemOps,
  ...privacyOps,
} as const;

export type Api = typeof api;
export type OperationName = keyof Api;
export const OPERATION_NAMES = Object.keys(api) as OperationName[];

/** What a caller sends (before defaults and transforms). */
export type InputOf<K extends OperationName> = z.input<Api[K]['input']>;
/** What a service receives (after parsing). */
export type ParsedInputOf<K extends OperationName> = z.output<Api[K]['input']>;
export type ResultOf<K extends OperationName> =
  Api[K] extends Operation<z.ZodType, infer R> ? R : never;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(api, name);
}

/** Events the main process pushes to the renderer; every `on` subscription returns an unsubscribe. */
export interface EventPayloads {
  'data.changed': { topics: DataTopic[] };
  /** Progress of a long job (import, report build, sync) run in a worker. */
  'job.progress': { jobId: string; kind: string; done: number; total: number | null };
  /** A long job ended: its typed result. */
  'job.finished': { jobId: string; kind: string; result: Result<unknown> };
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: EventName[] = ['data.changed', 'job.progress', 'job.finished'];
export type DataTopic =
  'alerts' | 'devices' | 'contracts' | 'sla' | 'inquiries' | 'reports' | 'sync' | 'session';

export type {
  Profile,
  ProfileKind,
  SessionInfo,
  AppInfo,
  ProfileOptions,
  CustomerSummary,
} from './ops/session';
export type { DashboardSummary, DayCount } from './ops/dashboard';
export type { FileRef } from './ops/files';
export type { RestoreResult } from './ops/system';
