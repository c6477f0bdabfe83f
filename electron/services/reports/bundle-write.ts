/**
 * Writing a report bundle (docs/bundle-format.md): `manifest.json` first (so a reader meets the
 * checksums before the data), then `report.json` (deflated) and `report.pdf` (stored: a PDF is
 * already compressed). The manifest names the format version, the report, its customers and
 * period, when and by which SOC Desk it was made, and the size and SHA-256 of the other members.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST,
  REPORT_JSON,
  REPORT_PDF,
  type Manifest,
} from '../../../shared/bundle/format';
import type { Report } from '../../../shared/report/schema';
import { toJstIso } from '../../../shared/time';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function buildManifest(input: {
  report: Report;
  reportBytes: Buffer;
  pdf: Buffer;
  createdAt: number;
  appVersion: string;
}): Manifest {
  const { report } = input;
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    reportId: report.reportId,
    kind: report.kind,
    language: report.language,
    customers: report.customers,
    partner: report.partner,
    period: { month: report.month, from: report.period.from, to: report.period.to },
    createdAt: toJstIso(input.createdAt),
    appVersion: input.appVersion.slice(0, 64) || 'unknown',
    members: [
      { name: REPORT_JSON, size: input.reportBytes.length, sha256: sha256(input.reportBytes) },
      { name: REPORT_PDF, size: input.pdf.length, sha256: sha256(input.pdf) },
    ],
  };
}

/** The bundle's bytes as a stream (tests build variants of it from the same pieces). */
export function bundleStream(
  members: Array<{ name: string; bytes: Buffer; compress: boolean }>,
  mtime: Date,
): Readable {
  const zip = new yazl.ZipFile();
  for (const m of members)
    zip.addBuffer(m.bytes, m.name, { mtime, compress: m.compress, mode: 0o100644 });
  zip.end();
  return zip.outputStream as Readable;
}

export async function writeBundle(
  path: string,
  input: { report: Report; reportJson: string; pdf: Buffer; createdAt: number; appVersion: string },
): Promise<Manifest> {
  const reportBytes = Buffer.from(input.reportJson, 'utf8');
  const manifest = buildManifest({ ...input, reportBytes });
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  // The entries' times are the report's, so the same report bundles to the same members.
  const mtime = new Date(input.report.generatedAt);
  await pipeline(
    bundleStream(
      [
        { name: MANIFEST, bytes: manifestBytes, compress: true },
        { name: REPORT_JSON, bytes: reportBytes, compress: true },
        { name: REPORT_PDF, bytes: input.pdf, compress: false },
      ],
      mtime,
    ),
    createWriteStream(path, { mode: 0o600 }),
  );
  return manifest;
}
