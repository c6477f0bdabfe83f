/**
 * alerts.import of bad files: every problem located by line and field (NDJSON, JSON documents,
 * CSV columns) with nothing changed, also when a large NDJSON file is checked in two threads.
 */
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../../shared/ops/alerts';
import { contentHash } from '../helpers';
import { alertsApp, fixtureFile, runImport, value } from './helpers';
import { outcome, problem, row } from './import-setup';

describe('alerts.import', () => {
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
