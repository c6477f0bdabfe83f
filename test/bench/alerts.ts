/**
 * `npm run bench [-- --alerts N]`: the alerts figures of issue #4 at N alerts (default 10^6).
 * Builds encrypted stores in a temp folder from the demo generator and prints one line per figure,
 * then one JSON line. Figures, not a pass/fail test: docs/performance.md records them.
 *
 *  - raw_insert_rows_per_s: bare prepared INSERTs of the same rows (alerts, hosts, communications)
 *    in one transaction into the app's schema — the limit for storing them. Also shown: the same
 *    into the schema before migration 003 (no list indexes, rollups or search queue).
 *  - import_rows_per_s: an NDJSON file through `alerts.import.start` (worker thread, both passes,
 *    chunked commits, search index) until `job.finished`; meanwhile the main thread lists pages
 *    and changes statuses, and their latencies are reported.
 *  - list / filter / search / dashboard: p95 of calls through the real dispatcher afterwards.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppServices } from '../../electron/services/app';
import type { Clock } from '../../electron/services/context';
import type { EventPayloads } from '../../shared/api';
import { fileKeyStore } from '../../electron/store/keys';
import { insertWorld } from '../../electron/store/world';
import { generateWorld } from '../../shared/demo';
import type { Result } from '../../shared/result';
import { rawInsert, writeNdjson } from './data';
import { measureQueries, p95 } from './queries';

const { values } = parseArgs({
  options: { alerts: { type: 'string', default: '1000000' }, keep: { type: 'boolean' } },
});
const N = Number(values.alerts);
if (!Number.isInteger(N) || N < 1000) throw new Error('--alerts: an integer ≥ 1000');
const NOW = Date.parse('2026-11-22T10:00:00+09:00');
const root = mkdtempSync(join(tmpdir(), 'socdesk-bench-'));
const figures: Record<string, number> = { alerts: N };
const say = (name: string, value: number, unit = '') => {
  figures[name] = Math.round(value * 100) / 100;
  console.log(
    `${name.padEnd(34)} ${figures[name].toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`,
  );
};

try {
  const file = join(root, 'alerts.ndjson');
  let t = performance.now();
  await writeNdjson(file, NOW, N);
  say('generate_s', (performance.now() - t) / 1000, 's');
  say('file_mb', statSync(file).size / 1e6, 'MB');

  const raw = rawInsert(join(root, 'raw'), NOW, N, 'app');
  say('raw_insert_rows_per_s', raw);
  say('raw_insert_002_schema_rows_per_s', rawInsert(join(root, 'raw002'), NOW, N, '002'));

  // The store the import fills: the demo world without its alerts, one partner serving all six
  // customers (so the partner's views cover every alert).
  const dataDir = join(root, 'app');
  const clock: Clock = { now: () => NOW };
  const finished: Array<EventPayloads['job.finished']> = [];
  let applyStarted = 0;
  const app = createAppServices({
    dataDir,
    keys: fileKeyStore(join(dataDir, 'socdesk.key')),
    clock,
    host: 'browser',
    version: 'bench',
    demo: false,
    emit: (event, payload) => {
      if (event === 'job.finished') finished.push(payload as EventPayloads['job.finished']);
      const p = payload as EventPayloads['job.progress'];
      if (event === 'job.progress' && p.kind === 'alerts.import.apply' && !applyStarted)
        applyStarted = performance.now();
    },
  });
  insertWorld(app.db, { ...generateWorld({ now: NOW }), alerts: [] });
  app.db.prepare(`UPDATE customers SET partner_id = 'p-minato'`).run();
  await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });

  const fileRef = app.ctx.files.registerPicked(file, 'alerts.ndjson');
  t = performance.now();
  const started = (await app.dispatch('alerts.import.start', {
    fileId: fileRef.fileId,
  })) as Result<{
    jobId: string;
  }>;
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  const listDuring: number[] = [];
  const writeDuring: number[] = [];
  let tick = 0;
  while (finished.length === 0) {
    // A user's pace: a page every 1/4 s, a status change every 2 s.
    await new Promise((r) => setTimeout(r, 250));
    const t0 = performance.now();
    const page = (await app.dispatch('alerts.list', {
      filter: { customerId: null },
      limit: 100,
    })) as Result<{
      rows: Array<{ id: number; status: string }>;
    }>;
    listDuring.push(performance.now() - t0);
    const row = page.ok ? page.value.rows.find((r) => r.status === 'new') : undefined;
    if (++tick % 8 === 0 && row) {
      const t1 = performance.now();
      await app.dispatch('alerts.setStatus', { ids: [row.id], status: 'acknowledged' });
      writeDuring.push(performance.now() - t1);
    }
  }
  const importMs = performance.now() - t;
  const outcome = finished[0]!.result;
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.error).slice(0, 500)}`);
  say('import_s', importMs / 1000, 's');
  say('import_check_pass_s', (applyStarted - t) / 1000, 's');
  say('import_rows_per_s', (N / importMs) * 1000);
  say('import_ratio', ((N / importMs) * 1000) / raw);
  say('main_list_during_import_p95_ms', p95(listDuring), 'ms');
  say('main_write_during_import_max_ms', Math.max(0, ...writeDuring), 'ms');

  for (const [name, value] of Object.entries(await measureQueries(app))) say(name, value, 'ms');
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  say('db_mb', statSync(join(dataDir, 'socdesk.db')).size / 1e6, 'MB');
  app.close();
  console.log(JSON.stringify(figures));
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else console.log(`kept: ${root}`);
}
