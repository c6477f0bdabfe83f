/**
 * The rollups and the search index against a recount from the base tables, after every kind of
 * write: other writers' inserts (the tail), upserts that change counted rows, status changes,
 * deletions (including of the last row, whose id is then used again), imports and their undo.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catchUpAll, mark } from '../../../electron/services/alerts/derived';
import { chunkWriter } from '../../../electron/services/alerts/import-apply';
import { prepare } from '../../../electron/services/alerts/import-prepare';
import { runImport } from '../../../electron/services/alerts/import-run';
import { newControl } from '../../../electron/services/alerts/jobs';
import { alertWriter } from '../../../electron/store/alerts';
import type { Db } from '../../../electron/store/database';
import { generateAlerts } from '../../../shared/demo';
import type { Alert } from '../../../shared/domain/alert';
import { FIXED_NOW, tempDir } from '../helpers';
import { alertsApp, finished, stateHash, value, type AlertsApp } from './helpers';

const rows = (db: Db, sql: string) =>
  (db.prepare(sql).all() as Array<Record<string, unknown>>).map((r) => JSON.stringify(r)).sort();

/** Rollups (caught up) equal GROUP BY over the base tables. */
function expectConsistent(db: Db) {
  catchUpAll(db);
  expect(mark(db)).toBe(
    db.prepare('SELECT coalesce(max(id), 0) FROM alerts').pluck().get() as number,
  );
  expect(
    rows(db, 'SELECT customer_id, status, severity, threat_kind, n FROM alert_facets'),
  ).toEqual(
    rows(
      db,
      'SELECT customer_id, status, severity, threat_kind, count(*) AS n FROM alerts GROUP BY 1, 2, 3, 4',
    ),
  );
  expect(
    rows(db, 'SELECT customer_id, day, threat_class, source, n FROM alert_day_counts'),
  ).toEqual(
    rows(
      db,
      'SELECT customer_id, day, threat_class, source, count(*) AS n FROM alerts GROUP BY 1, 2, 3, 4',
    ),
  );
  expect(rows(db, 'SELECT customer_id, day, host, n FROM alert_host_days')).toEqual(
    rows(db, 'SELECT customer_id, day, host, count(*) AS n FROM alert_hosts GROUP BY 1, 2, 3'),
  );
  expect(db.prepare('SELECT count(*) FROM alert_fts_queue').pluck().get()).toBe(0);
}

const found = async (app: AlertsApp, q: string) =>
  (
    await value<{ rows: Array<{ sourceId: string }> }>(app, 'alerts.list', {
      filter: {
        customerId: null,
        q,
        statuses: ['new', 'acknowledged', 'in_progress', 'resolved', 'false_positive'],
      },
      limit: 500,
    })
  ).rows.map((r) => r.sourceId);

const alert = (over: Partial<Alert>): Alert => ({
  ...[...generateAlerts({ now: FIXED_NOW, count: 1 })][0]!,
  customerId: 'c-aoba',
  source: 'cts',
  module: null,
  threatKind: 'tor',
  threatClass: 'suspicious-comm',
  ...over,
});

describe('rollups and search index', () => {
  it('stay equal to a recount through upserts, status changes and deletions', async () => {
    const app = await alertsApp();
    const db = app.db;
    expectConsistent(db);
    const write = alertWriter(db);
    const some = db
      .prepare(`SELECT source_id FROM alerts WHERE customer_id = 'c-aoba' ORDER BY id LIMIT 3`)
      .pluck()
      .all() as string[];
    db.transaction(() => {
      // Upserts of counted rows: other severity, status, hosts and text.
      for (const [i, sourceId] of some.entries()) {
        write(
          alert({
            sourceId,
            severity: 'critical',
            status: 'resolved',
            hosts: [`AOB-NEW-${i}`, 'AOB-SHARED'],
            titleJa: `更新後の件名${i}`,
          }),
        );
      }
      // New rows from another writer: the tail.
      write(alert({ sourceId: 'OTHER-1', titleJa: '別経路で届いたアラート', hosts: ['AOB-TAIL'] }));
    })();
    expect(await found(app, '別経路で届いた')).toEqual(['OTHER-1']);
    expect(await found(app, '更新後の件名1')).toEqual([some[1]]);
    await value(app, 'alerts.setStatus', {
      ids: [db.prepare(`SELECT id FROM alerts WHERE status = 'new' LIMIT 1`).pluck().get()],
      status: 'acknowledged',
    });
    expectConsistent(db);

    // Deleting the last row frees its id: the next insert reuses it and must be counted and found.
    const last = db.prepare('SELECT max(id) FROM alerts').pluck().get() as number;
    db.prepare('DELETE FROM alerts WHERE id = ?').run(last);
    db.prepare(
      `DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE customer_id = 'c-kawasemi' LIMIT 5)`,
    ).run();
    expect(await found(app, '別経路で届いた')).toEqual([]);
    db.transaction(() =>
      write(alert({ sourceId: 'REUSED', titleJa: '同じ番号で届いた別のアラート' })),
    )();
    expect(db.prepare(`SELECT id FROM alerts WHERE source_id = 'REUSED'`).pluck().get()).toBe(last);
    expect(await found(app, '同じ番号で届いた')).toEqual(['REUSED']);
    expectConsistent(db);
    expect(await found(app, '別経路で届いた')).toEqual([]);
  });

  it('stay equal after an import that inserts and updates, and after undoing one', async () => {
    const app = await alertsApp();
    const db = app.db;
    const dir = tempDir();
    const existing = db
      .prepare(`SELECT source_id FROM alerts WHERE customer_id = 'c-sakuragawa' LIMIT 2`)
      .pluck()
      .all() as string[];
    const lines = [JSON.stringify({ format: 'soc-desk-alerts', version: 1 })];
    for (const [i, id] of [...existing, 'IMP-1', 'IMP-2'].entries()) {
      lines.push(
        JSON.stringify({
          sourceId: id,
          source: 'cts',
          customerId: 'c-sakuragawa',
          threatKind: 'malware-download',
          severity: 'High',
          titleJa: `取り込んだ件名 ${i}`,
          detectedAt: '2026-11-20T10:00:00+09:00',
          hosts: [`SKG-IMP-${i}`],
        }),
      );
    }
    const path = join(dir, 'mixed.ndjson');
    writeFileSync(path, lines.join('\n'));
    const fileId = app.ctx.files.registerPicked(path, 'mixed.ndjson').fileId;
    const started = await value<{ jobId: string }>(app, 'alerts.import.start', { fileId });
    expect(await finished(app, started.jobId)).toMatchObject({
      ok: true,
      value: { inserted: 2, updated: 2 },
    });
    expectConsistent(db);
    expect((await found(app, '取り込んだ件名')).sort()).toEqual(
      [...existing, 'IMP-1', 'IMP-2'].sort(),
    );

    // A second import undone part-way (cancelled after its first chunk): back to the state before.
    catchUpAll(db);
    const before = stateHash(db);
    const big = [lines[0]!];
    for (let i = 0; i < 1500; i++)
      big.push(
        JSON.stringify({
          sourceId: `BIG-${i}`,
          source: 'cts',
          customerId: 'c-aoba',
          threatKind: 'tor',
          severity: 'Low',
          titleEn: `bulk undo ${i}`,
          detectedAt: '2026-11-20T10:00:00Z',
        }),
      );
    big.push(lines[1]!.replace('取り込んだ件名', '上書き'));
    writeFileSync(join(dir, 'big.ndjson'), big.join('\n'));
    const id = Number(
      db
        .prepare(
          `INSERT INTO alert_imports (started_at, actor, file_name, format, customer_ids, state) VALUES (0, 'test', 'big', 'ndjson', '[]', 'validating')`,
        )
        .run().lastInsertRowid,
    );
    const control = newControl();
    let applied = 0;
    await runImport(
      {
        mode: 'import',
        store: app.ctx.store,
        importId: id,
        path: join(dir, 'big.ndjson'),
        format: 'ndjson',
        customers: ['c-aoba', 'c-sakuragawa'],
        control: control.buffer as SharedArrayBuffer,
        chunkMs: 1,
      },
      (m) => {
        if (m.type === 'progress' && m.phase === 'apply' && (applied = m.done) > 0)
          Atomics.store(control, 0, 1);
        if (m.type === 'end') expect(m.state).toBe('cancelled');
      },
    );
    expect(applied).toBeGreaterThan(0);
    db.prepare('DELETE FROM alert_imports WHERE id = ?').run(id);
    expect(stateHash(db)).toBe(before);
    expect(await found(app, 'bulk undo')).toEqual([]);
    expect(await found(app, '上書き')).toEqual([]);
    expectConsistent(db);
  });

  it('an import a crash left half applied is undone at the next start', async () => {
    const app = await alertsApp();
    const db = app.db;
    catchUpAll(db);
    const before = stateHash(db);
    // What a crash leaves: the import row "applying", chunks written, an alert changed.
    const id = Number(
      db
        .prepare(
          `INSERT INTO alert_imports (started_at, actor, file_name, format, customer_ids, state) VALUES (0, 'test', 'crashed', 'ndjson', '["c-aoba"]', 'applying')`,
        )
        .run().lastInsertRowid,
    );
    const changed = db
      .prepare(`SELECT source_id FROM alerts WHERE customer_id = 'c-aoba' LIMIT 1`)
      .pluck()
      .get() as string;
    const write = chunkWriter(db, id);
    const counts = { records: 0, inserted: 0, updated: 0, unchanged: 0 };
    write(
      [
        prepare(alert({ sourceId: 'CRASH-1' }), 'a'),
        prepare(alert({ sourceId: changed, titleJa: '途中まで' }), 'b'),
      ],
      counts,
    );
    write([prepare(alert({ sourceId: 'CRASH-2' }), 'c')], counts);
    expect(counts).toMatchObject({ inserted: 2, updated: 1 });
    // The next request that touches imports finds it and undoes it in a worker.
    await value(app, 'alerts.import.list', {});
    let jobId = '';
    for (let i = 0; i < 400 && !jobId; i++) {
      const e = app.events.find((x) => x.event === 'job.progress' || x.event === 'job.finished');
      if (e && 'jobId' in e.payload) jobId = e.payload.jobId;
      else await new Promise((r) => setTimeout(r, 25));
    }
    expect(await finished(app, jobId)).toMatchObject({
      ok: false,
      error: { message: 'alerts:import.failed' },
    });
    expect(db.prepare('SELECT state FROM alert_imports WHERE id = ?').pluck().get(id)).toBe(
      'rolled_back',
    );
    db.prepare('DELETE FROM alert_imports WHERE id = ?').run(id);
    expect(stateHash(db)).toBe(before);
    expectConsistent(db);
  });
});
