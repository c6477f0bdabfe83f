/**
 * Field-level fuzzing of every API operation (issue #8 "every API operation fuzzed with wrong
 * types, missing fields, huge strings"): from one valid input per operation — the tenant-isolation
 * table's (isolation-table.ts), or a few written here — each required field is dropped, each field
 * gets a value of another type, each string field a 10 MB string, and every object an unknown key.
 * Each mutation goes through the dispatcher, the IPC wrapper and the browser host over HTTP: the
 * answer is a typed error that leaks no stack or path, and the store does not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, OPERATION_NAMES, type OperationName } from '../../../shared/api';
import { ERROR_CODES, type Result } from '../../../shared/result';
import { contentHash, suiteApp, tempDir } from '../helpers';
import { FAKE_PDF } from '../reports/zip';
import { TABLE } from './isolation-table';
import { ATTACKERS, buildWorld, type World } from './isolation-world';
import {
  directTransport,
  viaDispatch,
  viaHttp,
  viaIpc,
  type Call,
  type HttpHost,
  LEAKS,
} from './transports';

const HUGE = 'x'.repeat(10 * 1024 * 1024);
/** Over HTTP a 10 MB body stops at the body limit (1 MiB) before any field is read; just under
 * it, each field's own limit has to refuse it. */
const LARGE = 'x'.repeat(900 * 1024);

/** Valid inputs for operations the isolation table gives a reason for instead of probes. */
const OWN: Partial<Record<OperationName, unknown>> = {
  'session.setProfile': { kind: 'partner', id: 'p-minato' },
  'session.setLanguage': { language: 'ja' },
  'files.open': { extensions: ['json'] },
  'desk.setActiveTemplate': { id: 'standard', version: 1 },
  'desk.saveMailSettings': {
    host: 'smtp.example.jp',
    port: 587,
    security: 'starttls',
    user: 'desk@example.jp',
    from: 'desk@example.jp',
    secondLineTo: '',
  },
  'privacy.setRetention': { months: 12 },
};

type Path = Array<string | number>;
type Mutation = { what: string; input: unknown; http?: unknown };

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** A value of another JSON type than `v`. */
const OTHER: Record<string, unknown> = {
  string: 12345,
  number: 'twelve',
  boolean: 'yes',
  null: { a: 1 },
  array: 'list',
  object: 7,
};
const otherType = (v: unknown): unknown => OTHER[typeOf(v)] ?? null;

/** Every field path of a JSON value: object keys and the first element of each array. */
function paths(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.length > 0 ? [[...at, 0], ...paths(v[0], [...at, 0])] : [];
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
  return [];
}

function edit(
  v: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy;
}

function objects(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.length > 0 ? objects(v[0], [...at, 0]) : [];
  if (v !== null && typeof v === 'object')
    return [at, ...Object.entries(v).flatMap(([k, x]) => objects(x, [...at, k]))];
  return [];
}

/** The mutations of one valid input that its schema refuses (a dropped optional field is valid). */
function mutations(name: OperationName, valid: unknown) {
  const schema = api[name].input;
  const refused = (input: unknown) => !schema.safeParse(input).success;
  const out: Mutation[] = [];
  const accepted: string[] = [];
  for (const p of paths(valid)) {
    const at = p.join('.');
    const value = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], valid);
    if (typeof p.at(-1) === 'string') {
      const dropped = edit(valid, p, (o, k) => delete o[k]);
      if (refused(dropped)) out.push({ what: `without ${at}`, input: dropped });
    }
    const retyped = edit(valid, p, (o, k) => (o[k] = otherType(value)));
    if (refused(retyped))
      out.push({ what: `${at} as ${typeOf(otherType(value))}`, input: retyped });
    if (typeof value === 'string') {
      const huge = edit(valid, p, (o, k) => (o[k] = HUGE));
      if (refused(huge))
        out.push({
          what: `${at} 10 MB`,
          input: huge,
          http: edit(valid, p, (o, k) => (o[k] = LARGE)),
        });
      else accepted.push(`${name} ${at}: a 10 MB string`);
    }
  }
  for (const p of objects(valid)) {
    const extra = edit({ root: valid }, ['root', ...p, 'unknownField'], (o, k) => (o[k] = 1)) as {
      root: unknown;
    };
    if (refused(extra.root))
      out.push({ what: `unknown key in ${p.join('.') || '(input)'}`, input: extra.root });
    else accepted.push(`${name} ${p.join('.') || '(input)'}: an unknown key`);
  }
  return { out, accepted };
}

function refusalProblems(r: Result<unknown>, text: string): string[] {
  if (r.ok) return ['answered instead of refusing'];
  const out: string[] = [];
  if (!ERROR_CODES.includes(r.error.code)) out.push(`untyped code ${String(r.error.code)}`);
  if (!/^[a-z]+:/.test(r.error.message)) out.push(`message "${r.error.message}" is no message key`);
  if (LEAKS.test(text)) out.push(`leaks ${text.match(LEAKS)?.[0]}`);
  return out;
}

describe('every API operation, field by field', () => {
  const suite = suiteApp();
  let world: World;
  let calls: Array<[string, Call]>;
  let http: HttpHost;
  const examples = new Map<OperationName, unknown>();

  beforeAll(async () => {
    const app = suite.current;
    app.ctx.pdf = { print: () => Promise.resolve(new Uint8Array(FAKE_PDF)) };
    world = await buildWorld(directTransport(app));
    http = await viaHttp(app, tempDir());
    calls = [
      ['dispatch', viaDispatch(app)],
      ['ipc', viaIpc(app)],
      ['http', http.call],
    ];
    for (const name of OPERATION_NAMES) {
      const entry = TABLE[name];
      const inputs =
        'probes' in entry ? entry.probes(world, ATTACKERS[0]!).map((a) => a.input) : [];
      const valid = [...inputs, OWN[name], {}].find(
        (i) => i !== undefined && api[name].input.safeParse(i).success,
      );
      if (valid !== undefined) examples.set(name, valid);
    }
  }, 120_000);
  afterAll(() => http?.host.close());

  it('has a valid input for every operation', () => {
    expect(OPERATION_NAMES.filter((n) => !examples.has(n))).toEqual([]);
  });

  it('caps every string field and refuses unknown keys everywhere', () => {
    const all = OPERATION_NAMES.map((n) => mutations(n, examples.get(n)));
    expect(all.flatMap((m) => m.accepted)).toEqual([]);
    // Each kind of mutation was made (fields exist to mutate, not only unknown keys).
    const whats = all.flatMap((m) => m.out.map((x) => x.what));
    for (const kind of [/^without /, / as /, / 10 MB$/, /^unknown key/])
      expect(whats.filter((w) => kind.test(w)).length).toBeGreaterThan(OPERATION_NAMES.length / 2);
  });

  it.each(OPERATION_NAMES.map((n) => [n]))('%s', async (name: OperationName) => {
    const app = suite.current;
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    const before = contentHash(app.db);
    const { out } = mutations(name, examples.get(name));
    const problems: string[] = [];
    for (const m of out) {
      for (const [via, call] of calls) {
        const input = via === 'http' && m.http !== undefined ? m.http : m.input;
        const { result, text } = await call(name, input);
        problems.push(...refusalProblems(result, text).map((p) => `${m.what} via ${via}: ${p}`));
      }
    }
    // One real 10 MB body over HTTP: refused at the body limit, typed.
    const { result, text } = await http.call(name, { pad: HUGE });
    problems.push(...refusalProblems(result, text).map((p) => `10 MB body via http: ${p}`));
    expect(problems).toEqual([]);
    // Inputs with fields had fields to mutate; an empty input still got an unknown key.
    expect(out.length).toBeGreaterThan(0);
    expect(contentHash(app.db), 'the store changed').toBe(before);
  });
});
