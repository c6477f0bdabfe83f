/**
 * The report bundle (`.socdesk`, docs/bundle-format.md): a ZIP file with exactly three members —
 * `manifest.json`, `report.json` (shared/report/schema.ts) and `report.pdf` — whose manifest
 * states the SHA-256 and size of the other two. This file fixes the names, the limits a reader
 * enforces while it streams (never trusting the sizes a ZIP declares), the manifest's schema and
 * the checks of a member name. Pure: the reader itself is electron/services/reports/bundle-read.ts.
 */
import { z } from 'zod';
import { LANGUAGES } from '../catalog';
import { reportIdSchema, yearMonth } from '../report/schema';

export const BUNDLE_FORMAT = 'soc-desk.report-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = 'socdesk';

export const MANIFEST = 'manifest.json';
export const REPORT_JSON = 'report.json';
export const REPORT_PDF = 'report.pdf';
export const MEMBERS = [MANIFEST, REPORT_JSON, REPORT_PDF] as const;
export type MemberName = (typeof MEMBERS)[number];

const MiB = 1024 * 1024;

/**
 * Limits, all checked on the bytes actually read. A real report is a few hundred KiB of JSON and a
 * PDF of a few MiB; the limits leave room for a large partner's portfolio and refuse anything that
 * could exhaust memory or disk.
 */
export const LIMITS = {
  /** The bundle file itself. */
  fileBytes: 128 * MiB,
  /** Central-directory entries looked at before refusing (a bundle has 3). */
  entries: 16,
  member: { [MANIFEST]: 64 * 1024, [REPORT_JSON]: 16 * MiB, [REPORT_PDF]: 96 * MiB } as Record<
    MemberName,
    number
  >,
  /** Sum of the members' uncompressed bytes. */
  totalBytes: 112 * MiB,
  /**
   * Uncompressed / compressed bytes. JSON of a report deflates about 10:1, a PDF barely; repeated
   * zeros reach 1000:1. Checked once a member has produced `ratioAfterBytes`, so tiny members
   * (where ratios mean little) pass.
   */
  ratio: 200,
  ratioAfterBytes: MiB,
  /** A reader that has not finished by then gives up (a stalled or pathological stream). */
  timeoutMs: 60_000,
} as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const memberEntry = <N extends MemberName>(name: N) =>
  z
    .object({
      name: z.literal(name),
      size: z.number().int().min(0).max(LIMITS.member[name]),
      sha256,
    })
    .strict();

const localized = z.object({ ja: z.string().max(200), en: z.string().max(200) }).strict();

export const manifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    reportId: reportIdSchema,
    kind: z.enum(['customer', 'portfolio']),
    language: z.enum(LANGUAGES),
    customers: z
      .array(z.object({ id: z.string().min(1).max(64), name: localized }).strict())
      .min(1)
      .max(500),
    partner: z
      .object({ id: z.string().min(1).max(64), name: localized })
      .strict()
      .nullable(),
    period: z
      .object({
        month: yearMonth,
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      })
      .strict(),
    /** ISO 8601 with the +09:00 offset. */
    createdAt: z
      .string()
      .max(40)
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/),
    appVersion: z.string().min(1).max(64),
    /** Every member but the manifest itself, with its size and SHA-256 (hex). */
    members: z.tuple([memberEntry(REPORT_JSON), memberEntry(REPORT_PDF)]),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

/** What is wrong with a bundle; each is a message `reports:bundle.error.<code>`. */
export type BundleErrorCode =
  | 'notZip'
  | 'truncated'
  | 'corrupt'
  | 'tooLarge'
  | 'tooManyMembers'
  | 'unsafePath'
  | 'absolutePath'
  | 'duplicateMember'
  | 'unexpectedMember'
  | 'missingMember'
  | 'oversizeMember'
  | 'zipBomb'
  | 'encrypted'
  | 'checksumMismatch'
  | 'sizeMismatch'
  | 'manifestInvalid'
  | 'reportInvalid'
  | 'pdfInvalid'
  | 'newerVersion'
  | 'mismatch';

/**
 * Why a member name is refused, before anything is read from it: names that could escape a folder
 * if anyone ever extracted the bundle (zip slip), absolute paths, backslashes (Windows separators),
 * control characters and NUL, directories and anything not one of the three members. The reader
 * never extracts to disk, but a name it would not write is a bundle it does not trust.
 */
export function memberNameProblem(
  name: string,
): Extract<BundleErrorCode, 'unsafePath' | 'absolutePath' | 'unexpectedMember'> | null {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.startsWith('\\\\'))
    return 'absolutePath';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return 'unsafePath';
  if (name.split('/').some((part) => part === '..' || part === '.')) return 'unsafePath';
  if (!(MEMBERS as readonly string[]).includes(name)) return 'unexpectedMember';
  return null;
}

/** A member name as safe to show in a message: printable, at most 80 characters. */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '�');
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}

/** `soc-desk-report-<who>-<YYYY-MM>-<lang>.socdesk`, ASCII only (safe on every OS). */
export function bundleFileName(who: string, month: string, language: string): string {
  const safe = who.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'report';
  return `soc-desk-report-${safe}-${month}-${language}.${BUNDLE_EXTENSION}`;
}
