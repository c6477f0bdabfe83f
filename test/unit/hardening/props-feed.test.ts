/**
 * Property-based tests of the feed parser (shared/feed/parse.ts; parse.test.ts runs ~100
 * generated cases) and of the connector on bad pages: 10,100 generated pages in the parser and
 * 200 through `sync.run` against a feed answering them.
 *
 * Properties: valid pages (duplicate items included) read as exactly their items; hostile pages
 * (wrong cursor types, over-long cursors, huge pages, unknown kinds, fields of the wrong type,
 * unknown keys, another format or version, "more" on an empty page) are refused with issues that
 * name the item and field; random bytes, truncations, flips and deep nesting are refused with the
 * line and column of the syntax error. Through the connector, a refused page commits nothing: the
 * data tables and the cursor stay as they were.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeLog } from '../../../electron/feed-sim/log';
import {
  FEED_FORMAT,
  FEED_VERSION,
  MAX_PAGE_ITEMS,
  keyOf,
  parseFeedPage,
  type FeedChange,
} from '../../../shared/feed';
import type { SyncRun } from '../../../shared/ops/sync';
import type { Issue } from '../../../shared/result';
import type { Db } from '../../../electron/store/database';
import { FIXED_NOW } from '../helpers';
import { MINATO, cursorOf, syncSetup } from '../sync/helpers';
import { getAt, jsonType, nested, setAt } from './props-template-arb';

const log = new ChangeLog({ now: FIXED_NOW, days: 2, customers: MINATO });
const ITEMS = log.items;
const RUNS = {
  valid: 2000,
  hostile: 4000,
  fields: 1000,
  random: 1000,
  truncated: 1000,
  flipped: 1000,
  deep: 100,
  sync: 200,
};

type Page = Record<string, unknown> & { items: unknown[] };

const pageOf = (items: unknown[], cursor: string | null, more = false): Page => ({
  format: FEED_FORMAT,
  version: FEED_VERSION,
  cursor,
  nextCursor: 'next-1',
  hasMore: more && items.length > 0,
  items,
});

/** A good page, pretty-printed: what truncations and flips start from. */
const good = JSON.stringify(pageOf(ITEMS.slice(0, 40), 'c1'), null, 1);

/** Items of the demo feed, some of them twice (a replay). */
const itemsArb = fc
  .tuple(
    fc.nat({ max: ITEMS.length - 1 }),
    fc.nat({ max: 30 }),
    fc.array(fc.nat(), { maxLength: 3 }),
  )
  .map(([at, n, dups]) => {
    const items = ITEMS.slice(at, at + n);
    for (const d of dups)
      if (items.length) items.splice(d % items.length, 0, items[d % items.length]!);
    return structuredClone(items);
  });
const cursorArb = fc.option(fc.string({ minLength: 1, maxLength: 512 }));

function refused(input: string, at?: string): Issue[] {
  const r = parseFeedPage(input);
  expect(r.ok, at).toBe(false);
  if (r.ok) return [];
  expect(r.issues.length).toBeGreaterThan(0);
  expect(r.issues.length).toBeLessThanOrEqual(50);
  const lines = input.split('\n').length;
  for (const i of r.issues) {
    expect(i.path).toMatch(/\S/);
    expect(i.message).toMatch(/^(errors|sync):[\w.]+$/);
    if (i.path === '(page)' && i.message === 'sync:feedIssue.json') {
      expect(i.line! >= 1 && i.line! <= lines).toBe(true);
      expect(i.params?.column).toBeGreaterThanOrEqual(1);
    }
  }
  if (at !== undefined)
    expect(
      r.issues.some(
        (i) => i.path === at || i.path.startsWith(`${at}.`) || i.path.startsWith(`${at}[`),
      ),
      `${at} in ${JSON.stringify(r.issues)}`,
    ).toBe(true);
  return r.issues;
}

/** A hostile edit of a page and the path a refusal must name. */
function edit(page: Page, kind: number, pick: number): { text: string; at: string } {
  const i = page.items.length ? pick % page.items.length : 0;
  const text = () => JSON.stringify(page);
  const odd = [0, 42, {}, [], '', 'x'.repeat(513), true, ['c']][pick % 8];
  switch (kind) {
    case 0:
      page.cursor = odd;
      return { text: text(), at: 'cursor' };
    case 1:
      page.nextCursor = [null, 7, '', 'x'.repeat(513), { c: 1 }][pick % 5];
      return { text: text(), at: 'nextCursor' };
    case 2:
      page.hasMore = ['true', 1, null, []][pick % 4];
      return { text: text(), at: 'hasMore' };
    case 3:
      (page as Record<string, unknown>).items = [{}, 'items', null, 3][pick % 4];
      return { text: text(), at: 'items' };
    case 4: // A page bigger than any server may send.
      page.items = Array.from({ length: MAX_PAGE_ITEMS + 1 + (pick % 50) }, () => ITEMS[0]);
      return { text: text(), at: 'items' };
    case 5:
      if (!page.items.length) return edit(page, 4, pick);
      page.items[i] = { kind: ['weather', 'Alert', '', 'alerts'][pick % 4], data: {} };
      return { text: text(), at: `items[${i}].kind` };
    case 6:
      if (!page.items.length) return edit(page, 7, pick);
      page.items[i] = { ...(page.items[i] as object), extra: 1 };
      return { text: text(), at: `items[${i}]` };
    case 7:
      // An own key, as JSON.parse makes it (an assignment to __proto__ would set the prototype).
      Object.defineProperty(page, ['extra', '__proto__', 'constructor'][pick % 3]!, {
        value: { polluted: true },
        enumerable: true,
      });
      return { text: text(), at: '(page)' };
    case 8:
      page.format = 'socdesk-feed-v2';
      return { text: text(), at: 'format' };
    case 9:
      page.version = [2, '1', 0, null][pick % 4];
      return { text: text(), at: 'version' };
    default:
      page.items = [];
      page.hasMore = true;
      return { text: text(), at: 'hasMore' };
  }
}

describe('feed parser', () => {
  it(`reads valid pages, duplicates included, as exactly their items (${RUNS.valid} cases)`, () => {
    fc.assert(
      fc.property(
        itemsArb,
        cursorArb,
        fc.boolean(),
        fc.nat({ max: 2 }),
        (items, cursor, more, indent) => {
          const r = parseFeedPage(JSON.stringify(pageOf(items, cursor, more), null, indent));
          expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
          if (r.ok) expect(r.page.changes.map(keyOf)).toEqual(items.map(keyOf));
        },
      ),
      { numRuns: RUNS.valid, seed: 0xfe01 },
    );
  }, 120_000);

  it(`refuses hostile envelopes and items at their path (${RUNS.hostile} cases)`, () => {
    fc.assert(
      fc.property(
        itemsArb,
        cursorArb,
        fc.nat({ max: 10 }),
        fc.nat(),
        (items, cursor, kind, pick) => {
          const { text, at } = edit(pageOf(items, cursor), kind, pick);
          refused(text, at);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: RUNS.hostile, seed: 0xfe02 },
    );
  }, 120_000);

  it(`refuses a field of an item with a value of another type, at that field (${RUNS.fields} cases)`, () => {
    fc.assert(
      fc.property(
        itemsArb,
        fc.nat(),
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        (items, a, b, value) => {
          fc.pre(items.length > 0 && value !== null);
          const i = a % items.length;
          const data = (items[i] as FeedChange).data as Record<string, unknown>;
          const fields = Object.keys(data).filter((k) => data[k] !== null);
          const field = fields[b % fields.length]!;
          fc.pre(jsonType(getAt(data, [field])) !== jsonType(value));
          setAt(data, [field], value);
          refused(JSON.stringify(pageOf(items, 'c')), `items[${i}].data.${field}`);
        },
      ),
      { numRuns: RUNS.fields, seed: 0xfe03 },
    );
  }, 120_000);

  it(`refuses random bytes and truncations, a flip is refused or read, deep nesting too, located (${RUNS.random + RUNS.truncated + RUNS.flipped + RUNS.deep} cases)`, () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 1024 }),
        (b) => void refused(Buffer.from(b).toString('utf8')),
      ),
      { numRuns: RUNS.random, seed: 0xfe04 },
    );
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), (n) => {
        const [issue] = refused(good.slice(0, n));
        // A cut page breaks where it was cut, at its last line.
        expect(issue).toMatchObject({ path: '(page)', message: 'sync:feedIssue.json' });
        expect(issue!.line).toBe(good.slice(0, n).split('\n').length);
      }),
      { numRuns: RUNS.truncated, seed: 0xfe05 },
    );
    const bytes = Buffer.from(good);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (flips) => {
          const b = Buffer.from(bytes);
          for (const [at, x] of flips) b[at] = b[at]! ^ x;
          const text = b.toString('utf8');
          if (!parseFeedPage(text).ok) refused(text);
        },
      ),
      { numRuns: RUNS.flipped, seed: 0xfe06 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 100_000 }), fc.nat({ max: 2 }), (depth, how) => {
        const deep = nested(depth);
        const text =
          how === 0
            ? JSON.stringify(pageOf([], 'c')).replace('"items":[]', `"items":[${deep}]`)
            : how === 1
              ? `{"format":"socdesk-feed","version":1,"items":${deep.slice(0, depth)}\nx${deep.slice(depth)}}`
              : deep.slice(0, depth + (depth >> 1));
        const issues = refused(text);
        // A syntax error is placed where it is: on the line of the stray character.
        if (how === 1) expect(issues[0]).toMatchObject({ line: 2, params: { line: 2, column: 1 } });
      }),
      { numRuns: RUNS.deep, seed: 0xfe07 },
    );
  }, 120_000);
});

/** Every table the feed writes to, without the connector's own run log and position. */
function dataHash(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
      AND name NOT IN ('sync_runs', 'sync_state') ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  for (const name of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

describe('the connector on bad pages', () => {
  it(`commits nothing of a refused page and says where (${RUNS.sync} cases)`, async () => {
    let answer: (cursor: string | null) => string = (cursor) =>
      JSON.stringify(pageOf(ITEMS.slice(0, 50), cursor));
    const fetchFake: typeof fetch = (input) => {
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      const cursor = new URL(url).searchParams.get('cursor');
      return Promise.resolve(
        new Response(answer(cursor), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    };
    const { app } = await syncSetup({ deps: { fetch: fetchFake } });
    const run = async () => {
      const r = await app.dispatch('sync.run', {});
      expect(r.ok, JSON.stringify(r)).toBe(true);
      return (r as { value: SyncRun }).value;
    };
    expect(await run()).toMatchObject({ outcome: 'ok', items: 50 });
    const head = cursorOf(app.db);
    const before = dataHash(app.db);
    const bad = fc.oneof(
      fc.tuple(itemsArb, fc.nat({ max: 10 }), fc.nat()).map(
        ([items, kind, pick]) =>
          (cursor: string | null) =>
            edit(pageOf(items, cursor), kind, pick).text,
      ),
      fc.nat({ max: good.length - 1 }).map((n) => () => good.slice(0, n)),
      fc.uint8Array({ maxLength: 256 }).map((b) => () => Buffer.from(b).toString('latin1')),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (page) => {
        answer = page;
        const result = await run();
        expect(result).toMatchObject({ outcome: 'error', items: 0, error: { code: 'malformed' } });
        expect(result.error?.issues?.[0]?.path).toMatch(/\S/);
        expect(cursorOf(app.db)).toBe(head);
        expect(dataHash(app.db)).toBe(before);
      }),
      { numRuns: RUNS.sync, seed: 0xfe08, timeout: 10_000 },
    );
  }, 120_000);
});
