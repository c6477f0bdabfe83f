/**
 * Every way a report bundle (docs/bundle-format.md) is refused — each with its typed, translated,
 * located error, and the receiving store byte for byte unchanged (contentHash).
 */
import { randomBytes } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/result';
import { readBundle } from '../../../electron/services/reports/bundle-read';
import { contentHash } from '../helpers';
import { FAKE_PDF, bundleOf, failed, rawZip, upload, type Parts, type RawEntry } from './helpers';
import { bundle, madeBundle, made, parts, target } from './bundle-setup';

const MiB = 1024 * 1024;

madeBundle();

/** Imports `bytes` into the receiving store: the error, and proof that nothing was written. */
async function refused(bytes: Buffer | (() => string)): Promise<ApiError> {
  const app = target.current;
  const before = contentHash(app.db);
  let fileId: string;
  if (typeof bytes === 'function') {
    fileId = app.ctx.files.registerPicked(bytes(), 'big.socdesk').fileId;
  } else fileId = upload(app, bytes).fileId;
  const error = failed(await app.dispatch('reports.importBundle', { fileId }));
  expect(contentHash(app.db)).toBe(before);
  expect(error.message).toMatch(/^reports:bundle\.error\./);
  expect(error.issues?.length).toBeGreaterThan(0);
  return error;
}

const reportWith = (change: (r: Record<string, unknown>) => void): Parts => {
  const report = structuredClone(parts.report);
  change(report);
  return { ...parts, report, reportJson: Buffer.from(JSON.stringify(report, null, 2)) };
};
const manifestWith = (change: (m: Record<string, unknown>) => void): Buffer => {
  const manifest = structuredClone(parts.manifest);
  change(manifest);
  return rawZip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
    { name: 'report.json', data: parts.reportJson },
    { name: 'report.pdf', data: parts.pdf, method: 0 },
  ]);
};
const entries = (): RawEntry[] => [
  { name: 'manifest.json', data: Buffer.from(JSON.stringify(parts.manifest)) },
  { name: 'report.json', data: parts.reportJson },
  { name: 'report.pdf', data: parts.pdf, method: 0 },
];

describe('a bundle is refused, and the store untouched, when', () => {
  it('the raw-ZIP helper itself makes an acceptable bundle (the cases below change one thing)', async () => {
    const contents = await readBundle({ buffer: bundleOf(parts) });
    expect(contents.report.reportId).toBe(made.reportId);
  });

  it.each([
    [
      'it is not a ZIP',
      () => Buffer.from('not a zip file at all, just some text here'),
      'notZip',
      'bundle',
    ],
    ['it is empty', () => Buffer.alloc(0), 'notZip', 'bundle'],
    [
      'it is cut short',
      () => bundle.subarray(0, Math.floor(bundle.length * 0.6)),
      'truncated',
      'bundle',
    ],
    ['its end is cut off', () => bundle.subarray(0, bundle.length - 10), 'truncated', 'bundle'],
  ] as const)('%s', async (_, bytes, code, path) => {
    const e = await refused(bytes());
    expect(e).toMatchObject({ code: 'invalid_input', message: `reports:bundle.error.${code}` });
    expect(e.issues?.[0]?.path).toBe(path);
  });

  it.each([
    ['../report.json', 'unsafePath'],
    ['a/../report.json', 'unsafePath'],
    ['./report.json', 'unsafePath'],
    ['..\\report.json', 'unsafePath'],
    ['reports\\report.json', 'unsafePath'],
    ['report.json\u0000.txt', 'unsafePath'],
    ['repört.json', 'unsafePath'],
    ['/report.json', 'absolutePath'],
    ['C:/report.json', 'absolutePath'],
    ['c:report.json', 'absolutePath'],
    ['\\\\server\\share\\report.json', 'absolutePath'],
    ['notes.txt', 'unexpectedMember'],
    ['folder/', 'unexpectedMember'],
    ['Report.json', 'unexpectedMember'],
  ] as const)('a member is named %j', async (name, code) => {
    const e = await refused(rawZip([...entries(), { name, data: Buffer.from('{}') }]));
    expect(e.message).toBe(`reports:bundle.error.${code}`);
    expect(e.params?.member).toBe(name.split('\u0000').join('�').replace('ö', 'Ã¶'));
  });

  it.each([' ', '   '])(
    'a member named %j (blank) is shown quoted, so the message points at something visible',
    async (name) => {
      const e = await refused(rawZip([...entries(), { name, data: Buffer.from('{}') }]));
      expect(e.params?.member).toBe(JSON.stringify(name));
      expect(e.issues?.[0]?.path).toBe(JSON.stringify(name));
    },
  );

  it('a name is the same twice', async () => {
    const e = await refused(
      rawZip([...entries(), { name: 'report.json', data: parts.reportJson }]),
    );
    expect(e).toMatchObject({
      message: 'reports:bundle.error.duplicateMember',
      params: { member: 'report.json' },
    });
  });

  it('a member is missing', async () => {
    const e = await refused(rawZip(entries().slice(0, 2)));
    expect(e).toMatchObject({
      message: 'reports:bundle.error.missingMember',
      params: { member: 'report.pdf' },
    });
  });

  it('it lists more entries than a bundle can have', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `x${i}`, data: Buffer.from('x') }));
    expect((await refused(rawZip(many))).message).toBe('reports:bundle.error.tooManyMembers');
    expect((await refused(rawZip(entries(), { entryCount: 65535 }))).message).toBe(
      'reports:bundle.error.tooManyMembers',
    );
  });

  it('the report was changed after the bundle was made (checksum)', async () => {
    // One digit changed: the same size, another checksum.
    const text = parts.reportJson.toString('utf8');
    const at = text.indexOf('"total": ') + '"total": '.length;
    const digit = String((Number(text[at]) + 1) % 10);
    const reportJson = Buffer.from(text.slice(0, at) + digit + text.slice(at + 1));
    expect(reportJson.length).toBe(parts.reportJson.length);
    const e = await refused(bundleOf({ ...parts, reportJson }, { keepManifest: true }));
    expect(e).toMatchObject({
      code: 'invalid_input',
      message: 'reports:bundle.error.checksumMismatch',
      params: { member: 'report.json' },
      issues: [{ path: 'report.json' }],
    });
  });

  it('the PDF was replaced (checksum), or a member’s CRC-32 is wrong', async () => {
    const pdf = Buffer.from(FAKE_PDF.toString('latin1').replace('1.4', '1.7'), 'latin1');
    const e = await refused(bundleOf({ ...parts, pdf }, { keepManifest: true }));
    expect(e).toMatchObject({
      message: 'reports:bundle.error.checksumMismatch',
      params: { member: 'report.pdf' },
    });
    const crc = entries();
    crc[0]!.crc = 0x12345678;
    expect((await refused(rawZip(crc))).params?.member).toBe('manifest.json');
  });

  it('a size disagrees with the manifest or with the ZIP', async () => {
    const e = await refused(
      manifestWith((m) => ((m.members as Array<{ size: number }>)[0]!.size += 1)),
    );
    expect(e).toMatchObject({
      message: 'reports:bundle.error.sizeMismatch',
      params: { member: 'report.json' },
    });
    const lying = entries();
    lying[1]!.declaredSize = parts.reportJson.length - 5;
    expect((await refused(rawZip(lying))).message).toBe('reports:bundle.error.corrupt');
  });

  it('a member declares a size over its limit', async () => {
    const big = entries();
    big[1] = { name: 'report.json', data: Buffer.alloc(17 * MiB, 0x20) };
    const e = await refused(rawZip(big));
    expect(e).toMatchObject({
      code: 'payload_too_large',
      message: 'reports:bundle.error.oversizeMember',
      params: { member: 'report.json', limit: 16 },
    });
  });

  it('a member is larger than its limit while it declares a small size (counted while streaming)', async () => {
    // Random text barely compresses: no ratio alarm, only the real byte count stops it.
    const big = entries();
    big[1] = {
      name: 'report.json',
      data: Buffer.from(randomBytes(13 * MiB).toString('base64')),
      declaredSize: 1000,
    };
    const e = await refused(rawZip(big));
    expect(e).toMatchObject({ code: 'payload_too_large', params: { member: 'report.json' } });
    expect(e.message).toBe('reports:bundle.error.oversizeMember');
  });

  it('a member inflates far beyond its compressed size (zip bomb), whatever it declares', async () => {
    const bomb = entries();
    bomb[1] = { name: 'report.json', data: Buffer.alloc(64 * MiB), declaredSize: 64 };
    const e = await refused(rawZip(bomb));
    expect(e).toMatchObject({
      message: 'reports:bundle.error.zipBomb',
      params: { member: 'report.json' },
    });
    expect(deflateRawSync(Buffer.alloc(MiB)).length).toBeLessThan(MiB / 200);
  });

  it('the file itself is over the limit', async () => {
    const e = await refused(() => {
      const path = `${target.current.dataDir}/big.socdesk`;
      writeFileSync(path, bundle);
      truncateSync(path, 129 * MiB);
      return path;
    });
    expect(e).toMatchObject({
      code: 'payload_too_large',
      message: 'reports:bundle.error.tooLarge',
    });
  });

  it('a member is encrypted, or names itself twice (Unicode path field)', async () => {
    const enc = entries();
    enc[2]!.flags = 0x0801;
    expect((await refused(rawZip(enc))).message).toBe('reports:bundle.error.encrypted');
    const uni = entries();
    uni[1]!.extra = Buffer.concat([
      Buffer.from([0x75, 0x70, 10, 0, 1, 0, 0, 0, 0]),
      Buffer.from('x.js '),
    ]);
    expect((await refused(rawZip(uni))).message).toBe('reports:bundle.error.unsafePath');
  });

  it('it comes from a newer SOC Desk', async () => {
    const e = await refused(manifestWith((m) => (m.formatVersion = 2)));
    expect(e).toMatchObject({
      message: 'reports:bundle.error.newerVersion',
      params: { version: 2 },
    });
    const r = reportWith((x) => (x.formatVersion = 3));
    expect((await refused(bundleOf(r))).params).toMatchObject({
      member: 'report.json',
      version: 3,
    });
  });

  it('the manifest is not valid, naming the field', async () => {
    const e = await refused(manifestWith((m) => delete m.createdAt));
    expect(e.message).toBe('reports:bundle.error.manifestInvalid');
    expect(e.issues?.map((i) => i.path)).toContain('manifest.json#createdAt');
    const notJson = entries();
    notJson[0]!.data = Buffer.from('{"format": ');
    expect((await refused(rawZip(notJson))).message).toBe('reports:bundle.error.manifestInvalid');
  });

  it('the report is not valid (checksums right), naming the field', async () => {
    const e = await refused(
      bundleOf(reportWith((r) => ((r.alerts as { total: number }).total = -1))),
    );
    expect(e.message).toBe('reports:bundle.error.reportInvalid');
    expect(e.issues?.map((i) => i.path)).toContain('report.json#alerts.total');
    const extra = await refused(bundleOf(reportWith((r) => (r.script = '<script>'))));
    expect(extra.message).toBe('reports:bundle.error.reportInvalid');
  });

  it('the PDF is not a PDF (checksums right)', async () => {
    const e = await refused(bundleOf({ ...parts, pdf: Buffer.from('<html>not a pdf</html>') }));
    expect(e).toMatchObject({
      message: 'reports:bundle.error.pdfInvalid',
      params: { member: 'report.pdf' },
    });
  });

  it('the manifest describes another report', async () => {
    const e = await refused(manifestWith((m) => (m.reportId = 'RPT-202610-00000000')));
    expect(e).toMatchObject({ message: 'reports:bundle.error.mismatch' });
    const other = await refused(
      manifestWith((m) => ((m.customers as Array<{ id: string }>)[0]!.id = 'c-aoba')),
    );
    expect(other.message).toBe('reports:bundle.error.mismatch');
  });
});
