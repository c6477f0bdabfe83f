/**
 * Small helpers for the desk screens: translated labels for codes, and the suggested-answer text
 * a partner reads out or copies (the intro line, paragraphs and numbered points).
 */
import type { TFunction } from 'i18next';
import type { Suggestion } from '../../../shared/hearing-sheet';
import type { Localized } from '../../../shared/hearing-sheet';

export type DeskT = TFunction<'desk'>;

/** `ja` or `en` of a bilingual template text. */
export const loc = (text: Localized, language: string): string =>
  language === 'en' ? text.en : text.ja;

export function suggestionText(t: DeskT, s: Suggestion): string {
  const lines = [t(`suggest.intro.${s.kind}`), ...s.paragraphs];
  s.items.forEach((item, i) => lines.push(`${i + 1}. ${item.text}`));
  return lines.join('\n');
}

/** Date-time inputs work in JST: `YYYY-MM-DDTHH:mm` ↔ an instant with +09:00. */
export function toInputValue(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16);
}

export function fromInputValue(value: string): string {
  return value ? `${value}:00+09:00` : '';
}

export const msToInput = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16);
export const inputToMs = (value: string) => Date.parse(`${value}:00+09:00`);
