/**
 * Instants of the import format (see INSTANT_PATTERN in format.ts): ISO-8601 with an offset, or a
 * JST wall-clock time "YYYY/MM/DD HH:mm[:ss]".
 */
import { JST_OFFSET_MS } from '../time';

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const JST_RE = /^(\d{4})[/-](\d{2})[/-](\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

/** parseImportInstant by the format's patterns: the reference, and the way for every other shape. */
export function patternInstant(value: string): number | null {
  let offset = 0;
  let fraction = 0;
  let m = ISO_RE.exec(value);
  if (m) {
    if (m[8] !== undefined) {
      const oh = Number(m[9]);
      const om = Number(m[10]);
      if (oh > 23 || om > 59) return null;
      offset = (m[8] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
    }
    if (m[7] !== undefined) fraction = Number(m[7].slice(0, 3).padEnd(3, '0'));
  } else {
    m = JST_RE.exec(value.trim());
    if (!m) return null;
    offset = JST_OFFSET_MS;
  }
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (!validParts(y, mo, d, h, mi, sec)) return null;
  return Date.UTC(y, mo - 1, d, h, mi, sec, fraction) - offset;
}

const digit = (v: string, i: number): number => {
  const c = v.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
const two = (v: string, i: number): number => {
  const a = digit(v, i);
  const b = digit(v, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};

/**
 * The shape nearly every file uses, `YYYY-MM-DDTHH:mm:ss[.f{1,9}](Z|±HH:mm)`, read by character
 * codes; undefined for any other shape (the patterns decide those). Same result as
 * patternInstant for every string it accepts (test/unit/alerts/instants.test.ts).
 */
function canonicalInstant(v: string): number | null | undefined {
  if (v.length < 20) return undefined;
  const dashes = v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45;
  const colons = v.charCodeAt(13) === 58 && v.charCodeAt(16) === 58;
  if (!dashes || !colons || v.charCodeAt(10) !== 84) return undefined;
  const y1 = two(v, 0);
  const y2 = two(v, 2);
  const mo = two(v, 5);
  const d = two(v, 8);
  const h = two(v, 11);
  const mi = two(v, 14);
  const sec = two(v, 17);
  if (Math.min(y1, y2, mo, d, h, mi, sec) < 0) return undefined;
  let i = 19;
  let fraction = 0;
  if (v.charCodeAt(i) === 46) {
    const start = ++i;
    while (digit(v, i) >= 0) i++;
    if (i === start || i - start > 9) return undefined;
    fraction = Number(v.slice(start, Math.min(i, start + 3)).padEnd(3, '0'));
  }
  let offset = 0;
  const sign = v.charCodeAt(i);
  if (sign === 90) {
    if (i + 1 !== v.length) return undefined;
  } else if ((sign === 43 || sign === 45) && i + 6 === v.length && v.charCodeAt(i + 3) === 58) {
    const oh = two(v, i + 1);
    const om = two(v, i + 4);
    if (oh < 0 || om < 0) return undefined;
    if (oh > 23 || om > 59) return null;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return undefined;
  const y = y1 * 100 + y2;
  if (!validParts(y, mo, d, h, mi, sec)) return null;
  return Date.UTC(y, mo - 1, d, h, mi, sec, fraction) - offset;
}

/**
 * Epoch ms of an import instant, or null when it is not a real instant (2026-02-30 is refused, not
 * rolled over). Computed from the fields with Date.UTC rather than Date.parse: 10^6 records carry
 * ~10^7 instants, so the common shape is read without a regular expression.
 */
export function parseImportInstant(value: string): number | null {
  const fast = canonicalInstant(value);
  return fast === undefined ? patternInstant(value) : fast;
}
