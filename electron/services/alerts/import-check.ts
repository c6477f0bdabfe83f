/**
 * The first pass of an NDJSON import in two threads: the file is split at a line break near its
 * middle and each half is checked on its own (the second in another thread), then the problems
 * are merged with their lines renumbered. The file's digest is then SHA-256 over the two halves'
 * digests; the second pass computes it the same way (see `digestAt`).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker, type MessagePort } from 'node:worker_threads';
import { IMPORT_LIMITS } from '../../../shared/import';
import type { Issue } from '../../../shared/result';
import { readRecords } from './import-read';
import type { SpawnInfo } from './import-reader';
import { CONTROL_CANCEL } from './jobs';

export interface CheckJob {
  role: 'check';
  path: string;
  customers: string[];
  range: { start: number; end: number };
  control: SharedArrayBuffer;
}

export interface CheckResult {
  records: number;
  issues: Issue[];
  /** Line breaks in the range (the next range's line numbers start after them). */
  lines: number;
  digest: string;
  cancelled: boolean;
}

/**
 * Only files this large are split: below it a second thread costs more than it saves. (Tests
 * lower it with SOCDESK_IMPORT_SPLIT_BYTES to check small files the same way.)
 */
export const SPLIT_BYTES = Number(process.env.SOCDESK_IMPORT_SPLIT_BYTES) || 32 * 1024 * 1024;

/** The offset just after the first line break at or after `at`, or null. */
export function splitOffset(path: string, at: number): number | null {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(IMPORT_LIMITS.recordBytes + 1);
    const n = readSync(fd, buf, 0, buf.length, at);
    const nl = buf.subarray(0, n).indexOf(10);
    return nl < 0 ? null : at + nl + 1;
  } finally {
    closeSync(fd);
  }
}

/** Digest of a byte stream split at `split` (null: not split), the way both passes compute it. */
export function digestAt(split: number | null) {
  const whole = createHash('sha256');
  const halves = [createHash('sha256'), createHash('sha256')] as const;
  let offset = 0;
  return {
    update(bytes: Buffer) {
      if (split === null) whole.update(bytes);
      else if (offset + bytes.length <= split) halves[0].update(bytes);
      else if (offset >= split) halves[1].update(bytes);
      else {
        halves[0].update(bytes.subarray(0, split - offset));
        halves[1].update(bytes.subarray(split - offset));
      }
      offset += bytes.length;
    },
    hex(): string {
      if (split === null) return whole.digest('hex');
      return combine(halves[0].digest('hex'), halves[1].digest('hex'));
    },
  };
}

const combine = (a: string, b: string) => createHash('sha256').update(a).update(b).digest('hex');

/** Checks one range of an NDJSON file. */
export async function checkRange(
  job: CheckJob,
  onBytes: (n: number) => void,
): Promise<CheckResult> {
  const control = new Int32Array(job.control);
  const hash = createHash('sha256');
  let lines = 0;
  const issues: Issue[] = [];
  let records = 0;
  const items = readRecords({
    path: job.path,
    format: 'ndjson',
    customers: new Set(job.customers),
    range: job.range,
    bytes: onBytes,
    digest: (bytes) => {
      hash.update(bytes);
      for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
    },
  });
  for await (const item of items) {
    if (Atomics.load(control, CONTROL_CANCEL) === 1) {
      return { records, issues, lines, digest: '', cancelled: true };
    }
    if ('issues' in item) {
      issues.push(...item.issues);
      if (issues.length >= IMPORT_LIMITS.maxIssues) break;
    } else records++;
  }
  return { records, issues, lines, digest: hash.digest('hex'), cancelled: false };
}

type CheckMessage = { type: 'bytes'; n: number } | ({ type: 'checked' } & CheckResult);

/** The checking thread's work. */
export async function runChecker(job: CheckJob, port: MessagePort): Promise<void> {
  let last = 0;
  const result = await checkRange(job, (n) => {
    if (n - last < 4 << 20) return;
    last = n;
    port.postMessage({ type: 'bytes', n } satisfies CheckMessage);
  });
  port.postMessage({ type: 'checked', ...result } satisfies CheckMessage);
}

/**
 * Checks the file in two halves, the second in another thread. Issues come back in file order with
 * their real line numbers (the first 100).
 */
export async function checkInTwo(
  job: Omit<CheckJob, 'range' | 'role'>,
  split: number,
  size: number,
  spawn: SpawnInfo,
  onBytes: (n: number) => void,
): Promise<{ records: number; issues: Issue[]; digest: string; cancelled: boolean }> {
  let second = 0;
  let first = 0;
  const worker = new Worker(new URL(spawn.url), {
    workerData: { ...job, role: 'check', range: { start: split, end: size } } satisfies CheckJob,
    execArgv: spawn.execArgv,
    ...(spawn.env ? { env: spawn.env } : {}),
  });
  try {
    const other = new Promise<CheckResult>((resolve, reject) => {
      worker.on('message', (m: CheckMessage) => {
        if (m.type === 'bytes') {
          second = m.n;
          onBytes(first + second);
        } else resolve(m);
      });
      worker.on('error', reject);
      worker.on('exit', () => reject(new Error('checker ended')));
    });
    const mine = await checkRange(
      { ...job, role: 'check', range: { start: 0, end: split } },
      (n) => {
        first = n;
        onBytes(first + second);
      },
    );
    const theirs = await other;
    const issues = [
      ...mine.issues,
      ...theirs.issues.map((i) => (i.line === undefined ? i : { ...i, line: i.line + mine.lines })),
    ].slice(0, IMPORT_LIMITS.maxIssues);
    return {
      records: mine.records + theirs.records,
      issues,
      digest: combine(mine.digest, theirs.digest),
      cancelled: mine.cancelled || theirs.cancelled,
    };
  } finally {
    void worker.terminate();
  }
}
