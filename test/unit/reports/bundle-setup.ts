/**
 * Shared by the bundle-*.test.ts files: one bundle made by a partner's SOC Desk (with a stand-in
 * PDF printer) before the file's tests, its parts read back independently of the reader under
 * test, and the receiving SOC Desk (a fresh data dir, a customer profile).
 */
import yauzl from 'yauzl';
import { beforeAll, expect } from 'vitest';
import type { FileRef } from '../../../shared/api';
import type { ReportSummary } from '../../../shared/ops/reports';
import { suiteApp } from '../helpers';
import { FAKE_PDF, bytesOf, ok, type App, type Parts } from './helpers';

/** The members of a zip, listed and read independently of the reader under test. */
export async function members(bytes: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const out: Array<{ name: string; data: Buffer }> = [];
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

export let made: ReportSummary;
export let bundle: Buffer;
export let parts: Parts;
export let target: ReturnType<typeof suiteApp>;
export let source: App;

/** Registers the suite's two apps and makes the bundle before the tests of the calling file. */
export function madeBundle(): void {
  target = suiteApp();
  const maker = suiteApp();

  beforeAll(async () => {
    // The SOC Desk that makes the bundle: a partner's, with a stand-in PDF printer.
    source = maker.current;
    source.ctx.pdf = { print: () => Promise.resolve(new Uint8Array(FAKE_PDF)) };
    ok(await source.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' }));
    made = ok<ReportSummary>(
      await source.dispatch('reports.create', {
        customerId: 'c-sakuragawa',
        month: '2026-10',
        language: 'ja',
      }),
    );
    const ref = ok<FileRef>(await source.dispatch('reports.bundle', { reportId: made.reportId }));
    expect(ref.name).toBe('soc-desk-report-c-sakuragawa-2026-10-ja.socdesk');
    bundle = bytesOf(source, ref);
    const m = await members(bundle);
    parts = {
      manifest: JSON.parse(m[0]!.data.toString('utf8')) as Parts['manifest'],
      report: JSON.parse(m[1]!.data.toString('utf8')) as Record<string, unknown>,
      reportJson: m[1]!.data,
      pdf: m[2]!.data,
    };
    ok(
      await target.current.dispatch('session.setProfile', { kind: 'customer', id: 'c-sakuragawa' }),
    );
  });
}
