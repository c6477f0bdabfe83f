/**
 * Long alert jobs (imports, exports) by id, per store. An import worker shares a small control
 * block with the main process: [0] = cancel requested, [1] = number of main-process writers waiting.
 * The worker commits in short chunks and, between chunks, waits while [1] > 0, so a status change
 * in the UI never waits longer than one chunk (~0.2 s) for SQLite's write lock.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/database';

export interface Job {
  id: string;
  kind: 'import' | 'export';
  /** Asks the job to stop; it finishes with its cancelled outcome. */
  cancel(): void;
  importId?: number;
  control?: Int32Array;
}

const jobs = new WeakMap<Db, Map<string, Job>>();

function registry(db: Db): Map<string, Job> {
  let m = jobs.get(db);
  if (!m) jobs.set(db, (m = new Map<string, Job>()));
  return m;
}

export const newJobId = () => randomBytes(12).toString('base64url');

export function addJob(db: Db, job: Job): void {
  registry(db).set(job.id, job);
}

export function removeJob(db: Db, id: string): void {
  registry(db).delete(id);
}

export function getJob(db: Db, id: string): Job | undefined {
  return registry(db).get(id);
}

/** Import rows that a live worker of this process is working on (others were interrupted). */
export function liveImportIds(db: Db): Set<number> {
  return new Set(
    [...registry(db).values()].flatMap((j) => (j.importId === undefined ? [] : [j.importId])),
  );
}

export const CONTROL_CANCEL = 0;
export const CONTROL_WRITERS = 1;

export function newControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

/**
 * Runs a main-process write while import workers hold back: they finish the chunk in flight and
 * wait (SQLite's busy timeout covers that wait) until the write is done.
 */
export function withImportsPaused<T>(db: Db, write: () => T): T {
  const controls = [...registry(db).values()].flatMap((j) => (j.control ? [j.control] : []));
  for (const c of controls) Atomics.add(c, CONTROL_WRITERS, 1);
  try {
    return write();
  } finally {
    for (const c of controls) {
      Atomics.sub(c, CONTROL_WRITERS, 1);
      Atomics.notify(c, CONTROL_WRITERS);
    }
  }
}
