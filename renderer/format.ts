import { useTranslation } from 'react-i18next';
import type { Language } from '../shared/catalog';
import { formatDate, formatDateTime, formatShortDay } from '../shared/time';

/** Formatting in the current language: numbers by Intl, dates in JST as YYYY/MM/DD (HH:mm). */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'ja';
  const nf = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-US');
  return {
    language,
    number: (n: number) => nf.format(n),
    date: formatDate,
    dateTime: formatDateTime,
    shortDay: formatShortDay,
    /** The name of a company in the current language. */
    name: (e: { nameJa: string; nameEn: string }) => (language === 'ja' ? e.nameJa : e.nameEn),
  };
}
