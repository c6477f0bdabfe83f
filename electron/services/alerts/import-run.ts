/**
 * One import, as the worker thread runs it (electron/workers/import.ts), on its own connection to
 * the encrypted store. Pass 1 reads and checks every record and writes nothing: a bad file ends
 * here, located and unchanged. Pass 2 reads the file again and writes it in chunks of ~0.4 s
 * (import-apply.ts), yielding to main-process writers between chunks; a cancel, a failure or a
 * file that changed between the passes undoes everything written. Exported as a function so unit
 * tests can run it without a thread.
 */
import { statSync } from 'node:fs';
import type { CsvMapping } from '../../../shared/import';
import { IMPORT_LIMITS } from '../../../shared/import';
import type { ImportFormat } from '../../../shared/ops/alerts';
import type { Issue } from '../../../shared/result';
import { openStore, type Db } from '../../store/database';
import { chunkWriter, rollbackSize, rollbackStep, type Counts } from './import-apply';
import type { PreparedRow } from './import-prepare';
import { preparedBatches, type SpawnInfo } from './import-reader';
import { SPLIT_BYTES, checkInTwo, digestAt, splitOffset } from './import-check';
import { readRecords } from './import-read';
import { CONTROL_CANCEL, CONTROL_WRITERS } from './jobs';

export interface ImportJobData {
  mode: 'import' | 'rollback';
  store: { file: string; key: Uint8Array };
  importId: number;
  path: string;
  format: ImportFormat;
  mapping?: CsvMapping | undefined;
  customers: string[];
  control: SharedArrayBuffer;
  /** Target duration of one write transaction. */
  chunkMs?: number;
  /** How to start the reader thread of the second pass (absent: read in this thread). */
  spawn?: SpawnInfo | undefined;
}

export type EndState = 'done' | 'invalid' | 'cancelled' | 'failed' | 'rolled_back';

export type WorkerMessage =
  | {
      type: 'progress';
      phase: 'validate' | 'apply' | 'rollback';
      done: number;
      total: number | null;
    }
  | { type: 'changed' }
  | { type: 'end'; state: EndState; counts: Counts; issues?: Issue[]; capped?: boolean };

class Stop extends Error {
  constructor(readonly state: 'cancelled' | 'failed') {
    super(state);
  }
}

const isBusy = (e: unknown) =>
  typeof e === 'object' && e !== null && 'code' in e && String(e.code).startsWith('SQLITE_BUSY');

/** Runs `write`, retrying while another connection holds the write lock (up to ~30 s). */
function withRetry(write: () => void): void {
  for (let attempt = 0; ; attempt++) {
    try {
      write();
      return;
    } catch (e) {
      if (!isBusy(e) || attempt >= 6) throw e;
    }
  }
}

export async function runImport(d: ImportJobData, post: (m: WorkerMessage) => void): Promise<void> {
  const control = new Int32Array(d.control);
  const db = openStore({ file: d.store.file, key: d.store.key });
  db.pragma('cache_size = -65536');
  const counts: Counts = { records: 0, inserted: 0, updated: 0, unchanged: 0 };
  const state = (s: string, error: string | null = null, finished = true) =>
    withRetry(() =>
      db
        .prepare('UPDATE alert_imports SET state = ?, finished_at = ?, error = ? WHERE id = ?')
        .run(s, finished ? Date.now() : null, error, d.importId),
    );
  let last = 0;
  let lastPhase = '';
  // At most one progress message per 100 ms, but always the first of a phase (the screen shows
  // the write pass as soon as it starts) and the last.
  const progress = (
    phase: 'validate' | 'apply' | 'rollback',
    done: number,
    total: number | null,
  ) => {
    const now = Date.now();
    if (phase === lastPhase && now - last < 100 && done !== total) return;
    last = now;
    lastPhase = phase;
    post({ type: 'progress', phase, done, total });
  };
  const cancelled = () => Atomics.load(control, CONTROL_CANCEL) === 1;
  let applying = d.mode === 'rollback';
  try {
    if (d.mode === 'rollback') {
      rollback(db, d.importId, progress);
      state('rolled_back');
      post({ type: 'end', state: 'rolled_back', counts });
      return;
    }
    const customers = new Set(d.customers);
    const size = statSync(d.path).size;
    const issues: Issue[] = [];
    let total = 0;
    const base = { path: d.path, format: d.format, mapping: d.mapping, customers };
    // A large NDJSON file is checked in two threads (import-check.ts). Halved by division: `>> 1`
    // is 32-bit and turned a file of 2 GiB or more into a negative offset.
    const split =
      d.format === 'ndjson' && d.spawn && size >= SPLIT_BYTES
        ? splitOffset(d.path, Math.floor(size / 2))
        : null;
    let firstDigest: string;
    if (split !== null && d.spawn) {
      const r = await checkInTwo(
        { path: d.path, customers: d.customers, control: d.control },
        split,
        size,
        d.spawn,
        (n) => progress('validate', n, size),
      );
      if (r.cancelled) throw new Stop('cancelled');
      issues.push(...r.issues);
      total = r.records;
      firstDigest = r.digest;
    } else {
      const first = digestAt(null);
      const checking = readRecords({
        ...base,
        bytes: (n) => progress('validate', n, size),
        digest: (bytes) => first.update(bytes),
      });
      for await (const item of checking) {
        if (cancelled()) throw new Stop('cancelled');
        if ('issues' in item) {
          issues.push(...item.issues);
          if (issues.length >= IMPORT_LIMITS.maxIssues) break;
        } else total++;
      }
      firstDigest = first.hex();
    }
    if (issues.length > 0) {
      const shown = issues.slice(0, IMPORT_LIMITS.maxIssues);
      const capped = issues.length >= IMPORT_LIMITS.maxIssues;
      state('invalid', JSON.stringify({ issues: shown, capped }));
      post({ type: 'end', state: 'invalid', counts, issues: shown, capped });
      return;
    }
    state('applying', null, false);
    applying = true;
    // Every child row refers to the alert written just before it in the same transaction; the
    // per-row foreign-key checks are skipped on this connection only (back on for undoing).
    db.pragma('foreign_keys = OFF');
    // Fewer, larger checkpoints while chunks follow each other (each checkpoint re-encrypts pages).
    db.pragma('wal_autocheckpoint = 10000');
    const write = chunkWriter(db, d.importId);
    const target = d.chunkMs ?? 400;
    let batch: PreparedRow[] = [];
    let want = 500;
    let changedAt = Date.now();
    const flush = () => {
      waitForWriters(control);
      if (cancelled()) throw new Stop('cancelled');
      const t0 = performance.now();
      withRetry(() => {
        const before = { ...counts };
        try {
          write(batch, counts);
        } catch (e) {
          Object.assign(counts, before);
          throw e;
        }
      });
      const ms = Math.max(1, performance.now() - t0);
      want = Math.min(20_000, Math.max(50, Math.round((want * target) / ms)));
      batch = [];
      progress('apply', counts.records, total);
      if (Date.now() - changedAt > 2000) {
        changedAt = Date.now();
        post({ type: 'changed' });
      }
    };
    let second = '';
    const job = { role: 'reader' as const, ...base, customers: d.customers, split };
    try {
      for await (const rows of preparedBatches(job, d.spawn, (hex) => (second = hex))) {
        for (const r of rows) {
          batch.push(r);
          if (batch.length >= want) flush();
        }
      }
    } catch (e) {
      if (e instanceof Stop) throw e;
      throw new Stop('failed');
    }
    if (batch.length > 0) flush();
    // The file changed between the two passes: nothing of it may stay.
    if (firstDigest !== second) throw new Stop('failed');
    withRetry(() =>
      db.transaction(() => {
        db.prepare('DELETE FROM alert_import_undo WHERE import_id = ?').run(d.importId);
        db.prepare('DELETE FROM alert_import_chunks WHERE import_id = ?').run(d.importId);
        db.prepare('UPDATE alert_imports SET state = ?, finished_at = ? WHERE id = ?').run(
          'done',
          Date.now(),
          d.importId,
        );
      })(),
    );
    post({ type: 'end', state: 'done', counts });
  } catch (e) {
    const end: 'cancelled' | 'failed' = e instanceof Stop ? e.state : 'failed';
    if (!(e instanceof Stop))
      console.error(`[soc-desk] import failed: ${e instanceof Error ? e.name : 'error'}`);
    if (applying) {
      db.pragma('foreign_keys = ON');
      rollback(db, d.importId, progress);
    }
    state(end, end === 'failed' ? JSON.stringify({ reason: 'failed' }) : null);
    post({ type: 'end', state: end, counts });
  } finally {
    db.close();
  }
}

/** Waits (bounded) while a main-process write wants the lock. */
function waitForWriters(control: Int32Array): void {
  const until = Date.now() + 5000;
  for (let n = Atomics.load(control, CONTROL_WRITERS); n > 0 && Date.now() < until;) {
    Atomics.wait(control, CONTROL_WRITERS, n, 50);
    n = Atomics.load(control, CONTROL_WRITERS);
  }
}

function rollback(
  db: Db,
  importId: number,
  progress: (phase: 'rollback', done: number, total: number) => void,
): void {
  const total = rollbackSize(db, importId);
  let done = 0;
  const step = 2000;
  for (;;) {
    let more = false;
    withRetry(() => {
      more = rollbackStep(db, importId, step);
    });
    if (!more) break;
    done = Math.min(total, done + step);
    progress('rollback', done, total);
  }
}
