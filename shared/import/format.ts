/**
 * SOC Desk's own alert import format, version 1 (docs/import-format.md; the JSON Schema in
 * docs/import-format.schema.json is generated from these schemas). One record is one alert of
 * either source; SOC Desk derives what it can (class, module, our severity) and checks the rest in
 * `normalizeRecord` (shared/import/normalize.ts), so the schemas here stay plain JSON shapes.
 *
 * - JSON: one document `{ "format": "soc-desk-alerts", "version": 1, "alerts": [ … ] }`.
 * - NDJSON: the same header object alone on the first line, then one alert per line.
 * - CSV: one alert per row, columns chosen in a mapping step (shared/import/csv-map.ts).
 */
import { z } from 'zod';
import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  ATTACK_TACTICS,
  CSOC_MODULES,
  KILL_CHAIN,
  THREAT_CLASSES,
  THREAT_KINDS,
  type AttackTacticId,
  type ThreatKind,
} from '../catalog';

export const IMPORT_FORMAT = 'soc-desk-alerts';
export const IMPORT_VERSION = 1;

/**
 * An instant: ISO-8601 with an offset (`2026-11-22T10:00:00+09:00`, `…Z`), or the way Japanese
 * screens and CSV exports write it, `YYYY/MM/DD HH:mm[:ss]` or `YYYY-MM-DD HH:mm[:ss]`, read as JST.
 */
export const INSTANT_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$|^\\d{4}[/-]\\d{2}[/-]\\d{2} \\d{2}:\\d{2}(:\\d{2})?$';
// The pattern is for the JSON Schema; at run time normalizeRecord parses the value (one regex
// instead of two per instant, 10^7 of them in a large import) and reports a bad one, located.
const instant = z.string().max(40).meta({
  pattern: INSTANT_PATTERN,
  description: 'ISO-8601 instant with offset, or "YYYY/MM/DD HH:mm[:ss]" in Japan time (JST)',
});

const text = (max: number) => z.string().max(max);

export const importCommunicationSchema = z
  .strictObject({
    at: instant,
    src: text(255).min(1),
    dst: text(255).min(1),
    port: z.number().int().min(0).max(65535).nullable().optional(),
    protocol: text(16).min(1),
    url: text(2048).nullable().optional(),
    action: z.enum(['allowed', 'blocked', 'detected']),
  })
  .describe('One malicious communication of the series the alert reports (002 別紙2 4)');

const tacticIds = Object.keys(ATTACK_TACTICS) as [AttackTacticId, ...AttackTacticId[]];

export const importAlertSchema = z
  .strictObject({
    sourceId: text(128)
      .min(1)
      .describe("The source's own id: CTS alert id or C-SOC incident number"),
    source: z.enum(ALERT_SOURCES),
    customerId: text(64).min(1).describe('SOC Desk customer id (see the customer list)'),
    threatKind: z.enum(THREAT_KINDS as [ThreatKind, ...ThreatKind[]]),
    threatClass: z.enum(THREAT_CLASSES).optional().describe('Derived from threatKind when absent'),
    module: z
      .enum(CSOC_MODULES)
      .nullable()
      .optional()
      .describe('C-SOC only; derived from threatKind when absent'),
    severity: text(32)
      .min(1)
      .describe('The level as the source wrote it (High, 高, …) or SOC Desk’s id (critical…info)'),
    important: z
      .boolean()
      .optional()
      .describe('C-SOC important incident (000 別紙1 2): the 15-minute notification target'),
    titleJa: text(500).optional(),
    titleEn: text(500).optional(),
    descriptionJa: text(10_000).optional(),
    descriptionEn: text(10_000).optional(),
    originalText: text(20_000)
      .nullable()
      .optional()
      .describe('The English text of the CTS notification, shown beside the Japanese explanation'),
    detectedAt: instant,
    notifiedAt: instant.nullable().optional(),
    firstSeen: instant.optional().describe('detectedAt when absent'),
    lastSeen: instant.optional().describe('detectedAt when absent'),
    count: z.number().int().min(1).max(1_000_000_000).optional(),
    status: z
      .enum(ALERT_STATUSES)
      .optional()
      .describe('Applies to new alerts only; a re-import keeps the local status'),
    killChain: z.enum(KILL_CHAIN).nullable().optional(),
    tactic: z.enum(tacticIds).nullable().optional(),
    hosts: z.array(text(255).min(1)).max(1000).optional(),
    indicators: z.array(text(2048).min(1)).max(1000).optional(),
    communications: z.array(importCommunicationSchema).max(10_000).optional(),
  })
  .describe('One alert (CTS) or incident (C-SOC)');
export type ImportAlert = z.infer<typeof importAlertSchema>;

export const importHeaderSchema = z
  .strictObject({
    format: z.literal(IMPORT_FORMAT),
    version: z.literal(IMPORT_VERSION),
    exportedAt: instant.optional(),
    generator: text(200).optional().describe('What wrote the file (free text)'),
  })
  .describe('The first line of an NDJSON file');

export const importDocumentSchema = z
  .strictObject({
    ...importHeaderSchema.shape,
    alerts: z.array(importAlertSchema),
  })
  .describe('SOC Desk alert import file (JSON), version 1');

/** Size limits (docs/import-format.md). Bigger JSON must be split or written as NDJSON. */
export const IMPORT_LIMITS = {
  /** A JSON document is parsed whole, so it is kept smaller. */
  jsonBytes: 256 * 1024 * 1024,
  /**
   * NDJSON and CSV are streamed (memory stays flat), so only a sanity bound. A file picked in the
   * desktop app's dialog may be this large; the browser host's uploads stop at 1 GiB.
   */
  streamBytes: 8 * 1024 * 1024 * 1024,
  /** One NDJSON line or CSV record. */
  recordBytes: 1024 * 1024,
  /** Problems reported before the check stops. */
  maxIssues: 100,
} as const;
