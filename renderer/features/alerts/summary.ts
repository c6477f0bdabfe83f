/**
 * A bilingual plain-text summary of an alert for the clipboard, so the customer's contact can
 * paste it into a mail or the partner's hearing sheet: every line in Japanese and English, the
 * explanation from the knowledge base, and the recommendations with what is already done.
 */
import { i18next } from '../../i18n';
import { kbEntry } from '../../../shared/kb';
import type { AlertDetail } from '../../../shared/ops/alerts';
import { formatDateTime } from '../../../shared/time';

export function alertSummary(d: AlertDetail): string {
  // Keys are built from data (status, severity), so they are looked up untyped.
  const ja = i18next.getFixedT('ja') as unknown as (key: string) => string;
  const en = i18next.getFixedT('en') as unknown as (key: string) => string;
  const a = d.alert;
  const kb = kbEntry(a.threatKind);
  const both = (key: string) => `${ja(key)}/${en(key)}`;
  const done = new Set(d.checklist.map((c) => c.recommendationId));
  const lines = [
    ja('alerts:summary.heading'),
    `${ja('alerts:summary.title')}: ${a.titleJa || a.titleEn}${a.titleEn && a.titleJa ? ` / ${a.titleEn}` : ''}`,
    `${ja('alerts:summary.customer')}: ${d.customer.nameJa} / ${d.customer.nameEn}`,
    `${ja('alerts:summary.id')}: ${a.sourceId} (${ja(`catalog:source.${a.source}`)})`,
    `${ja('alerts:summary.severity')}: ${both(`catalog:severity.${a.severity}`)} (${a.sourceSeverity})`,
    `${ja('alerts:summary.status')}: ${both(`catalog:status.${a.status}`)}`,
    `${ja('alerts:summary.detected')}: ${formatDateTime(a.detectedAt)} JST`,
    `${ja('alerts:summary.hosts')}: ${a.hosts.join(', ')}`,
    `${ja('alerts:summary.kind')}: ${kb.title.ja} / ${kb.title.en}`,
    '',
    `${ja('alerts:summary.explanation')}:`,
    kb.summary.ja,
    kb.summary.en,
    '',
    `${ja('alerts:summary.todo')}:`,
    ...kb.recommendations.map(
      (r) =>
        `[${both(done.has(r.id) ? 'alerts:summary.done' : 'alerts:summary.open')}] ${r.ja} / ${r.en}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
