/**
 * The bundle fixtures (test/fixtures/bundles/README.md): a bundle made by SOC Desk 0.1.0 in format 1
 * still opens — in a fresh store, for the customer it is about — and each hostile one is refused
 * with its code, the store unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedSummary } from '../../../shared/ops/reports';
import type { Report } from '../../../shared/report/schema';
import { contentHash } from '../helpers';
import { failed, ok, reportApp, sha256, upload } from './helpers';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'bundles');
const fixture = (name: string) => readFileSync(join(dir, name));

describe('bundle fixtures', () => {
  it('opens a format-1 bundle made by an earlier SOC Desk, checksums and all', async () => {
    const app = await reportApp({ kind: 'customer', id: 'c-sakuragawa' });
    const { id } = ok<{ id: number }>(
      await app.dispatch('reports.importBundle', {
        fileId: upload(app, fixture('good-c-sakuragawa-2026-10-ja.v1.socdesk')).fileId,
      }),
    );
    const view = ok<{ summary: ImportedSummary; report: Report }>(
      await app.dispatch('reports.getImported', { id }),
    );
    expect(view.summary).toMatchObject({ appVersion: '0.1.0', month: '2026-10', language: 'ja' });
    expect(view.report.customers[0]?.name.ja).toBe('桜川精機株式会社');
    expect(view.report.summary.headline).toMatch(/^2026年10月に検知されたアラートは \d+ 件/);
    const stored = app.db
      .prepare('SELECT report_json, report_sha256 FROM imported_reports')
      .get() as {
      report_json: string;
      report_sha256: string;
    };
    expect(sha256(stored.report_json)).toBe(stored.report_sha256);
  });

  it.each([
    ['tampered-report.socdesk', 'checksumMismatch'],
    ['truncated.socdesk', 'truncated'],
    ['zip-slip.socdesk', 'unsafePath'],
    ['absolute-path.socdesk', 'absolutePath'],
    ['duplicate-member.socdesk', 'duplicateMember'],
    ['unexpected-member.socdesk', 'unexpectedMember'],
    ['zip-bomb.socdesk', 'zipBomb'],
  ])('refuses %s (%s)', async (name, code) => {
    const app = await reportApp({ kind: 'customer', id: 'c-sakuragawa' });
    const before = contentHash(app.db);
    const e = failed(
      await app.dispatch('reports.importBundle', { fileId: upload(app, fixture(name)).fileId }),
    );
    expect(e.message).toBe(`reports:bundle.error.${code}`);
    expect(contentHash(app.db)).toBe(before);
  });
});
