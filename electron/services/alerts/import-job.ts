/**
 * The main-process side of imports: checks the request, records the import, starts the worker
 * thread and turns its messages into job events (`job.progress`, `job.finished`, `data.changed`).
 * One import runs at a time per store; an import a crash interrupted is undone in the background
 * from the moment the store is opened (recoverImports, called by createAppServices), and its rows
 * are hidden from every read until then (hidden.ts).
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  IMPORT_FORMAT,
  IMPORT_LIMITS,
  parseCsv,
  suggestMapping,
  type CsvMapping,
} from '../../../shared/import';
import type {
  ImportFormat,
  ImportOutcome,
  ImportPreview,
  ImportSummary,
} from '../../../shared/ops/alerts';
import { apiError, fail, ok, type Result } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { actor, scopeCustomers } from '../scope';
import { setRecovering } from './hidden';
import type { SpawnInfo } from './import-reader';
import type { ImportJobData, WorkerMessage } from './import-run';
import {
  addJob,
  CONTROL_CANCEL,
  getJob,
  liveImportIds,
  newControl,
  newJobId,
  removeJob,
} from './jobs';

/** The first bytes of a file, as text (format sniffing, CSV preview); `whole` if that is all. */
function head(path: string, bytes = 64 * 1024): { text: string; whole: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes + 1);
    const n = readSync(fd, buf, 0, bytes + 1, 0);
    const text = buf
      .subarray(0, Math.min(n, bytes))
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return { text, whole: n <= bytes };
  } finally {
    closeSync(fd);
  }
}

/** The format by extension, and for .json by content (an NDJSON file may be named .json). */
export function detectFormat(
  name: string,
  path: string,
  requested: ImportFormat | 'auto',
): ImportFormat {
  if (requested !== 'auto') return requested;
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const text = head(path, 16 * 1024).text.trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return 'csv';
  const first = text.split('\n', 1)[0] ?? '';
  try {
    const v = JSON.parse(first) as Record<string, unknown>;
    if (v.format === IMPORT_FORMAT && !('alerts' in v)) return 'ndjson';
  } catch {
    // Not a complete first line: a pretty-printed JSON document.
  }
  return 'json';
}

export function previewImport(
  ctx: ServiceContext,
  fileId: string,
  requested: ImportFormat | 'auto',
): ImportPreview {
  scopeCustomers(ctx);
  const entry = ctx.files.get(fileId);
  const format = detectFormat(entry.name, entry.path, requested);
  if (format !== 'csv') return { format, name: entry.name, size: entry.size, csv: null };
  const first = head(entry.path);
  // Only whole lines: the last one may be cut by the preview's byte limit.
  const text = first.whole ? first.text : first.text.slice(0, first.text.lastIndexOf('\n') + 1);
  let records;
  try {
    records = parseCsv(text).slice(0, 6);
  } catch {
    fail('invalid_input', {
      issues: [{ path: '(file)', line: 1, message: 'alerts:import.issue.csv.quote' }],
    });
  }
  const [header, ...rows] = records.map((r) => r.fields);
  if (!header)
    fail('invalid_input', {
      issues: [{ path: '(file)', line: 1, message: 'alerts:import.issue.empty' }],
    });
  return {
    format,
    name: entry.name,
    size: entry.size,
    csv: { header, rows, suggested: suggestMapping(header) },
  };
}

/**
 * Where the worker file is and how to run it. From the sources (unit tests, the benchmark) it is
 * TypeScript run through tsx; in the built app it is the bundle next to main.mjs / host.mjs
 * (build.mjs writes workers/<name>.mjs).
 */
function workerSpawn(): SpawnInfo {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return {
      url: new URL('../../workers/import.ts', here).href,
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../../test/e2e/tsconfig.json', here)),
      },
    };
  }
  return { url: new URL('./workers/import.mjs', here).href, execArgv: [] };
}

function spawnWorker(data: ImportJobData): Worker {
  const spawn = workerSpawn();
  return new Worker(new URL(spawn.url), {
    workerData: { ...data, spawn },
    execArgv: spawn.execArgv,
    ...(spawn.env ? { env: spawn.env } : {}),
  });
}

const zero = { records: 0, inserted: 0, updated: 0, unchanged: 0 };

function outcomeResult(
  importId: number,
  m: Extract<WorkerMessage, { type: 'end' }>,
  file: string,
): Result<unknown> {
  switch (m.state) {
    case 'done':
    case 'cancelled':
      return ok<ImportOutcome>({ importId, state: m.state, ...m.counts });
    case 'invalid':
      return {
        ok: false,
        error: apiError('invalid_input', {
          message: m.capped ? 'alerts:import.invalidMany' : 'alerts:import.invalid',
          params: { file, count: m.issues?.length ?? 0 },
          issues: m.issues ?? [],
        }),
      };
    case 'rolled_back':
    case 'failed':
      return {
        ok: false,
        error: apiError('internal', { message: 'alerts:import.failed', params: { file } }),
      };
  }
}

/** Runs a worker job for an import row and relays what it says. */
function runJob(
  ctx: ServiceContext,
  data: ImportJobData,
  fileName: string,
  onEnd?: () => void,
): string {
  const jobId = newJobId();
  const control = new Int32Array(data.control);
  let ended = false;
  const worker = spawnWorker(data);
  const finish = (m: Extract<WorkerMessage, { type: 'end' }>) => {
    if (ended) return;
    ended = true;
    removeJob(ctx.db, jobId);
    if (data.mode === 'import') {
      ctx.db
        .prepare(
          `INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id, from_value, to_value, note)
           VALUES (?, ?, 'alert.import', 'import', ?, NULL, NULL, ?, ?)`,
        )
        .run(
          ctx.clock.now(),
          actor(ctx),
          String(data.importId),
          JSON.stringify({ state: m.state, ...m.counts }),
          fileName,
        );
    }
    ctx.emit('data.changed', { topics: ['alerts'] });
    ctx.emit('job.finished', {
      jobId,
      kind: 'alerts.import',
      result: outcomeResult(data.importId, m, fileName),
    });
    onEnd?.();
    void worker.terminate();
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'progress') {
      ctx.emit('job.progress', {
        jobId,
        kind: `alerts.import.${m.phase}`,
        done: m.done,
        total: m.total,
      });
    } else if (m.type === 'changed') ctx.emit('data.changed', { topics: ['alerts'] });
    else finish(m);
  });
  worker.on('error', () => finish({ type: 'end', state: 'failed', counts: zero }));
  worker.on('exit', () => finish({ type: 'end', state: 'failed', counts: zero }));
  addJob(ctx.db, {
    id: jobId,
    kind: 'import',
    importId: data.importId,
    control,
    cancel: () => Atomics.store(control, CONTROL_CANCEL, 1),
  });
  return jobId;
}

export function startImport(
  ctx: ServiceContext,
  input: { fileId: string; format: ImportFormat | 'auto'; mapping?: CsvMapping | undefined },
): { jobId: string; importId: number } {
  const customers = scopeCustomers(ctx);
  recoverImports(ctx);
  if (liveImportIds(ctx.db).size > 0) fail('conflict', { message: 'alerts:errors.importRunning' });
  const entry = ctx.files.get(input.fileId);
  const format = detectFormat(entry.name, entry.path, input.format);
  const limit = format === 'json' ? IMPORT_LIMITS.jsonBytes : IMPORT_LIMITS.streamBytes;
  if (entry.size > limit) fail('payload_too_large', { params: { limit } });
  if (format === 'csv' && !input.mapping) {
    fail('invalid_input', {
      issues: [
        { path: 'mapping', message: 'errors:issue.invalid_type', params: { expected: 'object' } },
      ],
    });
  }
  const info = ctx.db
    .prepare(
      `INSERT INTO alert_imports (started_at, actor, file_name, format, customer_ids, state)
       VALUES (?, ?, ?, ?, ?, 'validating')`,
    )
    .run(ctx.clock.now(), actor(ctx), entry.name, format, JSON.stringify(customers));
  const importId = Number(info.lastInsertRowid);
  const jobId = runJob(
    ctx,
    {
      mode: 'import',
      store: ctx.store,
      importId,
      path: entry.path,
      format,
      mapping: input.mapping,
      customers,
      control: newControl().buffer as SharedArrayBuffer,
    },
    entry.name,
  );
  return { jobId, importId };
}

export function cancelJob(ctx: ServiceContext, jobId: string): null {
  scopeCustomers(ctx);
  const job = getJob(ctx.db, jobId);
  if (!job) fail('not_found');
  job.cancel();
  return null;
}

/** Interrupted imports this connection has taken up (each is tried once per connection). */
const recovered = new WeakMap<object, Set<number>>();

/**
 * Imports left half done by a crash: one that was only being checked wrote nothing (marked failed);
 * one that was being applied is undone in a worker, its rows hidden meanwhile (hidden.ts). Runs at
 * start-up and from the alert requests (a restore swaps the connection for one that may hold an
 * interrupted import); each import is taken up once per connection, so a failing undo is not
 * retried on every request (the next start tries again).
 */
export function recoverImports(ctx: ServiceContext): void {
  const db = ctx.db;
  let taken = recovered.get(db);
  if (!taken) recovered.set(db, (taken = new Set<number>()));
  const live = liveImportIds(ctx.db);
  const rows = ctx.db
    .prepare(
      `SELECT id, state, file_name, format FROM alert_imports WHERE state IN ('validating', 'applying')`,
    )
    .all() as Array<{ id: number; state: string; file_name: string; format: ImportFormat }>;
  for (const r of rows) {
    if (live.has(r.id) || taken.has(r.id)) continue;
    taken.add(r.id);
    if (r.state === 'validating') {
      ctx.db
        .prepare(`UPDATE alert_imports SET state = 'failed', finished_at = ? WHERE id = ?`)
        .run(ctx.clock.now(), r.id);
      continue;
    }
    setRecovering(db, r.id, true);
    runJob(
      ctx,
      {
        mode: 'rollback',
        store: ctx.store,
        importId: r.id,
        path: '',
        format: r.format,
        customers: [],
        control: newControl().buffer as SharedArrayBuffer,
      },
      r.file_name,
      () => setRecovering(db, r.id, false),
    );
  }
}

/** Recent imports of the customers this profile serves. */
export function listImports(ctx: ServiceContext): ImportSummary[] {
  const allowed = new Set(scopeCustomers(ctx));
  recoverImports(ctx);
  const rows = ctx.db
    .prepare(
      `SELECT id, started_at AS startedAt, finished_at AS finishedAt, file_name AS fileName, format,
         state, records, inserted, updated, unchanged, customer_ids FROM alert_imports
       ORDER BY id DESC LIMIT 200`,
    )
    .all() as Array<ImportSummary & { customer_ids: string }>;
  return rows
    .filter((r) => (JSON.parse(r.customer_ids) as string[]).every((c) => allowed.has(c)))
    .slice(0, 20)
    .map(({ customer_ids: _c, ...r }) => r);
}
