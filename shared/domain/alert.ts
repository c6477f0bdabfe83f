import { z } from 'zod';
import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  ATTACK_TACTICS,
  CSOC_MODULES,
  KILL_CHAIN,
  SEVERITIES,
  THREAT_CLASSES,
  THREAT_KINDS,
  type AttackTacticId,
  type ThreatKind,
} from '../catalog';

const text = (max: number) => z.string().max(max);

/** One malicious communication of the series an alert reports (002 別紙2 4). */
export const communicationSchema = z.object({
  at: z.number().int(),
  src: text(255),
  dst: text(255),
  port: z.number().int().min(0).max(65535).nullable(),
  protocol: text(16),
  url: text(2048).nullable(),
  action: z.enum(['allowed', 'blocked', 'detected']),
});
export type Communication = z.infer<typeof communicationSchema>;

export const alertSchema = z.object({
  /** The source's own id (CTS alert id, C-SOC incident number); unique per source. */
  sourceId: text(128).min(1),
  source: z.enum(ALERT_SOURCES),
  customerId: z.string().min(1).max(64),
  module: z.enum(CSOC_MODULES).nullable(),
  threatClass: z.enum(THREAT_CLASSES),
  threatKind: z.enum(THREAT_KINDS as [ThreatKind, ...ThreatKind[]]),
  severity: z.enum(SEVERITIES),
  /** The level as the source wrote it, kept for display and audit. */
  sourceSeverity: text(32),
  /** C-SOC important incident (重要なセキュリティインシデント, 000 別紙1 2): 15-minute target. */
  important: z.boolean(),
  titleJa: text(500),
  titleEn: text(500),
  descriptionJa: text(10_000),
  descriptionEn: text(10_000),
  /** The English text of the CTS notification, shown beside the Japanese explanation. */
  originalText: text(20_000).nullable(),
  detectedAt: z.number().int(),
  notifiedAt: z.number().int().nullable(),
  firstSeen: z.number().int(),
  lastSeen: z.number().int(),
  count: z.number().int().min(1),
  status: z.enum(ALERT_STATUSES),
  killChain: z.enum(KILL_CHAIN).nullable(),
  tactic: z.enum(Object.keys(ATTACK_TACTICS) as [AttackTacticId, ...AttackTacticId[]]).nullable(),
  hosts: z.array(text(255).min(1)).max(1000),
  indicators: z.array(text(2048).min(1)).max(1000),
  communications: z.array(communicationSchema).max(10_000),
});
export type Alert = z.infer<typeof alertSchema>;
