/**
 * Report bundles (docs/bundle-format.md) made by one SOC Desk: their members and manifest, opened
 * by another SOC Desk (a fresh data dir) read-only, and only for the customers they are about.
 */
import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../../shared/api';
import type { Manifest } from '../../../shared/bundle/format';
import type { ImportedSummary } from '../../../shared/ops/reports';
import type { Report } from '../../../shared/report/schema';
import { contentHash } from '../helpers';
import { FAKE_PDF, bytesOf, failed, ok, reportApp, sha256, upload } from './helpers';
import { bundle, madeBundle, made, members, parts, source, target } from './bundle-setup';

madeBundle();

describe('a bundle made by one SOC Desk', () => {
  it('holds the manifest first, the report JSON as stored and the PDF, with their SHA-256', async () => {
    const m = await members(bundle);
    expect(m.map((x) => x.name)).toEqual(['manifest.json', 'report.json', 'report.pdf']);
    const stored = source.db
      .prepare('SELECT json, sha256 FROM reports WHERE id = ?')
      .get(made.reportId) as {
      json: string;
      sha256: string;
    };
    expect(m[1]!.data.toString('utf8')).toBe(stored.json);
    expect(m[2]!.data.equals(FAKE_PDF)).toBe(true);
    const manifest = parts.manifest as unknown as Manifest;
    expect(manifest).toMatchObject({
      format: 'soc-desk.report-bundle',
      formatVersion: 1,
      reportId: made.reportId,
      kind: 'customer',
      language: 'ja',
      customers: [{ id: 'c-sakuragawa', name: { ja: '桜川精機株式会社' } }],
      partner: { id: 'p-minato' },
      period: { month: '2026-10', from: '2026-10-01', to: '2026-10-31' },
      createdAt: '2026-11-22T10:00:00+09:00',
      appVersion: '0.0.0-test',
    });
    expect(manifest.members).toEqual([
      { name: 'report.json', size: m[1]!.data.length, sha256: sha256(m[1]!.data) },
      { name: 'report.pdf', size: m[2]!.data.length, sha256: sha256(m[2]!.data) },
    ]);
    expect(sha256(m[1]!.data)).toBe(stored.sha256);
  });

  it('opens in another SOC Desk read-only, exactly as made; twice is once; deleted on request', async () => {
    const app = target.current;
    const before = contentHash(app.db);
    const first = ok<{ id: number; duplicate: boolean }>(
      await app.dispatch('reports.importBundle', { fileId: upload(app, bundle).fileId }),
    );
    expect(first.duplicate).toBe(false);
    expect(contentHash(app.db)).not.toBe(before);
    const view = ok<{ summary: ImportedSummary; report: Report; manifest: Manifest }>(
      await app.dispatch('reports.getImported', { id: first.id }),
    );
    const original = ok<{ report: Report }>(
      await source.dispatch('reports.get', { reportId: made.reportId }),
    );
    expect(view.report).toEqual(original.report);
    expect(view.summary).toMatchObject({
      reportId: made.reportId,
      month: '2026-10',
      language: 'ja',
      appVersion: '0.0.0-test',
      bundleCreatedAt: Date.parse('2026-11-22T10:00:00+09:00'),
      fileName: 'report.socdesk',
      customers: [{ id: 'c-sakuragawa' }],
    });
    const pdf = ok<FileRef>(await app.dispatch('reports.importedPdf', { id: first.id }));
    expect(bytesOf(app, pdf).equals(FAKE_PDF)).toBe(true);
    const csv = ok<FileRef>(
      await app.dispatch('reports.importedCsv', { id: first.id, table: 'devices' }),
    );
    expect(bytesOf(app, csv).toString('utf8')).toContain('SKG-CTS01');
    const list = ok<ImportedSummary[]>(
      await app.dispatch('reports.listImported', { customerId: null }),
    );
    expect(list.map((r) => r.id)).toEqual([first.id]);

    const again = ok<{ id: number; duplicate: boolean }>(
      await app.dispatch('reports.importBundle', { fileId: upload(app, bundle).fileId }),
    );
    expect(again).toEqual({ id: first.id, duplicate: true });

    ok(await app.dispatch('reports.deleteImported', { id: first.id }));
    expect(failed(await app.dispatch('reports.getImported', { id: first.id })).code).toBe(
      'not_found',
    );
    expect(
      app.db
        .prepare("SELECT action FROM audit_log WHERE entity = 'imported_report' ORDER BY id")
        .all()
        .map((r) => (r as { action: string }).action),
      // The PDF and CSV taken from it above are exports, audited too (docs/privacy.md).
    ).toEqual(['report.import', 'export', 'export', 'report.delete-imported']);
  });

  it('is only for the customers it is about (a customer profile: itself)', async () => {
    const other = await reportApp({ kind: 'customer', id: 'c-aoba' });
    const before = contentHash(other.db);
    const error = failed(
      await other.dispatch('reports.importBundle', { fileId: upload(other, bundle).fileId }),
    );
    expect(error).toMatchObject({ code: 'forbidden', message: 'reports:bundle.error.outOfScope' });
    expect(contentHash(other.db)).toBe(before);
    // The partner of the customer takes it.
    const partner = await reportApp({ kind: 'partner', id: 'p-minato' });
    ok(await partner.dispatch('reports.importBundle', { fileId: upload(partner, bundle).fileId }));
    const hokuto = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    expect(
      failed(
        await hokuto.dispatch('reports.importBundle', { fileId: upload(hokuto, bundle).fileId }),
      ).code,
    ).toBe('forbidden');
  });
});
