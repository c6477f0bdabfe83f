/**
 * Wording for what the main process writes in a report's language: the executive summary and the
 * CSV headers. The messages are the renderer's own (locales/<lang>/reports.json and catalog.json),
 * imported as JSON, so a sentence is translated once for the screen, the PDF and the CSV.
 */
import type { Language } from '../catalog';
import { formatDate } from '../time';
import jaCatalog from '../../locales/ja/catalog.json';
import enCatalog from '../../locales/en/catalog.json';
import jaDevices from '../../locales/ja/devices.json';
import enDevices from '../../locales/en/devices.json';
import jaReports from '../../locales/ja/reports.json';
import enReports from '../../locales/en/reports.json';

type Tree = { [key: string]: string | Tree };

const MESSAGES: Record<Language, Record<'reports' | 'catalog' | 'devices', Tree>> = {
  ja: { reports: jaReports, catalog: jaCatalog, devices: jaDevices },
  en: { reports: enReports, catalog: enCatalog, devices: enDevices },
};

/**
 * `{{name}}` placeholders, as i18next writes them. Numbers are written with the language's digit
 * grouping (12,000); pass text for anything else (years, ids, percentages already rounded).
 */
export function fill(
  template: string,
  params: Record<string, string | number> = {},
  nf: Intl.NumberFormat = new Intl.NumberFormat('en-US'),
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? `{{${k}}}` : typeof v === 'number' ? nf.format(v) : v;
  });
}

/**
 * A translator for one language: `t('reports:summary.headline.some', {…})`. With a numeric
 * `count`, the plural form is chosen as i18next does (`key_one`, `key_other`; Japanese has one
 * form). A missing key is a programming error (the locales test keeps both languages complete),
 * so it throws.
 */
export function translator(lang: Language) {
  const plural = new Intl.PluralRules(lang === 'ja' ? 'ja-JP' : 'en-US');
  const nf = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US');
  return (key: string, params?: Record<string, string | number>): string => {
    const [ns, path] = key.split(':') as ['reports' | 'catalog' | 'devices', string];
    const parts = path.split('.');
    const last = parts.pop()!;
    let node: string | Tree | undefined = MESSAGES[lang][ns];
    for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
    const count = params?.count;
    const forms =
      typeof count === 'number'
        ? [`${last}_${plural.select(count)}`, last, `${last}_other`]
        : [last];
    const found = forms
      .map((f) => (typeof node === 'object' ? node[f] : undefined))
      .find((v): v is string => typeof v === 'string');
    if (found === undefined) throw new Error(`missing message ${lang}:${key}`);
    return fill(found, params, nf);
  };
}
export type Translate = ReturnType<typeof translator>;

/** Numbers, money, percentages, months and dates as the report's language writes them. */
export function formatter(lang: Language) {
  const nf = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US');
  const t = translator(lang);
  return {
    number: (n: number) => nf.format(n),
    yen: (n: number) => t('reports:format.yen', { amount: nf.format(n) }),
    /**
     * A ratio as a percentage, rounded down at `digits` decimals: 99.896 % shows as 99.89 %, never
     * as a 99.90 % that would seem to meet a 99.9 % target it missed.
     */
    percent: (ratio: number, digits = 1) => {
      const f = 10 ** digits;
      return (Math.floor(ratio * 100 * f + 1e-9) / f).toFixed(digits);
    },
    month: (month: string) =>
      new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
        year: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${month}-01T00:00:00Z`)),
    date: (d: string | number) => formatDate(d),
  };
}
export type Formatter = ReturnType<typeof formatter>;
