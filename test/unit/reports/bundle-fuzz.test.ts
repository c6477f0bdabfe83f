/**
 * Property-based tests of the bundle reader (fast-check, 11,300 generated cases in all): random
 * bytes, ZIP-looking garbage, truncations and byte flips of a real bundle, random member names
 * (../, absolute, backslashes, NUL, any Unicode) and wrong checksums. Whatever comes in, the reader
 * ends with a BundleError of a known code naming where (or, for a harmless flip, the very report
 * that went in) — never another exception, never a hang — and an import through the app leaves
 * the database exactly as it was (contentHash).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileRef } from '../../../shared/api';
import type { BundleErrorCode } from '../../../shared/bundle/format';
import type { ReportSummary } from '../../../shared/ops/reports';
import type { ApiError } from '../../../shared/result';
import {
  BundleError,
  readBundle,
  type BundleContents,
} from '../../../electron/services/reports/bundle-read';
import { contentHash, suiteApp } from '../helpers';
import {
  FAKE_PDF,
  bundleOf,
  bytesOf,
  ok,
  rawZip,
  upload,
  type Parts,
  type RawEntry,
} from './helpers';

const CODES: ReadonlySet<BundleErrorCode> = new Set<BundleErrorCode>([
  'notZip',
  'truncated',
  'corrupt',
  'tooLarge',
  'tooManyMembers',
  'unsafePath',
  'absolutePath',
  'duplicateMember',
  'unexpectedMember',
  'missingMember',
  'oversizeMember',
  'zipBomb',
  'encrypted',
  'checksumMismatch',
  'sizeMismatch',
  'manifestInvalid',
  'reportInvalid',
  'pdfInvalid',
  'newerVersion',
  'mismatch',
]);
const NAME_CODES = new Set(['unsafePath', 'absolutePath', 'unexpectedMember', 'duplicateMember']);

const maker = suiteApp();
const receiver = suiteApp();
let bundle: Buffer;
let original: BundleContents;
let parts: Parts;

beforeAll(async () => {
  const app = maker.current;
  app.ctx.pdf = { print: () => Promise.resolve(new Uint8Array(FAKE_PDF)) };
  ok(await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' }));
  const s = ok<ReportSummary>(
    await app.dispatch('reports.create', {
      customerId: 'c-aoba',
      month: '2026-10',
      language: 'en',
    }),
  );
  bundle = bytesOf(
    app,
    ok<FileRef>(await app.dispatch('reports.bundle', { reportId: s.reportId })),
  );
  original = await readBundle({ buffer: bundle });
  parts = {
    manifest: JSON.parse(original.manifestJson) as Parts['manifest'],
    report: JSON.parse(original.reportJson) as Record<string, unknown>,
    reportJson: Buffer.from(original.reportJson),
    pdf: original.pdf,
  };
  ok(await receiver.current.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' }));
});

/** Reads a buffer: the contents, or the BundleError — any other outcome fails the property. */
async function read(buffer: Buffer): Promise<BundleContents | BundleError> {
  try {
    return await readBundle({ buffer });
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    const err = e as BundleError;
    expect(CODES.has(err.code)).toBe(true);
    expect(typeof err.member).toBe('string');
    expect(err.member.length).toBeLessThanOrEqual(80);
    return err;
  }
}

const refusedWith = async (buffer: Buffer, codes?: ReadonlySet<string>) => {
  const r = await read(buffer);
  expect(r).toBeInstanceOf(BundleError);
  if (codes) expect(codes.has((r as BundleError).code)).toBe(true);
  return r as BundleError;
};

/** Names built from the pieces that make paths dangerous, or anything at all. */
const memberName = fc.oneof(
  fc
    .array(
      fc.constantFrom(
        '..',
        '.',
        '/',
        '\\',
        '\u0000',
        'C:',
        'report.json',
        'manifest.json',
        'report.pdf',
        'é',
        '\u202e',
        ' ',
        'x',
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((p) => p.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => Buffer.from(b)),
);

const RUNS = {
  random: 3000,
  zipLike: 1000,
  truncated: 1500,
  flipped: 2500,
  names: 2000,
  sums: 1000,
  app: 300,
};

describe('the bundle reader, fed anything', () => {
  it(`refuses random bytes with a typed error (${RUNS.random} + ${RUNS.zipLike} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (b) => {
        await refusedWith(Buffer.from(b));
      }),
      { numRuns: RUNS.random, timeout: 10_000 },
    );
    // Garbage that starts like a ZIP (local header, end-of-central-directory record).
    const eocd = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 512 }),
        fc.uint8Array({ maxLength: 64 }),
        async (a, b) => {
          await refusedWith(Buffer.concat([Buffer.from('PK\x03\x04'), a, eocd, b]));
        },
      ),
      { numRuns: RUNS.zipLike, timeout: 10_000 },
    );
  }, 120_000);

  it(`refuses every truncation of a real bundle (${RUNS.truncated} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bundle.length - 1 }), async (n) => {
        await refusedWith(bundle.subarray(0, n));
      }),
      { numRuns: RUNS.truncated, timeout: 10_000 },
    );
  }, 120_000);

  it(`either refuses a bundle with flipped bytes or reads exactly what was written (${RUNS.flipped} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: bundle.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (flips) => {
          const b = Buffer.from(bundle);
          for (const [at, x] of flips) b[at] = b[at]! ^ x;
          const r = await read(b);
          // A flip in what the reader ignores (a timestamp, a local header) changes nothing it returns.
          if (!(r instanceof BundleError)) {
            expect(r.reportJson).toBe(original.reportJson);
            expect(r.manifestJson).toBe(original.manifestJson);
            expect(r.pdf.equals(original.pdf)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS.flipped, timeout: 10_000 },
    );
  }, 120_000);

  it(`refuses any other member name, placed anywhere (${RUNS.names} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        memberName,
        fc.nat({ max: 3 }),
        fc.boolean(),
        async (name, slot, replace) => {
          const entries: RawEntry[] = [
            { name: 'manifest.json', data: Buffer.from(original.manifestJson) },
            { name: 'report.json', data: parts.reportJson },
            { name: 'report.pdf', data: parts.pdf, method: 0 },
          ];
          const odd = { name, data: Buffer.from('{}') };
          if (replace && slot < 3) entries[slot] = { ...entries[slot]!, name };
          else entries.splice(slot, 0, odd);
          const raw = typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
          const members = ['manifest.json', 'report.json', 'report.pdf'];
          // Renaming a member to its own name leaves a good bundle: not this property's case.
          fc.pre(!(replace && slot < 3 && raw.equals(Buffer.from(members[slot]!))));
          await refusedWith(rawZip(entries), NAME_CODES);
        },
      ),
      { numRuns: RUNS.names, timeout: 10_000 },
    );
  }, 120_000);

  it(`refuses wrong checksums (${RUNS.sums} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1 }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        async (which, sha) => {
          fc.pre(sha !== parts.manifest.members[which]!.sha256);
          const manifest = structuredClone(parts.manifest);
          manifest.members[which]!.sha256 = sha;
          const e = await refusedWith(bundleOf({ ...parts, manifest }, { keepManifest: true }));
          expect(e.code).toBe('checksumMismatch');
          expect(e.member).toBe(which === 0 ? 'report.json' : 'report.pdf');
        },
      ),
      { numRuns: RUNS.sums, timeout: 10_000 },
    );
  }, 120_000);
});

describe('importing bad bundles through the app', () => {
  it(`answers a typed, located error and writes nothing (${RUNS.app} cases)`, async () => {
    const app = receiver.current;
    const before = contentHash(app.db);
    const count = () =>
      (app.db.prepare('SELECT count(*) AS n FROM imported_reports').get() as { n: number }).n;
    const bad = fc.oneof(
      fc.integer({ min: 0, max: bundle.length - 1 }).map((n) => bundle.subarray(0, n)),
      memberName.map((name) => bundleOf(parts, { extra: [{ name, data: Buffer.from('x') }] })),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((sha) => {
        const manifest = structuredClone(parts.manifest);
        manifest.members[1]!.sha256 =
          sha === parts.manifest.members[1]!.sha256 ? '0'.repeat(64) : sha;
        return bundleOf({ ...parts, manifest }, { keepManifest: true });
      }),
      fc.uint8Array({ maxLength: 1024 }).map((b) => Buffer.from(b)),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (bytes) => {
        const r = await app.dispatch('reports.importBundle', { fileId: upload(app, bytes).fileId });
        expect(r.ok).toBe(false);
        const error = (r as { error: ApiError }).error;
        expect(['invalid_input', 'payload_too_large']).toContain(error.code);
        expect(error.message).toMatch(/^reports:bundle\.error\.\w+$/);
        expect(error.issues?.[0]?.path).toMatch(/\S/);
        expect(count()).toBe(0);
      }),
      { numRuns: RUNS.app, timeout: 10_000 },
    );
    expect(contentHash(app.db)).toBe(before);
  }, 300_000);
});
