/** The alert import reader, JSON documents: see props-alerts-ndjson.test.ts for what is tested. */
import fc from 'fast-check';
import type * as Fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import {
  RUNS,
  anyBytes,
  casesArb,
  expectLocated,
  expectOutcome,
  read,
  total,
} from './props-alerts-io';
import { jsonOf } from './props-alerts-arb';

vi.mock('node:fs', async (original) =>
  (await import('./props-alerts-mem')).fakeFs(await original<typeof Fs>()),
);
vi.mock('node:fs/promises', async (original) =>
  (await import('./props-alerts-mem')).fakeFsPromises(await original<typeof FsPromises>()),
);

describe('JSON document reader', () => {
  it(`reads valid records exactly and names every hostile record by line and pointer (${RUNS.mixed} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        casesArb(false),
        fc.constantFrom(0, 1, 2, 4),
        fc.boolean(),
        fc.boolean(),
        async (cases, indent, bom, crlf) => {
          const { text, lines } = jsonOf(
            cases.map((c) => c.json),
            { indent, bom, crlf },
          );
          const items = await read(text, 'json', 65536);
          expectLocated(items, text);
          expectOutcome(items, cases, lines, (c, i) =>
            c.bad === '(record)' ? `alerts.${i}` : `alerts.${i}.${c.bad}`,
          );
        },
      ),
      { numRuns: RUNS.mixed, seed: 0xb1, timeout: 10_000 },
    );
  }, 120_000);

  it(`refuses random bytes, truncations and flips of good.json, located (${RUNS.random + RUNS.truncated + RUNS.flipped} cases)`, async () => {
    await anyBytes('json', 'good.json', undefined, 0xb2);
  }, 120_000);

  it(`refuses documents of the wrong shape and deep nesting (${3 * RUNS.special} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (v) => {
        const text = JSON.stringify(v);
        const items = await read(text, 'json', 65536);
        expectLocated(items, text);
        expect(items.some((x) => 'issues' in x)).toBe(true);
      }),
      { numRuns: 2 * RUNS.special, seed: 0xb3, timeout: 10_000 },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 10, max: 200_000 }), fc.boolean(), async (depth, cut) => {
        const deep = `${'['.repeat(depth)}${cut ? '' : ']'.repeat(depth)}`;
        const text = `{"format":"soc-desk-alerts","version":1,"alerts":[{"hosts":${deep}}]}`;
        const items = await read(text, 'json', 65536);
        expectLocated(items, text);
        expect(items).toHaveLength(1);
      }),
      { numRuns: RUNS.special, seed: 0xb4, timeout: 10_000 },
    );
  }, 120_000);
});

it(`runs ${total} cases`, () => {
  expect(total).toBeGreaterThanOrEqual(10_000);
});
