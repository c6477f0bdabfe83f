import enErrors from '../locales/en/errors.json';
import jaErrors from '../locales/ja/errors.json';
import { ApiFailure } from '../shared/result';

const fill = (template: string, params: Record<string, string | number> = {}) =>
  template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(params[k] ?? ''));

/**
 * A start-up failure (store from a newer version, wrong or missing key, bad option) as text for a
 * console or an error box, in Japanese and English: the language setting lives in the store that
 * could not be opened.
 */
export function describeStartupError(e: unknown): string {
  if (e instanceof ApiFailure) {
    const key = e.error.code as keyof typeof jaErrors;
    const ja =
      typeof jaErrors[key] === 'string' ? fill(jaErrors[key], e.error.params) : e.error.code;
    const en =
      typeof enErrors[key] === 'string' ? fill(enErrors[key], e.error.params) : e.error.code;
    return `${ja}\n${en}`;
  }
  return e instanceof Error ? e.message : String(e);
}
