/**
 * Writes the bundle fixtures of test/fixtures/bundles (see the README there): a good format-1 bundle made by the
 * real services on the demo world, and hostile variants of it written byte by byte. Run it only to
 * add a case — the good bundle is the proof that format 1 keeps opening, so it is never remade.
 *   npx tsx --tsconfig test/e2e/tsconfig.json test/unit/reports/make-fixtures.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppServices } from '../../../electron/services/app';
import { readBundle } from '../../../electron/services/reports/bundle-read';
import { fileKeyStore } from '../../../electron/store/keys';
import { FAKE_PDF, bundleOf, rawZip, sha256, type Parts } from './zip';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const here = join(import.meta.dirname, '..', '..', 'fixtures', 'bundles');
const GOOD = join(here, 'good-c-sakuragawa-2026-10-ja.v1.socdesk');

async function makeGood(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-fixture-'));
  const app = createAppServices({
    dataDir: dir,
    keys: fileKeyStore(join(dir, 'socdesk.key')),
    clock: { now: () => Date.parse('2026-11-22T10:00:00+09:00') },
    host: 'browser',
    version: '0.1.0',
    demo: true,
  });
  try {
    app.ctx.pdf = { print: () => Promise.resolve(new Uint8Array(FAKE_PDF)) };
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    const made = await app.dispatch('reports.create', {
      customerId: 'c-sakuragawa',
      month: '2026-10',
      language: 'ja',
    });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const ref = await app.dispatch('reports.bundle', {
      reportId: (made.value as { reportId: string }).reportId,
    });
    if (!ref.ok) throw new Error(JSON.stringify(ref.error));
    writeFileSync(
      GOOD,
      readFileSync(app.ctx.files.get((ref.value as { fileId: string }).fileId).path),
    );
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(GOOD)) await makeGood();
const good = await readBundle({ path: GOOD });
const parts: Parts = {
  manifest: JSON.parse(good.manifestJson) as Parts['manifest'],
  report: JSON.parse(good.reportJson) as Record<string, unknown>,
  reportJson: Buffer.from(good.reportJson),
  pdf: good.pdf,
};
const bytes = readFileSync(GOOD);
const MiB = 1024 * 1024;
const text = good.reportJson;
const at = text.indexOf('"total": ') + '"total": '.length;
const tampered = Buffer.from(
  text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1),
);

const cases: Record<string, Buffer> = {
  'tampered-report.socdesk': bundleOf({ ...parts, reportJson: tampered }, { keepManifest: true }),
  'truncated.socdesk': bytes.subarray(0, Math.floor(bytes.length / 2)),
  'zip-slip.socdesk': bundleOf(parts, {
    extra: [{ name: '../../.bashrc', data: Buffer.from('echo owned\n') }],
  }),
  'absolute-path.socdesk': bundleOf(parts, {
    extra: [{ name: '/etc/cron.d/x', data: Buffer.from('x') }],
  }),
  'duplicate-member.socdesk': bundleOf(parts, {
    extra: [{ name: 'report.json', data: parts.reportJson }],
  }),
  'unexpected-member.socdesk': bundleOf(parts, {
    extra: [{ name: 'run.exe', data: Buffer.from('MZ') }],
  }),
  'zip-bomb.socdesk': rawZip([
    { name: 'manifest.json', data: Buffer.from(good.manifestJson) },
    { name: 'report.json', data: Buffer.alloc(64 * MiB), declaredSize: 64 },
    { name: 'report.pdf', data: parts.pdf, method: 0 },
  ]),
};
for (const [name, b] of Object.entries(cases)) writeFileSync(join(here, name), b);
console.log(`good ${sha256(bytes)}; ${Object.keys(cases).length} hostile bundles written`);
