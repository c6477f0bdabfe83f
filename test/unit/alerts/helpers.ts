/** Alerts test helpers: an app whose events are recorded, and imports run to their end. */
import { createHash } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../electron/store/database';
import type { EventName, EventPayloads } from '../../../shared/api';
import type { CsvMapping } from '../../../shared/import';
import type { Result } from '../../../shared/result';
import { tempDir, testApp } from '../helpers';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/imports');

export type RecordedEvent = {
  [E in EventName]: { event: E; payload: EventPayloads[E] };
}[EventName];

/** testApp with every emitted event recorded, signed in as `profile`. */
export async function alertsApp(
  profile: { kind: 'customer' | 'partner'; id: string } = { kind: 'partner', id: 'p-minato' },
) {
  const app = testApp();
  const events: RecordedEvent[] = [];
  app.ctx.emit = (event, payload) => events.push({ event, payload } as RecordedEvent);
  const r = await app.dispatch('session.setProfile', profile);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { ...app, events };
}
export type AlertsApp = Awaited<ReturnType<typeof alertsApp>>;

/** Calls an operation and returns its value, failing the test on an error result. */
export async function value<T>(app: AlertsApp, name: string, input: unknown): Promise<T> {
  const r = (await app.dispatch(name, input)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Registers a fixture (copied to a temp dir, as an upload would be) and returns its file id. */
export function fixtureFile(app: AlertsApp, name: string, content?: string): string {
  const dir = tempDir('socdesk-import-');
  const path = join(dir, name);
  if (content === undefined) copyFileSync(join(FIXTURES, name), path);
  else writeFileSync(path, content);
  return app.ctx.files.registerPicked(path, name).fileId;
}

/** Waits for a job's `job.finished` event. */
export async function finished(
  app: AlertsApp,
  jobId: string,
  timeoutMs = 60_000,
): Promise<Result<unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const e = app.events.find((x) => x.event === 'job.finished' && x.payload.jobId === jobId);
    if (e && e.event === 'job.finished') return e.payload.result;
    if (Date.now() > until) throw new Error(`job ${jobId} did not finish`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Imports a file to its end: the start result and the outcome. */
export async function runImport(
  app: AlertsApp,
  fileId: string,
  opts: { format?: 'auto' | 'json' | 'ndjson' | 'csv'; mapping?: CsvMapping } = {},
): Promise<Result<unknown>> {
  const started = (await app.dispatch('alerts.import.start', { fileId, ...opts })) as Result<{
    jobId: string;
  }>;
  if (!started.ok) return started;
  return finished(app, started.value.jobId);
}

/**
 * A digest of every table except the search index's own storage (FTS5 keeps deleted entries as
 * tombstones until it merges, so an undone import leaves its bytes different while every search
 * answers the same; tests check those answers instead).
 */
export function stateHash(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'alerts_fts%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  for (const name of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
