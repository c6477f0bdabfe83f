/**
 * Import through the real operation and worker thread: good files in each format, located errors
 * for bad ones (and nothing changed), re-import idempotence, scope, cancel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome, ImportPreview, ImportSummary } from '../../../shared/ops/alerts';
import type { ApiError } from '../../../shared/result';
import { contentHash } from '../helpers';
import { catchUpAll } from '../../../electron/services/alerts/derived';
import {
  FIXTURES,
  alertsApp,
  finished,
  fixtureFile,
  runImport,
  stateHash,
  value,
  type AlertsApp,
} from './helpers';

function outcome(r: Awaited<ReturnType<typeof runImport>>): ImportOutcome {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as ImportOutcome;
}
function problem(r: Awaited<ReturnType<typeof runImport>>): ApiError {
  if (r.ok) throw new Error('expected the import to be refused');
  return r.error;
}
const row = (app: AlertsApp, sourceId: string) =>
  app.db.prepare('SELECT * FROM alerts WHERE source_id = ?').get(sourceId) as
    Record<string, unknown> | undefined;

describe('alerts.import', () => {
  it('imports NDJSON: derived fields, defaults, hosts and communications', async () => {
    const app = await alertsApp();
    const r = outcome(await runImport(app, fixtureFile(app, 'good.ndjson')));
    expect(r).toMatchObject({ state: 'done', records: 3, inserted: 3, updated: 0, unchanged: 0 });
    const c2 = row(app, 'CTS-FX-0001')!;
    expect(c2).toMatchObject({
      source: 'cts',
      threat_class: 'malware-comm',
      module: null,
      severity: 'critical',
      source_severity: 'Critical',
      status: 'new',
      count: 14,
      detected_at: Date.parse('2026-11-21T09:15:00+09:00'),
    });
    const id = c2.id as number;
    expect(
      app.db.prepare('SELECT count(*) AS n FROM communications WHERE alert_id = ?').get(id),
    ).toEqual({ n: 2 });
    expect(
      app.db.prepare('SELECT host FROM alert_hosts WHERE alert_id = ?').pluck().all(id),
    ).toEqual(['SKR-PC-KEIRI-012']);
    // C-SOC: module from the kind, Japanese level, JST "YYYY/MM/DD HH:mm".
    expect(row(app, 'IIJ-INC-FX-0002')).toMatchObject({
      module: 'endpoint',
      severity: 'critical',
      important: 1,
      detected_at: Date.parse('2026-11-21T10:00:00+09:00'),
      notified_at: Date.parse('2026-11-21T10:20:00+09:00'),
    });
    expect(row(app, 'CTS-FX-0003')).toMatchObject({
      severity: 'info',
      status: 'acknowledged',
      title_ja: '',
    });
    // The new alerts are found by search at once (index folded in by the import).
    const page = await value<{ rows: Array<{ sourceId: string }> }>(app, 'alerts.list', {
      filter: { customerId: null, q: 'C&C サーバー' },
    });
    expect(page.rows.map((x) => x.sourceId)).toContain('CTS-FX-0001');
    expect(app.events.some((e) => e.event === 'job.progress')).toBe(true);
    const audit = app.db
      .prepare(`SELECT actor, to_value FROM audit_log WHERE action = 'alert.import'`)
      .get() as {
      actor: string;
      to_value: string;
    };
    expect(audit.actor).toBe('partner:p-minato');
    expect(JSON.parse(audit.to_value)).toMatchObject({ state: 'done', inserted: 3 });
  });

  it('imports the JSON document form', async () => {
    const app = await alertsApp();
    const r = outcome(await runImport(app, fixtureFile(app, 'good.json')));
    expect(r).toMatchObject({ state: 'done', inserted: 3 });
    expect(row(app, 'CTS-FXJ-0001')).toBeDefined();
  });

  it('imports CSV with a column mapping (Japanese headers, BOM, CRLF, quoted line breaks)', async () => {
    const app = await alertsApp();
    const fileId = fixtureFile(app, 'good.csv');
    const preview = await value<ImportPreview>(app, 'alerts.import.preview', { fileId });
    expect(preview.format).toBe('csv');
    expect(preview.csv?.header[0]).toBe('インシデント番号');
    expect(preview.csv?.rows).toHaveLength(2);
    expect(preview.csv?.suggested).toMatchObject({
      sourceId: 0,
      source: 1,
      customerId: 2,
      threatKind: 3,
      severity: 4,
      detectedAt: 5,
      titleJa: 6,
      titleEn: 7,
      descriptionJa: 8,
      hosts: 9,
      indicators: 10,
      status: 11,
      important: 12,
    });
    const r = outcome(await runImport(app, fileId, { mapping: preview.csv!.suggested }));
    expect(r).toMatchObject({ state: 'done', inserted: 2 });
    expect(row(app, 'IIJ-CSV-0001')).toMatchObject({
      source: 'csoc',
      threat_kind: 'fw-port-scan',
      module: 'firewall',
      severity: 'medium',
      important: 0,
      detected_at: Date.parse('2026-11-20T14:03:00+09:00'),
    });
    expect(String(row(app, 'IIJ-CSV-0001')!.description_ja)).toContain('\n');
    const cc = row(app, 'CTS-CSV-0002')!;
    expect(cc).toMatchObject({
      threat_kind: 'c2',
      status: 'in_progress',
      title_ja: 'SKR-PC-EIGYO-015 から C&C 通信（"beacon"）',
    });
    expect(JSON.parse(String(cc.hosts))).toEqual(['SKR-PC-EIGYO-015', 'SKR-PC-EIGYO-016']);
    expect(JSON.parse(String(cc.indicators))).toEqual(['cdn-update-check.example', '203.0.113.9']);
  });

  it('refuses a bad NDJSON file with every problem located, and changes nothing', async () => {
    const app = await alertsApp();
    const before = contentHash(app.db);
    const fileId = fixtureFile(app, 'bad.ndjson');
    const e = problem(await runImport(app, fileId));
    expect(e.code).toBe('invalid_input');
    expect(e.params).toMatchObject({ file: 'bad.ndjson' });
    const found = e.issues!.map((i) => [i.line, i.path, i.message]);
    expect(found).toEqual([
      [3, 'severity', 'alerts:import.issue.severity'],
      [4, 'threatKind', 'alerts:import.issue.kindSource'],
      [5, 'customerId', 'alerts:import.issue.customer'],
      [6, 'detectedAt', 'alerts:import.issue.instant'],
      [7, '(record)', 'errors:issue.unrecognized_keys'],
    ]);
    // Only the import's own bookkeeping row was written; no alert, rollup or index changed.
    app.db.prepare('DELETE FROM alert_imports').run();
    app.db.prepare(`DELETE FROM audit_log WHERE action = 'alert.import'`).run();
    expect(contentHash(app.db)).toBe(before);
    const imports = await value<ImportSummary[]>(app, 'alerts.import.list', {});
    expect(imports).toEqual([]);
  });

  it('locates a JSON syntax error by line, in NDJSON and in a JSON document', async () => {
    const app = await alertsApp();
    const nd = problem(await runImport(app, fixtureFile(app, 'bad-syntax.ndjson')));
    expect(nd.issues).toEqual([{ path: '(line)', line: 3, message: 'errors:issue.not_json' }]);
    const doc = problem(
      await runImport(
        app,
        fixtureFile(
          app,
          'broken.json',
          '{\n  "format": "soc-desk-alerts",\n  "version": 1,\n  "alerts": [\n    {"a": 1,}\n  ]\n}\n',
        ),
      ),
    );
    expect(doc.issues?.[0]).toMatchObject({ line: 5, message: 'errors:issue.not_json' });
  });

  it('locates record errors in a JSON document by the line the record starts on', async () => {
    const app = await alertsApp();
    const text = JSON.stringify(
      {
        format: 'soc-desk-alerts',
        version: 1,
        alerts: [
          {
            sourceId: 'J1',
            source: 'cts',
            customerId: 'c-aoba',
            threatKind: 'tor',
            severity: 'Low',
            titleEn: 'a',
            detectedAt: '2026-11-21T09:00:00Z',
          },
          {
            sourceId: 'J2',
            source: 'cts',
            customerId: 'c-aoba',
            threatKind: 'tor',
            severity: 'Low',
            detectedAt: '2026-11-21T09:00:00Z',
          },
        ],
      },
      null,
      2,
    );
    const e = problem(await runImport(app, fixtureFile(app, 'records.json', text)));
    const line = text.split('\n').findIndex((l) => l.includes('"J2"')); // the line of sourceId; the record starts one above
    expect(e.issues).toEqual([
      { path: 'alerts.1.titleJa', line, message: 'alerts:import.issue.title' },
    ]);
  });

  it('locates CSV errors by line and column name', async () => {
    const app = await alertsApp();
    const fileId = fixtureFile(app, 'bad.csv');
    const preview = await value<ImportPreview>(app, 'alerts.import.preview', { fileId });
    const e = problem(await runImport(app, fileId, { mapping: preview.csv!.suggested }));
    expect(e.issues!.map((i) => [i.line, i.path, i.message])).toEqual([
      [3, 'detectedAt (detectedAt)', 'alerts:import.issue.instant'],
      [4, 'threatKind (threatKind)', 'errors:issue.invalid_value'],
    ]);
    expect(row(app, 'CSV-BAD-1')).toBeUndefined();
  });

  it('refuses a CSV mapping without the required fields before reading', async () => {
    const app = await alertsApp();
    const e = problem(
      await runImport(app, fixtureFile(app, 'bad.csv'), { mapping: { sourceId: 0 } }),
    );
    expect(e.issues?.[0]).toMatchObject({ message: 'alerts:import.issue.mappingMissing' });
  });

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

describe('alerts.import, large NDJSON checked in two threads', () => {
  it('renumbers the second half’s lines and imports the whole file', async () => {
    const previous = process.env.SOCDESK_IMPORT_SPLIT_BYTES;
    process.env.SOCDESK_IMPORT_SPLIT_BYTES = '1000';
    try {
      const app = await alertsApp();
      const record = (i: number, severity = 'Low') =>
        JSON.stringify({
          sourceId: `SPLIT-${i}`,
          source: 'cts',
          customerId: 'c-aoba',
          threatKind: 'tor',
          severity,
          titleEn: `split ${i}`,
          detectedAt: '2026-11-21T09:00:00Z',
        });
      const lines = ['{"format":"soc-desk-alerts","version":1}'];
      for (let i = 0; i < 60; i++) lines.push(record(i, i === 5 || i === 50 ? 'Severe' : 'Low'));
      const bad = problem(
        await runImport(app, fixtureFile(app, 'split-bad.ndjson', lines.join('\n'))),
      );
      expect(bad.issues!.map((i) => [i.line, i.path])).toEqual([
        [7, 'severity'],
        [52, 'severity'],
      ]);
      lines[6] = record(5);
      lines[51] = record(50);
      const good = outcome(
        await runImport(app, fixtureFile(app, 'split.ndjson', lines.join('\n'))),
      );
      expect(good).toMatchObject({ records: 60, inserted: 60 });
    } finally {
      if (previous === undefined) delete process.env.SOCDESK_IMPORT_SPLIT_BYTES;
      else process.env.SOCDESK_IMPORT_SPLIT_BYTES = previous;
    }
  });
});
