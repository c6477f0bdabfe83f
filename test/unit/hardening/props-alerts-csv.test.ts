/** The alert import reader, CSV with a column mapping: see props-alerts-ndjson.test.ts. */
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
  fixture,
  expectOutcome,
  read,
  total,
} from './props-alerts-io';
import type { CsvMapping } from '../../../shared/import';
import { csvColumnsArb, csvOf } from './props-alerts-arb';

vi.mock('node:fs', async (original) =>
  (await import('./props-alerts-mem')).fakeFs(await original<typeof Fs>()),
);
vi.mock('node:fs/promises', async (original) =>
  (await import('./props-alerts-mem')).fakeFsPromises(await original<typeof FsPromises>()),
);

describe('CSV reader with a column mapping', () => {
  it(`reads valid rows exactly and names every hostile row by line and column (${RUNS.mixed} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        casesArb(true),
        csvColumnsArb,
        fc.boolean(),
        fc.boolean(),
        chunkArb,
        async (cases, columns, crlf, bom, chunk) => {
          const { text, lines, mapping } = csvOf(
            cases.map((c) => c.json),
            columns,
            { crlf, bom },
          );
          const items = await read(text, 'csv', chunk, mapping);
          expectLocated(items, text);
          expectOutcome(items, cases, lines, (c) => `${c.bad} (${c.bad})`);
        },
      ),
      { numRuns: RUNS.mixed, seed: 0xc1, timeout: 10_000 },
    );
  }, 120_000);

  const goodMapping: CsvMapping = {
    sourceId: 0,
    source: 1,
    customerId: 2,
    threatKind: 3,
    severity: 4,
    detectedAt: 5,
    titleJa: 6,
    titleEn: 7,
    descriptionJa: 8,
    hosts: 9,
    indicators: 10,
    status: 11,
    important: 12,
  };
  it(`refuses random bytes, truncations and flips of good.csv, located (${RUNS.random + RUNS.truncated + RUNS.flipped} cases)`, async () => {
    await anyBytes('csv', 'good.csv', goodMapping, 0xc2);
  }, 120_000);

  it(`refuses bad mappings, ragged rows and broken quotes at their line (${3 * RUNS.special} cases)`, async () => {
    const text = fixture('good.csv');
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('sourceId', 'source', 'customerId', 'severity', 'titleJa', 'memo'),
          fc.integer({ min: -1, max: 40 }),
        ),
        async (m) => {
          const mapping = { ...goodMapping, ...m } as CsvMapping;
          const items = await read(text, 'csv', 4096, mapping);
          expectLocated(items, text);
        },
      ),
      { numRuns: RUNS.special, seed: 0xc3, timeout: 10_000 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 12 }),
        fc.constantFrom(',x', ',"a"b', ',"open', '"x"y', ''),
        chunkArb,
        async (drop, tail, chunk) => {
          const rows = [
            'sourceId,source,customerId,threatKind,severity,detectedAt,titleJa',
            'A-1,cts,c-aoba,tor,Low,2026/11/20 14:03,ok',
          ];
          rows.push(
            rows[1]!
              .split(',')
              .slice(0, 7 - (drop % 7))
              .join(',') + tail,
          );
          const t = `${rows.join('\n')}\n`;
          const items = await read(t, 'csv', chunk, {
            sourceId: 0,
            source: 1,
            customerId: 2,
            threatKind: 3,
            severity: 4,
            detectedAt: 5,
            titleJa: 6,
          });
          expectLocated(items, t);
          const columns = 7 - (drop % 7) + (tail === ',x' ? 1 : 0);
          const refused = columns !== 7 || /"/.test(tail);
          expect(items.find((x) => 'issues' in x)?.line).toBe(refused ? 3 : undefined);
        },
      ),
      { numRuns: 2 * RUNS.special, seed: 0xc4, timeout: 10_000 },
    );
  }, 120_000);
});

it(`runs ${total} cases`, () => {
  expect(total).toBeGreaterThanOrEqual(10_000);
});
