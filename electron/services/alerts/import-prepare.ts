/**
 * An alert ready for the chunk writer: its row as positional values (ALERT_COLUMNS order, then
 * the content hash), its hosts and its communications as flat 7-tuples. Arrays of plain values
 * cross from the reader thread to the writer cheaply and bind without re-shaping.
 */
import { createHash } from 'node:crypto';
import type { Alert } from '../../../shared/domain/alert';
import { jstDayNumber } from '../../../shared/time';

export type Value = string | number | null;

export interface PreparedRow {
  /** ALERT_COLUMNS values, then content_hash (see COL for the positions used). */
  p: Value[];
  hosts: string[];
  /** at, src, dst, port, protocol, url, action — repeated. */
  comms: Value[];
}

/** Positions in PreparedRow.p (ALERT_COLUMNS of electron/store/alerts.ts). */
export const COL = {
  source: 0,
  sourceId: 1,
  customerId: 2,
  threatClass: 4,
  threatKind: 5,
  severity: 6,
  titleJa: 9,
  titleEn: 10,
  descriptionJa: 11,
  descriptionEn: 12,
  day: 19,
  status: 20,
  hosts: 23,
  indicators: 24,
  hash: 25,
} as const;

/** What the source says about an alert (the local status aside), as a stable digest. */
export function contentHash(a: Alert): string {
  const { status: _status, ...source } = a;
  return createHash('sha1').update(JSON.stringify(source)).digest('base64');
}

/** The digest of a record's own text (an NDJSON line, a CSV row): cheaper than re-serialising. */
export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

export function prepare(a: Alert, hash: string): PreparedRow {
  const comms: Value[] = [];
  for (const c of a.communications)
    comms.push(c.at, c.src, c.dst, c.port, c.protocol, c.url, c.action);
  return {
    p: [
      a.source,
      a.sourceId,
      a.customerId,
      a.module,
      a.threatClass,
      a.threatKind,
      a.severity,
      a.sourceSeverity,
      a.important ? 1 : 0,
      a.titleJa,
      a.titleEn,
      a.descriptionJa,
      a.descriptionEn,
      a.originalText,
      a.detectedAt,
      a.notifiedAt,
      a.firstSeen,
      a.lastSeen,
      a.count,
      jstDayNumber(a.detectedAt),
      a.status,
      a.killChain,
      a.tactic,
      JSON.stringify(a.hosts),
      JSON.stringify(a.indicators),
      hash,
    ],
    hosts: a.hosts,
    comms,
  };
}
