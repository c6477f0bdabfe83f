/**
 * Property-based tests of the alert import reader, NDJSON (electron/services/alerts/import-read.ts), the
 * code both passes of every import run: 10,000+ generated files per format (JSON, NDJSON, CSV with
 * its column mapping). Files are served from memory in chunks of 1 byte to 64 KiB (node:fs is
 * mocked here, the reader is not), so lines, multi-byte characters and quoted CSV fields are cut
 * at every place a real read could cut them.
 *
 * Properties: the reader never throws and never hangs; a file of valid records gives exactly those
 * alerts, in order, as SOC Desk must store them; a file with hostile records (wrong types, unknown
 * severities, impossible instants, other tenants' customers, huge strings, deep nesting,
 * `__proto__`) names exactly the lines of those records, each with the field; anything else
 * (random bytes, truncations and flips of the fixtures, invalid UTF-8) ends in issues that each
 * name a line inside the file, a path and a translatable message. The writing side, with the
 * store unchanged, is in props-alerts-store.test.ts.
 */
import fc from 'fast-check';
import type * as Fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import {
  RUNS,
  anyBytes,
  casesArb,
  chunkArb,
  expectLocated,
  expectOutcome,
  read,
  total,
} from './props-alerts-io';
import { ndjsonOf } from './props-alerts-arb';

vi.mock('node:fs', async (original) =>
  (await import('./props-alerts-mem')).fakeFs(await original<typeof Fs>()),
);
vi.mock('node:fs/promises', async (original) =>
  (await import('./props-alerts-mem')).fakeFsPromises(await original<typeof FsPromises>()),
);

describe('NDJSON reader', () => {
  it(`reads valid records exactly and names every hostile line (${RUNS.mixed} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        casesArb(false),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        chunkArb,
        async (cases, crlf, blank, bom, chunk) => {
          const { text, lines } = ndjsonOf(
            cases.map((c) => c.json),
            { crlf, blank, bom },
          );
          const items = await read(text, 'ndjson', chunk);
          expectLocated(items, text);
          expectOutcome(items, cases, lines, (c) => c.bad!);
        },
      ),
      { numRuns: RUNS.mixed, seed: 0xa1, timeout: 10_000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);

  it(`refuses random bytes, truncations and flips of good.ndjson, located (${RUNS.random + RUNS.truncated + RUNS.flipped} cases)`, async () => {
    await anyBytes('ndjson', 'good.ndjson', undefined, 0xa2);
  }, 120_000);

  it(`refuses a bad header, a line over the record limit and deep nesting (${3 * RUNS.special} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '{"format":"soc-desk-alerts","version":2}',
          '{"format":"x","version":1}',
          '[]',
          '"soc-desk-alerts"',
          '',
        ),
        chunkArb,
        async (head, chunk) => {
          const text = `${head}\n{"sourceId":"X"}\n`;
          const items = await read(text, 'ndjson', chunk);
          expectLocated(items, text);
          expect(items.filter((x) => 'issues' in x)).toHaveLength(1);
        },
      ),
      { numRuns: RUNS.special, seed: 0xa3, timeout: 10_000 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1024 * 1024 + 1, max: 3 * 1024 * 1024 }),
        fc.constantFrom(4096, 65536),
        async (size, chunk) => {
          const text = `${JSON.stringify({ format: 'soc-desk-alerts', version: 1 })}\n${'x'.repeat(size)}\n`;
          const items = await read(text, 'ndjson', chunk);
          expect(items.at(-1)).toMatchObject({
            line: 2,
            issues: [{ message: 'alerts:import.issue.tooLong' }],
          });
        },
      ),
      { numRuns: 5, seed: 0xa4, timeout: 10_000 },
    );
    await fc.assert(
      // Disk-sized chunks: a 400 KB line fed byte by byte re-scans its growing tail (real reads
      // come in 1 MiB chunks and a line stops at 1 MiB, so that stays linear).
      fc.asyncProperty(
        fc.integer({ min: 10, max: 200_000 }),
        fc.constantFrom(4096, 65536),
        async (depth, chunk) => {
          const text = `${JSON.stringify({ format: 'soc-desk-alerts', version: 1 })}\n{"hosts":${'['.repeat(depth)}${']'.repeat(depth)}}\n`;
          const items = await read(text, 'ndjson', chunk);
          expectLocated(items, text);
          expect(items).toHaveLength(1);
          expect(items[0]!.line).toBe(2);
        },
      ),
      { numRuns: RUNS.special, seed: 0xa5, timeout: 10_000 },
    );
  }, 120_000);
});

it(`runs ${total} cases`, () => {
  expect(total).toBeGreaterThanOrEqual(10_000);
});
