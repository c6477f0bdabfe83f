/**
 * The feed parser: one page of the feed (its JSON text) in, validated changes or located errors out.
 * Pure (no I/O, no clock): the connector, the simulator and the tests all use it. A page is valid as
 * a whole or not at all — the connector commits nothing of a page with any error.
 */
import type { z } from 'zod';
import type { Alert } from '../domain/alert';
import type { Contract } from '../domain/contract';
import type { Device } from '../domain/entities';
import type { Issue } from '../result';
import { jsonErrorOffset } from './json-offset';
import {
  DATA_SCHEMAS,
  FEED_FORMAT,
  FEED_VERSION,
  itemEnvelope,
  pageEnvelope,
  type FeedAlert,
  type FeedChange,
  type FeedContract,
  type FeedDevice,
  type FeedPage,
} from './v1';

/** At most this many issues are reported for one page (the first ones, in document order). */
export const MAX_ISSUES = 50;

export type ParseResult = { ok: true; page: FeedPage } | { ok: false; issues: Issue[] };

// The format must keep mapping onto the domain: these fail to compile if either side drifts.
const _alert: (a: FeedAlert) => Alert = (a) => a;
const _contract: (c: FeedContract) => Contract = (c) => c;
const _device: (d: FeedDevice) => Device = (d) => d;
void [_alert, _contract, _device];

/** `items[3].data.hosts[0]` from zod's path segments under a prefix. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(page)' : out;
}

function zodIssues(prefix: string, error: z.ZodError): Issue[] {
  return error.issues.map((i) => {
    const params: Record<string, string | number> = {};
    if ('expected' in i && typeof i.expected === 'string') params.expected = i.expected;
    if ('minimum' in i) params.minimum = Number(i.minimum);
    if ('maximum' in i) params.maximum = Number(i.maximum);
    if ('keys' in i && Array.isArray(i.keys)) params.keys = i.keys.slice(0, 10).join(', ');
    return { path: formatPath(prefix, i.path), message: `errors:issue.${i.code}`, params };
  });
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Parses JSON text, locating a syntax error by line and column where the engine tells where. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issue: Issue } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset < 0 ? text.length : offset);
    return {
      ok: false,
      issue: { path: '(page)', line, message: 'sync:feedIssue.json', params: { line, column } },
    };
  }
}

/**
 * Validates one page given as text (what the server sent) or as an already parsed value. Checks the
 * format name and version first (a page of another version is not read further), then the
 * envelope, then every item, collecting located issues.
 */
export function parseFeedPage(input: unknown): ParseResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.ok) return { ok: false, issues: [json.issue] };
    value = json.value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [{ path: '(page)', message: 'sync:feedIssue.notObject' }] };
  }
  const head = value as Record<string, unknown>;
  if (head.format !== FEED_FORMAT) {
    return { ok: false, issues: [{ path: 'format', message: 'sync:feedIssue.format' }] };
  }
  if (head.version !== FEED_VERSION) {
    const found = typeof head.version === 'number' ? head.version : String(head.version);
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          message: 'sync:feedIssue.version',
          params: { found, supported: FEED_VERSION },
        },
      ],
    };
  }
  const envelope = pageEnvelope.safeParse(value);
  if (!envelope.success) {
    return { ok: false, issues: zodIssues('', envelope.error).slice(0, MAX_ISSUES) };
  }
  const issues: Issue[] = [];
  const changes: FeedChange[] = [];
  envelope.data.items.forEach((raw, index) => {
    if (issues.length >= MAX_ISSUES) return;
    const at = `items[${index}]`;
    const item = itemEnvelope.safeParse(raw);
    if (!item.success) {
      issues.push(...zodIssues(at, item.error));
      return;
    }
    const data = DATA_SCHEMAS[item.data.kind].safeParse(item.data.data);
    if (!data.success) {
      issues.push(...zodIssues(`${at}.data`, data.error));
      return;
    }
    changes.push({ kind: item.data.kind, data: data.data } as FeedChange);
  });
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  const { cursor, nextCursor, hasMore } = envelope.data;
  if (hasMore && changes.length === 0) {
    // "More items now" on an empty page would make a client ask the same question forever.
    return { ok: false, issues: [{ path: 'hasMore', message: 'sync:feedIssue.emptyHasMore' }] };
  }
  return { ok: true, page: { cursor, nextCursor, hasMore, changes } };
}

/** The customer an item belongs to (every v1 item names one). */
export function customerOf(change: FeedChange): string {
  return change.data.customerId;
}

/** The natural key of an item, for reports (never its content). */
export function keyOf(change: FeedChange): string {
  switch (change.kind) {
    case 'alert':
      return `${change.data.source}:${change.data.sourceId}`;
    case 'contract':
    case 'device':
      return change.data.id;
    case 'deviceStatus':
      return change.data.deviceId;
    case 'healthSample':
      return `${change.data.deviceId}@${change.data.at}`;
  }
}
