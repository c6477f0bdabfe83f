/**
 * Size limits on every input (issue #8, docs/limits.md), proven on the two ways a file comes in:
 * the desktop path (a file picked in the open dialog, `files.open`) and the browser host's upload
 * (`POST /api/upload`). A 2 GiB file (sparse: no disk space) and ZIP bombs must be refused EARLY —
 * from the declared or stat'ed size, or after the first record — with a typed error, and the store
 * must not change. "Early" is measured: the bytes this process read while refusing (Linux
 * /proc/self/io `rchar`, which counts every read(2) of every thread), the time, the memory.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hostFiles } from '../../../electron/host/files';
import { MAX_BODY_BYTES, startHost } from '../../../electron/host/server';
import { createEventHub } from '../../../electron/services/events';
import { MAX_UPLOAD_BYTES } from '../../../electron/services/files/registry';
import { MAX_SHEET_BYTES } from '../../../electron/services/desk/exchange';
import { MAX_TEMPLATE_BYTES } from '../../../electron/services/desk/templates';
import { api, OPERATION_NAMES } from '../../../shared/api';
import { LIMITS } from '../../../shared/bundle/format';
import { IMPORT_LIMITS } from '../../../shared/import';
import type { Result } from '../../../shared/result';
import { tablesDigest } from '../../crash/checks';
import { bombBundle, sparseFile } from '../../crash/bomb';
import { contentHash, suiteApp, tempDir } from '../helpers';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Bytes this process has read so far (null where /proc is missing: the check is skipped). */
function bytesRead(): number | null {
  try {
    return Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
  } catch {
    return null;
  }
}

/** Runs `fn` and returns its result with the bytes read and the time it took. */
async function measured<T>(fn: () => Promise<T>) {
  const r0 = bytesRead();
  const t0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  const value = await fn();
  const r1 = bytesRead();
  return {
    value,
    read: r0 === null || r1 === null ? null : r1 - r0,
    ms: performance.now() - t0,
    rssGrowth: process.memoryUsage().rss - rss0,
  };
}

function expectEarly(m: { read: number | null; ms: number }, maxRead = 8 * MiB) {
  if (m.read !== null) expect(m.read).toBeLessThan(maxRead);
  expect(m.ms).toBeLessThan(10_000);
}

describe('size limits refuse a 2 GiB file and ZIP bombs early, store unchanged', () => {
  const suite = suiteApp();
  const dir = () => tempDir('socdesk-limits-');
  let picked = '';
  let port = 0;
  let upload: (
    bytes: Buffer | null,
    declared?: number,
  ) => Promise<{ status: number; body: string }>;

  /**
   * A raw request, so the declared Content-Length can be a lie (2 GiB announced, KiB sent): with
   * one, the request is never finished — the answer must not wait for the body.
   */
  const raw = (
    path: string,
    headers: Record<string, string>,
    bytes: Buffer | string,
    declared?: number,
  ) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { ...headers, ...(declared ? { 'Content-Length': String(declared) } : {}) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(bytes);
      if (!declared) req.end();
    });
  let http: (name: string, input: unknown) => Promise<Result<unknown>>;

  beforeAll(async () => {
    const app = suite.current;
    app.ctx.dialogs = {
      open: () => Promise.resolve(picked),
      save: () => Promise.resolve(null),
    };
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    const token = 'limits-token-0123456789';
    const host = await startHost({
      dispatch: app.dispatch,
      subscribe: createEventHub().subscribe,
      files: hostFiles(app.ctx),
      staticDir: tempDir(),
      token,
    });
    const auth = `Bearer ${token}`;
    http = async (name, input) => {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: auth },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Result<unknown>;
    };
    port = host.port;
    upload = (bytes, declared) =>
      raw('/api/upload?name=big.bin', { Authorization: auth }, bytes ?? Buffer.alloc(0), declared);
    return () => host.close();
  });

  /** Picks `path` through the desktop path and returns its file id. */
  async function pick(path: string): Promise<string> {
    picked = path;
    const r = (await suite.current.dispatch('files.open', { extensions: ['json'] })) as Result<{
      fileId: string;
    }>;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.fileId;
  }

  it.each([
    ['alerts.import.start', 'alerts.json', IMPORT_LIMITS.jsonBytes, 2 * GiB],
    ['alerts.import.start', 'alerts.ndjson', IMPORT_LIMITS.streamBytes, 9 * GiB],
    ['reports.importBundle', 'report.socdesk', LIMITS.fileBytes, 2 * GiB],
    ['desk.importTemplate', 'template.json', MAX_TEMPLATE_BYTES, 2 * GiB],
    ['desk.importSheet', 'sheet.json', MAX_SHEET_BYTES, 2 * GiB],
  ] as const)(
    'desktop path: %s refuses %s of %d-byte limit at its size',
    async (op, name, limit, size) => {
      const db = suite.current.db;
      const before = contentHash(db);
      const fileId = await pick(sparseFile(join(dir(), name), size, '{"format":"x"}\n'));
      const m = await measured(() => suite.current.dispatch(op, { fileId }));
      expect(m.value).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
      // The limit in bytes, or in MiB where the message shows it so (bundles).
      const shown = (m.value as { error: { params?: { limit?: number } } }).error.params?.limit;
      expect([limit, limit / MiB]).toContain(shown);
      expectEarly(m, MiB);
      expect(contentHash(db)).toBe(before);
    },
  );

  it('desktop path: a 2 GiB NDJSON file without line breaks is refused at its first line', async () => {
    const db = suite.current.db;
    // The attempt itself is recorded (alert_imports, audit_log); no alert or derived row changes.
    const before = tablesDigest(db, ['alert_imports', 'audit_log']);
    const header = '{"format":"soc-desk-alerts","version":1}\n{"sourceId":"';
    const fileId = await pick(sparseFile(join(dir(), 'alerts.ndjson'), 2 * GiB, header));
    const events: unknown[] = [];
    const emit = suite.current.ctx.emit;
    suite.current.ctx.emit = (event, payload) => {
      if (event === 'job.finished') events.push(payload);
    };
    try {
      const m = await measured(async () => {
        const r = await suite.current.dispatch('alerts.import.start', { fileId });
        expect(r.ok).toBe(true);
        while (events.length === 0) await new Promise((res) => setTimeout(res, 20));
        return events[0] as { result: Result<unknown> };
      });
      expect(m.value.result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [
            {
              path: '(file)',
              line: 2,
              message: 'alerts:import.issue.tooLong',
              params: { max: IMPORT_LIMITS.recordBytes },
            },
          ],
        },
      });
      // Two 1 MiB reads of the line, one more at the middle (looking for a split point).
      expectEarly(m, 8 * MiB);
    } finally {
      suite.current.ctx.emit = emit;
    }
    expect(tablesDigest(db, ['alert_imports', 'audit_log'])).toBe(before);
  });

  const bombs = [
    // Declares 2 GiB: refused from the central directory, nothing inflated.
    ['declares its size', () => bombBundle(64, 2 * GiB), 'oversizeMember'],
    // Declares 60 bytes, inflates to 2 GiB: refused by counting, after the manifest's 64 KiB.
    ['lies about its size', () => bombBundle(2048, 60), 'oversizeMember'],
  ] as const;

  it.each(bombs)('desktop path: a ZIP bomb that %s is refused early', async (_, make, code) => {
    const db = suite.current.db;
    const before = contentHash(db);
    const path = join(dir(), 'bomb.socdesk');
    writeFileSync(path, make());
    const fileId = await pick(path);
    const m = await measured(() => suite.current.dispatch('reports.importBundle', { fileId }));
    expect(m.value).toMatchObject({
      ok: false,
      error: {
        code: 'payload_too_large',
        message: `reports:bundle.error.${code}`,
        issues: [{ path: 'manifest.json' }],
      },
    });
    // The file itself is read (a few MB); 2 GiB are never inflated into memory.
    expectEarly(m, 16 * MiB);
    expect(m.rssGrowth).toBeLessThan(256 * MiB);
    expect(contentHash(db)).toBe(before);
  });

  it.each(bombs)('upload: a ZIP bomb that %s is refused early', async (_, make, code) => {
    const db = suite.current.db;
    const before = contentHash(db);
    const up = await upload(make());
    expect(up.status).toBe(200);
    const { fileId } = (JSON.parse(up.body) as { value: { fileId: string } }).value;
    const m = await measured(() => http('reports.importBundle', { fileId }));
    expect(m.value).toMatchObject({
      ok: false,
      error: { code: 'payload_too_large', message: `reports:bundle.error.${code}` },
    });
    expectEarly(m, 16 * MiB);
    expect(m.rssGrowth).toBeLessThan(256 * MiB);
    expect(contentHash(db)).toBe(before);
  });

  it('upload: a 2 GiB upload is refused from its Content-Length, before its body is read', async () => {
    const db = suite.current.db;
    const before = contentHash(db);
    const tmp = join(suite.current.dataDir, 'tmp');
    const files = readdirSync(tmp).length;
    const t0 = performance.now();
    // 64 KiB sent of the 2 GiB announced; the request is never completed.
    const up = await upload(Buffer.alloc(64 * 1024), 2 * GiB);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(up.status).toBe(413);
    expect(JSON.parse(up.body)).toMatchObject({
      ok: false,
      error: { code: 'payload_too_large', params: { limit: MAX_UPLOAD_BYTES } },
    });
    expect(readdirSync(tmp).length).toBe(files);
    expect(contentHash(db)).toBe(before);
  });

  it('API body: 2 GiB announced to an operation is refused before reading (1 MiB limit)', async () => {
    const m = await raw(
      '/api/alerts.list',
      { Authorization: 'Bearer limits-token-0123456789', 'Content-Type': 'application/json' },
      '{"filter":',
      2 * GiB,
    );
    expect(m.status).toBe(413);
    expect(JSON.parse(m.body)).toMatchObject({
      error: { code: 'payload_too_large', params: { limit: MAX_BODY_BYTES } },
    });
  });
});

/**
 * Every string, array and map in every operation's input has an upper bound (docs/limits.md §2),
 * read from the contract's own schemas: a string has a maximum length or a pattern that bounds
 * it, an array a maximum count; a map (record) is bounded by its keys or a refinement, listed here
 * and exercised with one key too many.
 */
describe('every operation input is bounded', () => {
  type Node = Record<string, unknown>;
  // A pattern bounds a string when it is anchored and repeats nothing without an upper count.
  const boundedPattern = (p: unknown) =>
    typeof p === 'string' && p.startsWith('^') && p.endsWith('$') && !/[*+]|\{\d+,\}/.test(p);
  const RECORDS: Record<string, unknown> = {
    'alerts.import.start.mapping': 'keys are the CSV fields (an enum)',
    'desk.saveAnswers.patch': 'refined to at most 200 answers',
  };

  function unbounded(node: unknown, path: string, out: string[]): void {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'string' && n.maxLength === undefined && n.enum === undefined) {
      if (n.const === undefined && !boundedPattern(n.pattern)) out.push(`${path}: string`);
    }
    if (n.type === 'array' && n.maxItems === undefined && !n.prefixItems)
      out.push(`${path}: array`);
    if (n.type === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object')
      if (!(path in RECORDS)) out.push(`${path}: record`);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'properties')
        for (const [p, child] of Object.entries(v as Node)) unbounded(child, `${path}.${p}`, out);
      else if (typeof v === 'object') unbounded(v, path, out);
    }
  }

  it('has no unbounded string, array or map', () => {
    const out: string[] = [];
    for (const name of OPERATION_NAMES) {
      const schema = z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' });
      unbounded(schema, name, out);
    }
    expect(out).toEqual([]);
  });

  it('refuses a map with one entry too many', () => {
    const patch = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, 'x']));
    const r = api['desk.saveAnswers'].input.safeParse({ inquiryId: 'INQ-20261122-ABCD', patch });
    expect(r.success).toBe(false);
    const mapping = api['alerts.import.start'].input.safeParse({
      fileId: 'a'.repeat(24),
      mapping: { notAField: 1 },
    });
    expect(mapping.success).toBe(false);
  });
});
