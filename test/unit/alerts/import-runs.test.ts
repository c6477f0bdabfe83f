/**
 * alerts.import run again and run by others: re-import idempotence (local status kept), the
 * profile's scope, one import at a time, and cancel leaving nothing behind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../helpers';
import { catchUpAll } from '../../../electron/services/alerts/derived';
import { FIXTURES, alertsApp, finished, fixtureFile, runImport, stateHash, value } from './helpers';
import { outcome, problem, row } from './import-setup';

describe('alerts.import', () => {
  it('is idempotent: the same file again changes nothing, a changed alert keeps its local status', async () => {
    const app = await alertsApp();
    outcome(await runImport(app, fixtureFile(app, 'good.ndjson')));
    const id = row(app, 'CTS-FX-0001')!.id as number;
    await value(app, 'alerts.setStatus', { ids: [id], status: 'acknowledged' });
    const snapshot = contentHash(app.db);
    const again = outcome(await runImport(app, fixtureFile(app, 'good.ndjson')));
    expect(again).toMatchObject({ records: 3, inserted: 0, updated: 0, unchanged: 3 });
    app.db.prepare(`DELETE FROM alert_imports WHERE id > 1`).run();
    app.db
      .prepare(`DELETE FROM audit_log WHERE action = 'alert.import' AND entity_id <> '1'`)
      .run();
    expect(contentHash(app.db)).toBe(snapshot);

    const changed = readFileSync(join(FIXTURES, 'good.ndjson'), 'utf8')
      .replace('"severity":"Critical"', '"severity":"High"')
      .replace('"count":14', '"count":15');
    const third = outcome(await runImport(app, fixtureFile(app, 'changed.ndjson', changed)));
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(row(app, 'CTS-FX-0001')).toMatchObject({
      id,
      severity: 'high',
      count: 15,
      status: 'acknowledged',
    });
  });

  it("refuses alerts of customers outside the profile's scope", async () => {
    const customer = await alertsApp({ kind: 'customer', id: 'c-aoba' });
    const e = problem(await runImport(customer, fixtureFile(customer, 'good.ndjson')));
    expect(
      e.issues!.filter((i) => i.message === 'alerts:import.issue.customer').map((i) => i.line),
    ).toEqual([2, 3]);
  });

  it('allows one import at a time, and a cancelled import leaves nothing behind', async () => {
    const app = await alertsApp();
    const lines = ['{"format":"soc-desk-alerts","version":1}'];
    for (let i = 0; i < 3000; i++) {
      lines.push(
        JSON.stringify({
          sourceId: `BULK-${i}`,
          source: 'cts',
          customerId: 'c-aoba',
          threatKind: 'recon-access',
          severity: 'Low',
          titleEn: `zzbulk ${i}`,
          detectedAt: '2026-11-21T09:00:00Z',
        }),
      );
    }
    catchUpAll(app.db);
    const before = stateHash(app.db);
    const fileId = fixtureFile(app, 'bulk.ndjson', lines.join('\n'));
    const started = await value<{ jobId: string }>(app, 'alerts.import.start', { fileId });
    const second = await app.dispatch('alerts.import.start', { fileId });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'alerts:errors.importRunning' },
    });
    await value(app, 'alerts.cancelJob', { jobId: started.jobId });
    const r = await finished(app, started.jobId);
    expect(r).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    app.db.prepare('DELETE FROM alert_imports').run();
    app.db.prepare(`DELETE FROM audit_log WHERE action = 'alert.import'`).run();
    expect(stateHash(app.db)).toBe(before);
    const search = await value<{ rows: unknown[] }>(app, 'alerts.list', {
      filter: { customerId: null, q: 'zzbulk' },
    });
    expect(search.rows).toEqual([]);
  });
});
