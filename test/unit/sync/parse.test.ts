import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeLog } from '../../../electron/feed-sim/log';
import {
  FEED_ITEM_KINDS,
  MAX_ISSUES,
  MAX_PAGE_ITEMS,
  feedPageJson,
  keyOf,
  parseFeedPage,
  type FeedChange,
} from '../../../shared/feed';
import { jsonErrorOffset } from '../../../shared/feed/json-offset';
import { changesUrl, feedUrlProblem } from '../../../shared/feed/url';
import { FIXED_NOW } from '../helpers';

const log = new ChangeLog({ now: FIXED_NOW, days: 3 });
const sample = (kind: FeedChange['kind']) => log.items.find((i) => i.kind === kind)!;
const page = (items: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'socdesk-feed',
    version: 1,
    cursor: 'c1',
    nextCursor: 'c2',
    hasMore: false,
    items,
    ...extra,
  });

function issuesOf(text: string) {
  const r = parseFeedPage(text);
  if (r.ok) throw new Error('expected the page to be refused');
  return r.issues;
}

describe('feed page parser: good pages', () => {
  it('reads every item of the demo world, in order, as typed changes', () => {
    const items = log.items;
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set(FEED_ITEM_KINDS.filter((k) => k !== 'deviceStatus')),
    );
    for (let at = 0; at < items.length; at += MAX_PAGE_ITEMS) {
      const slice = items.slice(at, at + MAX_PAGE_ITEMS);
      const r = parseFeedPage(
        feedPageJson({ cursor: null, nextCursor: 'n', hasMore: true, items: slice }),
      );
      expect(r.ok, JSON.stringify(!r.ok && r.issues.slice(0, 3))).toBe(true);
      if (r.ok) expect(r.page.changes.map(keyOf)).toEqual(slice.map(keyOf));
    }
  });

  it('reads the trickle (device status included) and keeps the envelope', () => {
    const more = new ChangeLog({ now: FIXED_NOW, days: 1 });
    const added = [...more.tick(FIXED_NOW + 1000), ...more.tick(FIXED_NOW + 2000)];
    expect(added.map((i) => i.kind)).toContain('deviceStatus');
    const r = parseFeedPage(
      feedPageJson({ cursor: 'a', nextCursor: 'b', hasMore: true, items: added }),
    );
    expect(r).toMatchObject({ ok: true, page: { cursor: 'a', nextCursor: 'b', hasMore: true } });
  });

  it('accepts an empty page at the head (nextCursor = cursor, no more)', () => {
    const r = parseFeedPage(page([], { nextCursor: 'c1' }));
    expect(r).toEqual({
      ok: true,
      page: { cursor: 'c1', nextCursor: 'c1', hasMore: false, changes: [] },
    });
  });

  it('accepts an already parsed value', () => {
    expect(parseFeedPage(JSON.parse(page([sample('contract')]))).ok).toBe(true);
  });
});

describe('feed page parser: bad pages, located', () => {
  it('locates a JSON syntax error by line and column', () => {
    const text = '{\n  "format": "socdesk-feed",\n  "version": 1,\n  "items": [,]\n}';
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: '(page)', message: 'sync:feedIssue.json', line: 4 });
    expect(issue!.params).toMatchObject({ line: 4, column: 13 });
  });

  it('refuses a truncated page (a connection cut mid-body)', () => {
    const full = page([sample('alert')]);
    expect(issuesOf(full.slice(0, full.length / 2))[0]!.message).toBe('sync:feedIssue.json');
  });

  it('refuses what is not a page of this format and version', () => {
    expect(issuesOf('[]')[0]).toMatchObject({ message: 'sync:feedIssue.notObject' });
    expect(issuesOf('null')[0]).toMatchObject({ message: 'sync:feedIssue.notObject' });
    expect(issuesOf(page([], { format: 'other' }))[0]).toMatchObject({ path: 'format' });
    expect(issuesOf(page([], { version: 2 }))[0]).toEqual({
      path: 'version',
      message: 'sync:feedIssue.version',
      params: { found: 2, supported: 1 },
    });
  });

  it('locates envelope problems: missing cursor, unknown field, too many items', () => {
    const noNext = JSON.parse(page([])) as Record<string, unknown>;
    delete noNext.nextCursor;
    expect(issuesOf(JSON.stringify(noNext))).toEqual([
      expect.objectContaining({ path: 'nextCursor', message: 'errors:issue.invalid_type' }),
    ]);
    expect(issuesOf(page([], { extra: 1 }))[0]).toMatchObject({
      path: '(page)',
      message: 'errors:issue.unrecognized_keys',
      params: { keys: 'extra' },
    });
    const many = Array.from({ length: MAX_PAGE_ITEMS + 1 }, () => sample('contract'));
    expect(issuesOf(page(many))[0]).toMatchObject({
      path: 'items',
      message: 'errors:issue.too_big',
    });
  });

  it('locates every bad item and field, in document order', () => {
    const alert = sample('alert') as FeedChange & { kind: 'alert' };
    const issues = issuesOf(
      page([
        sample('contract'),
        { kind: 'alert', data: { ...alert.data, severity: 'apocalyptic' } },
        { kind: 'weather', data: {} },
        {
          kind: 'alert',
          data: { ...alert.data, detectedAt: Math.floor(alert.data.detectedAt / 1000) },
        },
        { kind: 'device', data: { ...sample('device').data, colour: 'red' } },
        { kind: 'alert', data: { ...alert.data, hosts: ['ok', ''] } },
      ]),
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['items[1].data.severity', 'errors:issue.invalid_value'],
      ['items[2].kind', 'errors:issue.invalid_value'],
      // Seconds instead of milliseconds: outside 2000–2200.
      ['items[3].data.detectedAt', 'errors:issue.too_small'],
      ['items[4].data', 'errors:issue.unrecognized_keys'],
      ['items[5].data.hosts[1]', 'errors:issue.too_small'],
    ]);
  });

  it('reports at most MAX_ISSUES issues', () => {
    const bad = Array.from({ length: 200 }, () => ({ kind: 'alert', data: {} }));
    expect(issuesOf(page(bad))).toHaveLength(MAX_ISSUES);
  });

  it('refuses "more" on an empty page (a client would ask forever)', () => {
    expect(issuesOf(page([], { hasMore: true }))[0]).toMatchObject({
      path: 'hasMore',
      message: 'sync:feedIssue.emptyHasMore',
    });
  });
});

describe('feed address', () => {
  it.each([
    ['https://feed.example/v1', null],
    ['http://127.0.0.1:47800/feed/v1', null],
    ['http://localhost:8080/feed', null],
    ['http://[::1]:8080/feed', null],
    ['http://feed.example/v1', 'insecure'],
    ['http://127.0.0.2.example/v1', 'insecure'],
    ['ftp://feed.example/v1', 'scheme'],
    ['https://user:secret@feed.example/v1', 'credentials'],
    ['https://feed.example/v1?token=x', 'query'],
    ['not a url', 'invalid'],
  ])('%s → %s', (url, problem) => {
    expect(feedUrlProblem(url)).toBe(problem);
  });

  it('puts cursor and limit on the changes endpoint', () => {
    expect(changesUrl('https://f.example/feed/v1', null, 500)).toBe(
      'https://f.example/feed/v1/changes?limit=500',
    );
    expect(changesUrl('https://f.example/feed/v1/', 'a+b/c=', 10)).toBe(
      'https://f.example/feed/v1/changes?cursor=a%2Bb%2Fc%3D&limit=10',
    );
  });
});

describe('locating a JSON syntax error', () => {
  it.each([
    ['{"a": 1,}', 8],
    ['{"a": tru}', 9],
    ['[1, 2', 5],
    ['{"a": "x\u0001"}', 8],
    ['{"a": 01}', 7],
    ['{"a": 1} x', 9],
    ['', 0],
  ])('%j breaks at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('finds no error in valid JSON, and one within any strict prefix of it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1);
        expect(jsonErrorOffset(text)).toBe(-1);
        for (const cut of [1, Math.floor(text.length / 2)]) {
          const prefix = text.slice(0, text.length - cut);
          let valid = true;
          try {
            JSON.parse(prefix);
          } catch {
            valid = false;
          }
          if (!valid) expect(jsonErrorOffset(prefix)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
