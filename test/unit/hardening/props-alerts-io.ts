/**
 * Shared parts of the alert reader property tests (props-alerts-{ndjson,json,csv}.test.ts): reading
 * a file from memory with the real reader, and the properties every outcome must have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CsvMapping } from '../../../shared/import';
import type { ImportFormat } from '../../../shared/ops/alerts';
import { readRecords, type ReadItem } from '../../../electron/services/alerts/import-read';
import { OURS, caseArb, type Case } from './props-alerts-arb';
import { mem } from './props-alerts-mem';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/imports');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const CUSTOMERS = new Set<string>(OURS);
/** Mostly chunks as a disk gives them; sometimes 1–7 bytes, cutting characters and lines. */
export const chunkArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(1, 2, 3, 7) },
  { weight: 4, arbitrary: fc.constantFrom(64, 4096, 65536) },
);

let n = 0;
/** Reads a file with the real reader; any exception fails the property. */
export async function read(
  bytes: Buffer | string,
  format: ImportFormat,
  chunk: number,
  mapping?: CsvMapping,
): Promise<ReadItem[]> {
  const path = `mem:${n++}`;
  mem.files.set(path, { bytes: Buffer.from(bytes), chunk });
  try {
    const items: ReadItem[] = [];
    for await (const item of readRecords({ path, format, mapping, customers: CUSTOMERS }))
      items.push(item);
    return items;
  } finally {
    mem.files.delete(path);
  }
}

/** Every issue names a line inside the file, a path and a translatable message. */
export function expectLocated(items: ReadItem[], bytes: Buffer | string): void {
  // A lone CR ends a CSV line too.
  const lines = Buffer.from(bytes)
    .toString('utf8')
    .split(/\r\n|\r|\n/).length;
  for (const item of items) {
    if (!('issues' in item)) continue;
    expect(item.issues.length).toBeGreaterThan(0);
    for (const i of item.issues) {
      expect(i.path).toMatch(/\S/);
      expect(i.message).toMatch(/^(errors|alerts):[\w.]+$/);
      expect(Number.isInteger(i.line) && i.line! >= 1 && i.line! <= lines, JSON.stringify(i)).toBe(
        true,
      );
    }
  }
}

/**
 * The oracle for generated files: valid records come back as exactly the alerts they describe;
 * otherwise exactly the hostile records' lines are named, each with its field.
 */
export function expectOutcome(
  items: ReadItem[],
  cases: Case[],
  lines: number[],
  pathOf: (c: Case, i: number) => string,
): void {
  const bad = cases.flatMap((c, i) => (c.bad === null ? [] : [i]));
  const refused = items.filter((x) => 'issues' in x);
  if (bad.length === 0) {
    expect(refused).toEqual([]);
    const got = items.map((x) => ('alert' in x ? x.alert : null));
    const want = cases.map((c) => c.want!);
    expect(
      got.map((a) => a && [a.sourceId, a.customerId, a.severity, a.detectedAt, a.titleJa]),
    ).toEqual(want.map((w) => [w.sourceId, w.customerId, w.severity, w.detectedAt, w.titleJa]));
    return;
  }
  expect(refused.map((x) => x.line)).toEqual(bad.map((i) => lines[i]));
  for (const [k, i] of bad.entries()) {
    const issues = (refused[k] as { issues: Array<{ path: string; line?: number }> }).issues;
    const path = pathOf(cases[i]!, i);
    expect(
      issues.some((x) => x.line === lines[i] && (x.path === path || x.path.startsWith(`${path}.`))),
      `${path} @${lines[i]} in ${JSON.stringify(issues)}`,
    ).toBe(true);
  }
}

export const RUNS = { mixed: 7000, random: 1000, truncated: 1000, flipped: 1000, special: 100 };
export const casesArb = (csv: boolean) => fc.array(caseArb(csv), { maxLength: 6 });
export const total = RUNS.mixed + RUNS.random + RUNS.truncated + RUNS.flipped + 3 * RUNS.special;

/** Random bytes, truncations and flips of a fixture: a typed, located outcome, nothing else. */
export async function anyBytes(format: ImportFormat, name: string, mapping?: CsvMapping, seed = 1) {
  const good = fixture(name);
  const full = (await read(good, format, 65536, mapping)).map(
    (x) => 'alert' in x && x.alert.sourceId,
  );
  expect(full.every((x) => typeof x === 'string')).toBe(true);
  const check = async (bytes: Buffer, chunk: number) =>
    expectLocated(await read(bytes, format, chunk, mapping), bytes);
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), chunkArb, (b, c) =>
      check(Buffer.from(b), c),
    ),
    { numRuns: RUNS.random, seed, timeout: 10_000 },
  );
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: good.length }), chunkArb, async (cut, c) => {
      const bytes = good.subarray(0, cut);
      const items = await read(bytes, format, c, mapping);
      expectLocated(items, bytes);
      // A file cut between records reads as its first records, never as something else.
      if (items.every((x) => 'alert' in x))
        expect(items.map((x) => 'alert' in x && x.alert.sourceId)).toEqual(
          full.slice(0, items.length),
        );
    }),
    { numRuns: RUNS.truncated, seed: seed + 1, timeout: 10_000 },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), {
        minLength: 1,
        maxLength: 6,
      }),
      chunkArb,
      async (flips, c) => {
        const b = Buffer.from(good);
        for (const [at, x] of flips) b[at] = b[at]! ^ x;
        await check(b, c);
      },
    ),
    { numRuns: RUNS.flipped, seed: seed + 2, timeout: 10_000 },
  );
}
