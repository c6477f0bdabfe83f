/**
 * Reading a report bundle (docs/bundle-format.md) from another SOC Desk, trusting nothing in it:
 * - the ZIP's central directory is read entry by entry (yauzl, names as raw bytes): at most
 *   LIMITS.entries entries, each name printable ASCII, not absolute, no `..`, no backslash, one of
 *   the three members, no duplicates, nothing encrypted;
 * - each member is inflated as a stream while its real bytes are counted against its own limit,
 *   the bundle's total and the compression ratio, and aborted the moment one is passed — the sizes
 *   the ZIP declares are never relied on; the CRC-32 of every member is checked, and the SHA-256 and
 *   size of the report and the PDF against the manifest;
 * - the manifest and the report are parsed with their versioned schemas, and must agree.
 * Every refusal is a BundleError with its code and the member it concerns. Nothing is written here:
 * the caller stores a bundle only once this has returned.
 */
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import {
  BUNDLE_FORMAT_VERSION,
  LIMITS,
  MANIFEST,
  MEMBERS,
  REPORT_JSON,
  REPORT_PDF,
  displayName,
  manifestSchema,
  memberNameProblem,
  type BundleErrorCode,
  type Manifest,
  type MemberName,
} from '../../../shared/bundle/format';
import { reportSchema, type Report } from '../../../shared/report/schema';

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    /** The member concerned (printable), or '' for the bundle as a whole. */
    readonly member = '',
    readonly params: Record<string, string | number> = {},
    /** Located problems inside a member (JSON paths), for invalid manifests and reports. */
    readonly details: Array<{ path: string; message: string }> = [],
  ) {
    super(`bundle ${code}${member ? ` (${member})` : ''}`);
    this.name = 'BundleError';
  }
}

export interface BundleContents {
  manifest: Manifest;
  manifestJson: string;
  report: Report;
  reportJson: string;
  pdf: Buffer;
}

export type BundleSource = { path: string } | { buffer: Buffer };

const MiB = 1024 * 1024;

function open(source: BundleSource): Promise<ZipFile> {
  const options = {
    lazyEntries: true,
    autoClose: false,
    // Names stay raw bytes: this file decides what a safe name is.
    decodeStrings: false,
    // Sizes are counted here while streaming, never taken from the ZIP.
    validateEntrySizes: false,
  };
  return 'path' in source
    ? yauzl.openPromise(source.path, options)
    : yauzl.fromBufferPromise(source.buffer, options);
}

/** Whether the data starts like a ZIP (a local file header): tells "cut short" from "not a ZIP". */
function startsLikeZip(source: BundleSource): boolean {
  const head = Buffer.alloc(4);
  if ('buffer' in source) source.buffer.copy(head, 0, 0, 4);
  else {
    const fd = openSync(source.path, 'r');
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
  }
  return head.readUInt32LE(0) === 0x04034b50;
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (e: Error) => (cleanup(), reject(e));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** The member a central-directory entry names, or the reason it is refused. */
function memberOf(entry: Entry, seen: Set<string>): MemberName {
  const raw = entry.fileName as unknown as Buffer;
  const shown = displayName(raw.toString('latin1'));
  // Printable ASCII only: no NUL, no control characters, no look-alike Unicode.
  if (raw.length === 0 || raw.some((b) => b < 0x20 || b > 0x7e)) {
    throw new BundleError('unsafePath', shown);
  }
  const name = raw.toString('ascii');
  // An Info-ZIP Unicode Path field (0x7075) could give extractors another name than the one read.
  if (entry.extraFields.some((f) => f.id === 0x7075)) throw new BundleError('unsafePath', shown);
  const problem = memberNameProblem(name);
  if (problem) throw new BundleError(problem, shown);
  if (seen.has(name)) throw new BundleError('duplicateMember', shown);
  seen.add(name);
  if ((entry.generalPurposeBitFlag & 0x41) !== 0) throw new BundleError('encrypted', shown);
  return name as MemberName;
}

interface Budget {
  total: number;
}

/** Inflates one member, counting real bytes against every limit while they stream. */
async function readMember(zip: ZipFile, entry: Entry, name: MemberName, budget: Budget) {
  const limit = LIMITS.member[name];
  // A declared size over the limit is refused before reading (the real bytes are checked anyway).
  if (entry.uncompressedSize > limit) {
    throw new BundleError('oversizeMember', name, { limit: Math.round(limit / MiB) || 1 });
  }
  const stream = await zip.openReadStreamPromise(entry).catch(() => {
    // An unknown compression method, a local header that does not fit the file…
    throw new BundleError('corrupt', name);
  });
  const chunks: Buffer[] = [];
  const sha = createHash('sha256');
  let size = 0;
  let crc = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      size += chunk.length;
      budget.total += chunk.length;
      if (size > limit) {
        return done(
          new BundleError('oversizeMember', name, { limit: Math.round(limit / MiB) || 1 }),
        );
      }
      if (budget.total > LIMITS.totalBytes) {
        return done(
          new BundleError('tooLarge', '', { limit: Math.round(LIMITS.totalBytes / MiB) }),
        );
      }
      if (
        size > LIMITS.ratioAfterBytes &&
        size / Math.max(1, entry.compressedSize) > LIMITS.ratio
      ) {
        return done(new BundleError('zipBomb', name));
      }
      sha.update(chunk);
      crc = crc32(chunk, crc);
      chunks.push(chunk);
      done();
    },
  });
  try {
    await pipeline(stream, sink);
  } catch (e) {
    throw e instanceof BundleError ? e : new BundleError('corrupt', name);
  }
  // The ZIP's own checks of what was really inflated: its size, then its CRC-32.
  if (size !== entry.uncompressedSize) throw new BundleError('corrupt', name);
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new BundleError('checksumMismatch', name);
  return { bytes: Buffer.concat(chunks, size), sha256: sha.digest('hex'), size };
}

const located = (error: { issues: Array<{ path: PropertyKey[]; message: string }> }) =>
  error.issues
    .slice(0, 20)
    .map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

function parseJson(bytes: Buffer, member: MemberName, code: 'manifestInvalid' | 'reportInvalid') {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, value: JSON.parse(text) as unknown };
  } catch {
    throw new BundleError(code, member, {}, [{ path: member, message: 'json' }]);
  }
}

async function readAll(zip: ZipFile): Promise<BundleContents> {
  if (zip.entryCount > LIMITS.entries) {
    throw new BundleError('tooManyMembers', '', { limit: MEMBERS.length });
  }
  const entries = new Map<MemberName, Entry>();
  const seen = new Set<string>();
  for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
    if (seen.size >= LIMITS.entries)
      throw new BundleError('tooManyMembers', '', { limit: MEMBERS.length });
    entries.set(memberOf(entry, seen), entry);
  }
  for (const name of MEMBERS) if (!entries.has(name)) throw new BundleError('missingMember', name);

  const budget: Budget = { total: 0 };
  const m = await readMember(zip, entries.get(MANIFEST)!, MANIFEST, budget);
  const manifestRaw = parseJson(m.bytes, MANIFEST, 'manifestInvalid');
  const version = (manifestRaw.value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BUNDLE_FORMAT_VERSION) {
    throw new BundleError('newerVersion', MANIFEST, { version });
  }
  const parsedManifest = manifestSchema.safeParse(manifestRaw.value);
  if (!parsedManifest.success) {
    throw new BundleError('manifestInvalid', MANIFEST, {}, located(parsedManifest.error));
  }
  const manifest = parsedManifest.data;

  const parts = new Map<MemberName, Awaited<ReturnType<typeof readMember>>>();
  for (const expected of manifest.members) {
    const part = await readMember(zip, entries.get(expected.name)!, expected.name, budget);
    if (part.size !== expected.size) throw new BundleError('sizeMismatch', expected.name);
    if (part.sha256 !== expected.sha256) throw new BundleError('checksumMismatch', expected.name);
    parts.set(expected.name, part);
  }

  const reportRaw = parseJson(parts.get(REPORT_JSON)!.bytes, REPORT_JSON, 'reportInvalid');
  const rv = (reportRaw.value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof rv === 'number' && rv > 1)
    throw new BundleError('newerVersion', REPORT_JSON, { version: rv });
  const parsedReport = reportSchema.safeParse(reportRaw.value);
  if (!parsedReport.success) {
    throw new BundleError('reportInvalid', REPORT_JSON, {}, located(parsedReport.error));
  }
  const report = parsedReport.data;
  const pdf = parts.get(REPORT_PDF)!.bytes;
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-' || !tail.includes('%%EOF')) {
    throw new BundleError('pdfInvalid', REPORT_PDF);
  }
  agree(manifest, report);
  return { manifest, manifestJson: manifestRaw.text, report, reportJson: reportRaw.text, pdf };
}

/** The manifest describes the report it carries: the same id, kind, language, period, customers. */
function agree(manifest: Manifest, report: Report): void {
  const same =
    manifest.reportId === report.reportId &&
    manifest.kind === report.kind &&
    manifest.language === report.language &&
    manifest.period.month === report.month &&
    manifest.period.from === report.period.from &&
    manifest.period.to === report.period.to &&
    JSON.stringify(manifest.customers.map((c) => c.id)) ===
      JSON.stringify(report.customers.map((c) => c.id)) &&
    (manifest.partner?.id ?? null) === (report.partner?.id ?? null);
  if (!same) throw new BundleError('mismatch', REPORT_JSON);
}

/** Maps what yauzl throws while opening or listing to a bundle error. */
function zipError(e: unknown, source: BundleSource): BundleError {
  if (e instanceof BundleError) return e;
  const message = e instanceof Error ? e.message : '';
  if (/strong encryption/.test(message)) return new BundleError('encrypted');
  if (/end of central directory|central directory file header|overflows|EOF/i.test(message)) {
    return new BundleError(startsLikeZip(source) ? 'truncated' : 'notZip');
  }
  return new BundleError('corrupt');
}

/** Reads and checks a whole bundle, or throws a BundleError (never anything else). */
export async function readBundle(source: BundleSource): Promise<BundleContents> {
  const size = 'path' in source ? statSync(source.path).size : source.buffer.length;
  if (size > LIMITS.fileBytes) {
    throw new BundleError('tooLarge', '', { limit: Math.round(LIMITS.fileBytes / MiB) });
  }
  if (size < 22) throw new BundleError(size >= 4 && startsLikeZip(source) ? 'truncated' : 'notZip');
  const opened: { zip: ZipFile | null } = { zip: null };
  let timer: NodeJS.Timeout | undefined;
  const work = (async () => {
    const zip = await open(source);
    opened.zip = zip;
    // Late errors (a stream abandoned after a refusal) must not become uncaught 'error' events.
    zip.on('error', () => undefined);
    return await readAll(zip);
  })();
  // Whichever loses the race below still settles; its outcome is no longer wanted.
  work.catch(() => undefined);
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BundleError('corrupt')), LIMITS.timeoutMs);
    });
    return await Promise.race([work, timeout]);
  } catch (e) {
    throw zipError(e, source);
  } finally {
    clearTimeout(timer);
    opened.zip?.close();
  }
}
