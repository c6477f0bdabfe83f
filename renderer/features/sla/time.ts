import { JST_OFFSET_MS } from '../../../shared/time';

/** `YYYY-MM-DDTHH:mm` in Japan time, for a datetime-local input (the app shows JST). */
export function toJstInput(ms: number | null): string {
  if (ms === null) return '';
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 16);
}

/** Epoch ms of a datetime-local value read as Japan time; null when empty or invalid. */
export function fromJstInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+09:00`);
  return Number.isNaN(ms) ? null : ms;
}
