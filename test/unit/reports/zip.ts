/**
 * Bundle bytes for tests, without vitest (test/fixtures/bundles/make.ts uses it too): a stand-in
 * PDF, and a raw ZIP writer that can write what no ZIP library would — any name bytes, lying
 * sizes, flags, duplicate entries — for the refusal tests of the bundle reader.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

/** The smallest PDF the reader accepts: its header and end marker. */
export const FAKE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
  'latin1',
);

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  flags?: number;
  /** The uncompressed size to declare (default: the real one). */
  declaredSize?: number;
  crc?: number;
  extra?: Buffer;
}

/** A ZIP file written byte by byte (local headers, central directory, end record). */
export function rawZip(entries: RawEntry[], opts: { entryCount?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const crc = e.crc ?? crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const extra = e.extra ?? Buffer.alloc(0);
    const flags = e.flags ?? 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, body);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = opts.entryCount ?? entries.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The three members of a real bundle made by the app. */
export interface Parts {
  manifest: Record<string, unknown> & {
    members: Array<{ name: string; size: number; sha256: string }>;
  };
  report: Record<string, unknown>;
  reportJson: Buffer;
  pdf: Buffer;
}

/** A bundle from parts, with the manifest's sizes and checksums made to match (unless `keep`). */
export function bundleOf(
  parts: Parts,
  opts: { keepManifest?: boolean; names?: [string, string, string]; extra?: RawEntry[] } = {},
): Buffer {
  const manifest = opts.keepManifest
    ? parts.manifest
    : {
        ...parts.manifest,
        members: [
          { name: 'report.json', size: parts.reportJson.length, sha256: sha256(parts.reportJson) },
          { name: 'report.pdf', size: parts.pdf.length, sha256: sha256(parts.pdf) },
        ],
      };
  const [m, r, p] = opts.names ?? ['manifest.json', 'report.json', 'report.pdf'];
  return rawZip([
    { name: m, data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: r, data: parts.reportJson },
    { name: p, data: parts.pdf, method: 0 },
    ...(opts.extra ?? []),
  ]);
}
