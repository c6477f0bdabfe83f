/**
 * alerts.import through the real operation and worker thread: good files in each format (NDJSON,
 * the JSON document form, CSV with a column mapping) and what they store.
 */
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/ops/alerts';
import { alertsApp, fixtureFile, runImport, value } from './helpers';
import { outcome, row } from './import-setup';

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
});
