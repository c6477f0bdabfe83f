/**
 * The import's instants (docs/import-format.md): the fast reading of the common ISO shape gives
 * exactly what the format's patterns give, for valid, invalid and near-miss strings alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportInstant, patternInstant } from '../../../shared/import/instant';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Strings of the ISO shape with parts in and out of range, and single-character damage. */
const isoLike = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 61 }),
    s: fc.integer({ min: 0, max: 61 }),
    frac: fc.option(fc.stringMatching(/^\d{0,11}$/)),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.constant(''),
      fc
        .tuple(
          fc.constantFrom('+', '-'),
          fc.integer({ min: 0, max: 25 }),
          fc.integer({ min: 0, max: 61 }),
        )
        .map(([sign, oh, om]) => `${sign}${pad(oh, 2)}:${pad(om, 2)}`),
    ),
    damage: fc.option(
      fc.tuple(fc.nat(30), fc.constantFrom('x', ' ', '-', ':', '.', '９', 'T', 'Z')),
    ),
  })
  .map(({ y, mo, d, h, mi, s, frac, zone, damage }) => {
    const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac === null ? '' : `.${frac}`}${zone}`;
    if (damage === null) return text;
    const [at, c] = damage;
    const i = at % (text.length + 1);
    return text.slice(0, i) + c + text.slice(i + 1);
  });

describe('import instants', () => {
  it.each([
    ['2026-11-20T10:00:00Z', Date.UTC(2026, 10, 20, 10)],
    ['2026-11-20T10:00:00+09:00', Date.UTC(2026, 10, 20, 1)],
    ['2026-11-20T10:00:00.1234-01:30', Date.UTC(2026, 10, 20, 11, 30, 0, 123)],
    ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['2026-02-29T00:00:00Z', null],
    ['2026-11-20T10:00:00+24:00', null],
    ['2026-11-20T10:00:00.1234567890Z', null],
    ['2026-11-20T10:00Z', Date.UTC(2026, 10, 20, 10)],
    ['2026/11/20 10:00', Date.UTC(2026, 10, 20, 1)],
  ])('%s', (text, expected) => {
    expect(parseImportInstant(text)).toBe(expected);
  });

  it('reads every ISO-like string exactly as the patterns do (20,000 cases)', () => {
    fc.assert(
      fc.property(isoLike, (text) => {
        expect(parseImportInstant(text)).toBe(patternInstant(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the patterns on arbitrary strings too (5,000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(parseImportInstant(text)).toBe(patternInstant(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
