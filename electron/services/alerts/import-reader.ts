/**
 * The second pass of an import in two threads: a reader thread parses the file again, normalises
 * and hashes each record and sends prepared rows (import-prepare.ts) while the import thread
 * writes the previous ones. At most a few batches are in flight, so memory stays flat. Where no
 * thread can be started (unit tests calling runImport directly) the rows are read in-thread.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import type { CsvMapping } from '../../../shared/import';
import type { ImportFormat } from '../../../shared/ops/alerts';
import { contentHash, prepare, textHash, type PreparedRow } from './import-prepare';
import { digestAt } from './import-check';
import { readRecords } from './import-read';

export interface ReaderJob {
  role: 'reader';
  path: string;
  format: ImportFormat;
  mapping?: CsvMapping | undefined;
  customers: string[];
  /** Where the first pass split the file (its digest is computed per half), or null. */
  split: number | null;
}

/** How to start another thread running the import worker file (the main process says). */
export interface SpawnInfo {
  url: string;
  execArgv: string[];
  env?: Record<string, string | undefined>;
}

type ReaderMessage =
  { type: 'rows'; rows: PreparedRow[] } | { type: 'end'; digest: string } | { type: 'fail' };

const BATCH = 1000;
const IN_FLIGHT = 4;

/** Prepared rows of a file whose records were all checked by the first pass. */
async function* prepareAll(
  job: ReaderJob,
  digest: (bytes: Buffer) => void,
): AsyncGenerator<PreparedRow[]> {
  let rows: PreparedRow[] = [];
  const { split: _split, ...read } = job;
  const items = readRecords({ ...read, customers: new Set(job.customers), trusted: true, digest });
  for await (const item of items) {
    // The file changed since the first pass.
    if ('issues' in item) throw new Error('changed');
    const hash = item.text === undefined ? contentHash(item.alert) : textHash(item.text);
    rows.push(prepare(item.alert, hash));
    if (rows.length >= BATCH) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length > 0) yield rows;
}

/** The reader thread's work: send batches, waiting for the writer's "more" when enough are queued. */
export async function runReader(job: ReaderJob, port: MessagePort): Promise<void> {
  let credit = IN_FLIGHT;
  let wake: (() => void) | null = null;
  port.on('message', (m) => {
    if (m !== 'more') return;
    credit++;
    wake?.();
    wake = null;
  });
  const hash = digestAt(job.split);
  try {
    for await (const rows of prepareAll(job, (b) => hash.update(b))) {
      while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
      credit--;
      port.postMessage({ type: 'rows', rows } satisfies ReaderMessage);
    }
    port.postMessage({ type: 'end', digest: hash.hex() } satisfies ReaderMessage);
  } catch {
    port.postMessage({ type: 'fail' } satisfies ReaderMessage);
  }
}

/**
 * Batches of prepared rows for the writer, from a reader thread when `spawn` is given; the file's
 * SHA-256 goes to `onDigest` at the end. Throws when the file no longer reads as it did.
 */
export async function* preparedBatches(
  job: ReaderJob,
  spawn: SpawnInfo | undefined,
  onDigest: (hex: string) => void,
): AsyncGenerator<PreparedRow[]> {
  if (!spawn) {
    const hash = digestAt(job.split);
    yield* prepareAll(job, (b) => hash.update(b));
    onDigest(hash.hex());
    return;
  }
  const worker = new Worker(new URL(spawn.url), {
    workerData: job,
    execArgv: spawn.execArgv,
    ...(spawn.env ? { env: spawn.env } : {}),
  });
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: ReaderMessage) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', () => push({ type: 'fail' }));
  worker.on('exit', () => push({ type: 'fail' }));
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const m = queue.shift()!;
      if (m.type === 'fail') throw new Error('changed');
      if (m.type === 'end') {
        onDigest(m.digest);
        return;
      }
      worker.postMessage('more');
      yield m.rows;
    }
  } finally {
    void worker.terminate();
  }
}
