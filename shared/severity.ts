/**
 * One severity scale for CTS alerts and C-SOC incidents (docs/alerts.md explains the mapping).
 * CTS writes its level in English (the portal and e-mail, 002 別紙2 2(2)); IIJ writes 重要度 in
 * Japanese. Both have five steps and map one to one onto SOC Desk's scale; C-SOC's "important
 * incident" (000 別紙1 2) is a separate flag, not a level.
 */
import type { AlertSource, Severity } from './catalog';

export const SOURCE_LEVELS: Record<AlertSource, Record<Severity, string>> = {
  cts: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' },
  csoc: { critical: '緊急', high: '高', medium: '中', low: '低', info: '情報' },
};

/** The source's own word for a level, or null when the source has no such level. */
export function severityFromSource(source: AlertSource, level: string): Severity | null {
  const wanted = level.trim().toLowerCase();
  const table = SOURCE_LEVELS[source];
  for (const [severity, word] of Object.entries(table) as Array<[Severity, string]>) {
    if (word.toLowerCase() === wanted) return severity;
  }
  // CTS also writes "Informational" in some notices.
  if (source === 'cts' && wanted === 'informational') return 'info';
  return null;
}

export function sourceLevel(source: AlertSource, severity: Severity): string {
  return SOURCE_LEVELS[source][severity];
}
