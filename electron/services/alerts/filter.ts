/**
 * A queue view as the queries need it: the customers it covers (always through the profile's
 * scope), the kinds the source/module/class/kind filters leave, the statuses and severities, the
 * time range in epoch ms, and the search words. Also the statement cache and the opaque cursor.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import {
  ALERT_STATUSES,
  CSOC_KINDS,
  CTS_KINDS,
  SEVERITIES,
  THREAT_KINDS,
  classOfKind,
  type AlertStatus,
  type CsocKind,
  type Severity,
  type ThreatKind,
} from '../../../shared/catalog';
import type { AlertFilter } from '../../../shared/ops/alerts';
import { fail } from '../../../shared/result';
import { DAY_MS, jstMidnight } from '../../../shared/time';
import type { Db } from '../../store/database';
import type { ServiceContext } from '../context';
import { resolveCustomers } from '../scope';
import { searchWords } from './fts';

export interface Resolved {
  customers: string[];
  /** null: every kind. Empty: nothing can match. */
  kinds: ThreatKind[] | null;
  statuses: AlertStatus[] | null;
  severities: Severity[] | null;
  /** Detected in [fromMs, toMs). */
  fromMs: number | null;
  toMs: number | null;
  host: string | null;
  long: string[];
  short: string[];
}

const sourceOf = (k: ThreatKind) => (k in CTS_KINDS ? 'cts' : 'csoc');

/** Resolves a filter against the profile's scope (`forbidden` for a customer outside it). */
export function resolveFilter(ctx: ServiceContext, f: AlertFilter): Resolved {
  const customers = resolveCustomers(ctx, f.customerId);
  let kinds: ThreatKind[] = [...THREAT_KINDS];
  const given = <T>(a: readonly T[] | undefined) => (a && a.length > 0 ? a : null);
  const sources = given(f.sources);
  const modules = given(f.modules);
  const classes = given(f.classes);
  const only = given(f.kinds);
  if (sources) kinds = kinds.filter((k) => sources.includes(sourceOf(k)));
  if (modules)
    kinds = kinds.filter(
      (k) => k in CSOC_KINDS && modules.includes(CSOC_KINDS[k as CsocKind].module),
    );
  if (classes) kinds = kinds.filter((k) => classes.includes(classOfKind(k)));
  if (only) kinds = kinds.filter((k) => only.includes(k));
  const statuses = given(f.statuses);
  const severities = given(f.severities);
  const words = searchWords(f.q ?? '');
  return {
    customers,
    kinds: kinds.length === THREAT_KINDS.length ? null : kinds,
    statuses: statuses && statuses.length < ALERT_STATUSES.length ? [...statuses] : null,
    severities: severities && severities.length < SEVERITIES.length ? [...severities] : null,
    fromMs: f.from ? jstMidnight(f.from) : null,
    toMs: f.to ? jstMidnight(f.to) + DAY_MS : null,
    host: f.host ?? null,
    long: words.long,
    short: words.short,
  };
}

/** True when nothing can match (an empty kind set, or no customer in scope). */
export function nothing(r: Resolved): boolean {
  return r.customers.length === 0 || (r.kinds !== null && r.kinds.length === 0);
}

type Statement = Database.Statement<unknown[]>;
const statements = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, cached per connection and SQL text (the shapes are few). */
export function prep(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Statement>()));
  let s = cache.get(sql);
  if (!s) {
    if (cache.size > 500) cache.clear();
    s = db.prepare<unknown[]>(sql);
    cache.set(sql, s);
  }
  return s;
}

export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Where the next page starts: after this sort key (t = detected_at, r = severity rank). */
const cursorSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('d'), t: z.number().int(), id: z.number().int() }),
  z.object({
    k: z.literal('s'),
    r: z.number().int().min(0).max(4),
    t: z.number().int(),
    id: z.number().int(),
  }),
  z.object({ k: z.literal('i'), id: z.number().int() }),
]);
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(s: string | null, kind: Cursor['k']): Cursor | null {
  if (s === null) return null;
  try {
    const c = cursorSchema.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    if (c.k === kind) return c;
  } catch {
    // fall through: a cursor from another view or a tampered one
  }
  fail('invalid_input', {
    issues: [{ path: 'cursor', message: 'errors:issue.invalid_format' }],
  });
}
