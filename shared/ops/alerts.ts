/**
 * Operations of the alerts feature (issue #4): the queue (list, count, rows), the detail, the
 * status workflow and the recommendation checklist, CSV export and file import. See docs/alerts.md.
 */
import { z } from 'zod';
import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  CSOC_MODULES,
  SEVERITIES,
  THREAT_CLASSES,
  THREAT_KINDS,
  type AlertSource,
  type AlertStatus,
  type AttackTacticId,
  type CsocModule,
  type KillChainPhase,
  type Severity,
  type ThreatClass,
  type ThreatKind,
} from '../catalog';
import type { Communication } from '../domain/alert';
import { isoDate } from '../domain/contract';
import { CSV_FIELDS, type CsvMapping } from '../import/csv-map';
import { fileId } from './files';
import { op } from './op';
import { empty, entityId } from './session';

/**
 * The status workflow: new → acknowledged → in progress → resolved or false positive. A false
 * positive can be declared from any open status; a closed alert can be reopened (back to in
 * progress). The terms do not prescribe a workflow; this is SOC Desk's (docs/alerts.md).
 */
export const ALERT_TRANSITIONS: Record<AlertStatus, readonly AlertStatus[]> = {
  new: ['acknowledged', 'false_positive'],
  acknowledged: ['in_progress', 'false_positive'],
  in_progress: ['resolved', 'false_positive'],
  resolved: ['in_progress'],
  false_positive: ['in_progress'],
};

/** Closing and reopening need a note saying why (it goes into the audit log). */
export function noteRequired(from: AlertStatus, to: AlertStatus): boolean {
  return (
    to === 'resolved' || to === 'false_positive' || from === 'resolved' || from === 'false_positive'
  );
}

export const ALERT_SORTS = ['newest', 'oldest', 'severity'] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

const set = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values)).max(values.length).optional();

/** A view of the queue; every field also lives in the URL (`#/alerts?…`). */
export const alertFilterSchema = z
  .object({
    customerId: entityId.nullable(),
    sources: set(ALERT_SOURCES),
    modules: set(CSOC_MODULES),
    severities: set(SEVERITIES),
    classes: set(THREAT_CLASSES),
    kinds: set(THREAT_KINDS as [ThreatKind, ...ThreatKind[]]),
    statuses: set(ALERT_STATUSES),
    /** One affected host, exactly as the alert names it. */
    host: z.string().trim().min(1).max(255).optional(),
    /** Detected on or after this JST date. */
    from: isoDate.optional(),
    /** Detected on or before this JST date. */
    to: isoDate.optional(),
    /** Search words (titles, descriptions, hosts, indicators; Japanese and English). */
    q: z.string().max(200).optional(),
  })
  .strict();
export type AlertFilter = z.input<typeof alertFilterSchema>;

/** One line of the queue. */
export interface AlertRow {
  id: number;
  source: AlertSource;
  sourceId: string;
  customerId: string;
  module: CsocModule | null;
  threatClass: ThreatClass;
  threatKind: ThreatKind;
  severity: Severity;
  sourceSeverity: string;
  important: boolean;
  titleJa: string;
  titleEn: string;
  detectedAt: number;
  notifiedAt: number | null;
  lastSeen: number;
  count: number;
  status: AlertStatus;
  hosts: string[];
}

export interface AlertPage {
  rows: AlertRow[];
  /** Pass back to get the next page; null at the end. */
  nextCursor: string | null;
}

export interface AlertCount {
  /** Null when it cannot be counted cheaply (search, host, or dates with other filters). */
  count: number | null;
  /** With `afterId`: more new alerts than were counted. */
  more: boolean;
}

export interface AuditEntry {
  at: number;
  actor: string;
  /** The profile's company, when it still exists. */
  actorName: { ja: string; en: string } | null;
  action: string;
  from: string | null;
  to: string | null;
  note: string | null;
}

/** C-SOC important incident: detected vs notified against the 15-minute target (000 別紙1 2). */
export interface SlaCheck {
  /** The customer's C-SOC category; the guarantee excludes Basic (000 第11条). */
  category: 'premium' | 'advanced' | 'basic' | null;
  minutes: number | null;
  /** null: not notified yet and still within the 15 minutes. */
  held: boolean | null;
}

export interface AlertDetail {
  alert: AlertRow & {
    descriptionJa: string;
    descriptionEn: string;
    originalText: string | null;
    firstSeen: number;
    killChain: KillChainPhase | null;
    tactic: AttackTacticId | null;
    indicators: string[];
  };
  communications: Communication[];
  communicationsTotal: number;
  customer: {
    id: string;
    nameJa: string;
    nameEn: string;
    /** Neither UTM with URL filtering nor FW + Proxy (002 別紙2 2(3)). */
    perimeterMissing: boolean;
  };
  checklist: Array<{ recommendationId: string; doneAt: number }>;
  history: AuditEntry[];
  sla: SlaCheck | null;
}

export const IMPORT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportPreview {
  format: ImportFormat;
  name: string;
  size: number;
  /** CSV only: the header, a few rows and the mapping SOC Desk suggests. */
  csv: { header: string[]; rows: string[][]; suggested: CsvMapping } | null;
}

export interface ImportSummary {
  id: number;
  startedAt: number;
  finishedAt: number | null;
  fileName: string;
  format: ImportFormat;
  state: 'validating' | 'applying' | 'done' | 'invalid' | 'cancelled' | 'failed' | 'rolled_back';
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What `job.finished` carries for an import that ran to its end or was cancelled. */
export interface ImportOutcome {
  importId: number;
  state: 'done' | 'cancelled';
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

const alertId = z.number().int().positive();
const csvMappingSchema = z
  .partialRecord(z.enum(CSV_FIELDS), z.number().int().min(0).max(1023))
  .refine((m) => Object.keys(m).length <= CSV_FIELDS.length);

const listInput = z
  .object({
    filter: alertFilterSchema,
    sort: z.enum(ALERT_SORTS).default('newest'),
    cursor: z.string().max(512).nullable().default(null),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const alertsOps = {
  'alerts.list': op<AlertPage>()(listInput),
  'alerts.count': op<AlertCount>()(
    z.object({ filter: alertFilterSchema, afterId: z.number().int().min(0).optional() }).strict(),
  ),
  /** Fresh copies of rows already shown (live refresh without moving the list). */
  'alerts.rows': op<AlertRow[]>()(z.object({ ids: z.array(alertId).max(1000) }).strict()),
  'alerts.get': op<AlertDetail>()(z.object({ id: alertId }).strict()),
  'alerts.setStatus': op<{ updated: number }>()(
    z
      .object({
        ids: z.array(alertId).min(1).max(1000),
        status: z.enum(ALERT_STATUSES),
        note: z.string().trim().max(2000).default(''),
      })
      .strict(),
  ),
  'alerts.setChecklist': op<AlertDetail['checklist']>()(
    z
      .object({
        alertId,
        recommendationId: z
          .string()
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
          .max(100),
        done: z.boolean(),
      })
      .strict(),
  ),
  /** Starts a CSV export of a view; `job.finished` carries the FileRef. */
  'alerts.export': op<{ jobId: string }>()(
    z.object({ filter: alertFilterSchema, sort: z.enum(ALERT_SORTS).default('newest') }).strict(),
  ),
  'alerts.import.preview': op<ImportPreview>()(
    z.object({ fileId, format: z.enum(['auto', ...IMPORT_FORMATS]).default('auto') }).strict(),
  ),
  /** Starts an import in a worker; progress and the outcome arrive as job events. */
  'alerts.import.start': op<{ jobId: string; importId: number }>()(
    z
      .object({
        fileId,
        format: z.enum(['auto', ...IMPORT_FORMATS]).default('auto'),
        mapping: csvMappingSchema.optional(),
      })
      .strict(),
  ),
  /** Cancels an import (everything it wrote is undone) or an export. */
  'alerts.cancelJob': op<null>()(z.object({ jobId: z.string().min(8).max(64) }).strict()),
  'alerts.import.list': op<ImportSummary[]>()(empty),
};
