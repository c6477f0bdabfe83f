import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/catalog';
import { formatter } from '../../../shared/report/text';

/**
 * Wording and numbers of a report in the report's own language (chosen when it was made), whatever
 * the screen's language: the document reads the same on screen, in print and when imported.
 * `tx` takes keys built from data (a class, a status), which the typed `t` cannot check.
 */
export function useReportText(lang: Language) {
  const { t } = useTranslation(['reports', 'catalog', 'devices'], { lng: lang });
  const tx = t as unknown as (key: string, params?: Record<string, string | number>) => string;
  return { t, tx, f: formatter(lang), lang };
}
export type ReportText = ReturnType<typeof useReportText>;
