/**
 * One severity scale for CTS alerts and C-SOC incidents (docs/alerts.md explains the mapping).
 * CTS writes its level in English (the portal and e-mail, 002 別紙2 2(2)); IIJ writes 重要度 in
 * Japanese. Both have five steps and map one to one onto SOC Desk's scale; C-SOC's "important
 * incident" (000 別紙1 2) is a separate flag, not a level. The seeds do not name the levels, so the
 * words below are SOC Desk's choice, documented in docs/alerts.md.
 */
import { SEVERITIES, type AlertSource, type Severity } from './catalog';

/** The word each source uses for each level (what SOC Desk writes back, e.g. in exports). */
export const SOURCE_LEVELS: Record<AlertSource, Record<Severity, string>> = {
  cts: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' },
  csoc: { critical: '緊急', high: '高', medium: '中', low: '低', info: '情報' },
};

/**
 * Other spellings of the same levels. The CTS portal also shows Japanese (002 別紙2 2(2): portal
 * EN/JA) and writes "Informational" in some notices; IIJ's English screens and CSV exports use the
 * English words, and some notices write 「重大」「高い」. Either source may use any of them.
 */
export const LEVEL_ALIASES: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  crit: 'critical',
  緊急: 'critical',
  重大: 'critical',
  high: 'high',
  高: 'high',
  高い: 'high',
  medium: 'medium',
  med: 'medium',
  中: 'medium',
  中程度: 'medium',
  low: 'low',
  低: 'low',
  低い: 'low',
  info: 'info',
  informational: 'info',
  情報: 'info',
};

/** Most severe first: the rank used for sorting (0 = critical). */
export const SEVERITY_RANK: Record<Severity, number> = Object.fromEntries(
  SEVERITIES.map((s, i) => [s, i]),
) as Record<Severity, number>;

/**
 * The level a source's word means on SOC Desk's scale, or null when the word is unknown.
 * Case, width (NFKC) and surrounding spaces do not matter; SOC Desk's own ids (`critical` … `info`)
 * are among the aliases, so files written by SOC Desk read back unchanged.
 */
export function severityFromSource(source: AlertSource, level: string): Severity | null {
  const wanted = level.trim().normalize('NFKC').toLowerCase();
  if (wanted === '') return null;
  for (const [severity, word] of Object.entries(SOURCE_LEVELS[source]) as Array<
    [Severity, string]
  >) {
    if (word.toLowerCase() === wanted) return severity;
  }
  return Object.hasOwn(LEVEL_ALIASES, wanted) ? (LEVEL_ALIASES[wanted] ?? null) : null;
}

export function sourceLevel(source: AlertSource, severity: Severity): string {
  return SOURCE_LEVELS[source][severity];
}
