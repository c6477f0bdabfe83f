/**
 * Importing a report bundle: read and check it completely (bundle-read.ts) before anything is
 * written, then apply the scope rule (every customer of the report must be in the profile's scope:
 * a customer profile takes only bundles about itself), then store it read-only in one transaction.
 * A bad bundle ends with a typed error that names the problem and the member; the store is
 * untouched (docs/bundle-format.md "Opening a bundle").
 */
import { MANIFEST } from '../../../shared/bundle/format';
import { fail } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { actor, scopeCustomers } from '../scope';
import { BundleError, readBundle, type BundleContents } from './bundle-read';
import { audit } from './repo';

/** A member's name as the user can see it: quoted when blank (control characters are already U+FFFD). */
const visibleName = (name: string): string => (/\S/.test(name) ? name : JSON.stringify(name));

/** A BundleError as the API's typed, translated and located error. */
export function bundleFailure(e: BundleError): never {
  const size = e.code === 'tooLarge' || e.code === 'oversizeMember';
  const member = e.member === '' ? '' : visibleName(e.member);
  const params = { member: member || '—', ...e.params };
  // Inside a member: each field the schema refused; else the member (or the bundle) itself.
  const issues =
    e.details.length > 0
      ? e.details.map((d) => ({
          path: d.path && d.path !== e.member ? `${member}#${d.path}` : member,
          message: 'reports:bundle.issue.field',
        }))
      : [{ path: member || 'bundle', message: `reports:bundle.issue.${e.code}`, params }];
  fail(size ? 'payload_too_large' : 'invalid_input', {
    message: `reports:bundle.error.${e.code}`,
    params,
    issues,
  });
}

export async function readBundleFile(path: string): Promise<BundleContents> {
  try {
    return await readBundle({ path });
  } catch (e) {
    if (e instanceof BundleError) bundleFailure(e);
    // readBundle turns everything into a BundleError; anything else is a file we cannot read.
    fail('invalid_input', {
      message: 'reports:bundle.error.unreadable',
      issues: [{ path: 'bundle', message: 'reports:bundle.issue.unreadable' }],
    });
  }
}

export async function importBundle(
  ctx: ServiceContext,
  fileId: string,
): Promise<{ id: number; duplicate: boolean }> {
  const file = ctx.files.get(fileId);
  const contents = await readBundleFile(file.path);
  const { manifest, report } = contents;
  const ids = report.customers.map((c) => c.id);
  const scope = scopeCustomers(ctx);
  if (!ids.every((id) => scope.includes(id))) {
    fail('forbidden', {
      message: 'reports:bundle.error.outOfScope',
      issues: [{ path: MANIFEST, message: 'reports:bundle.issue.outOfScope' }],
    });
  }
  const reportSha = manifest.members[0].sha256;
  const pdfSha = manifest.members[1].sha256;
  const now = ctx.clock.now();
  const result = ctx.db.transaction(() => {
    const existing = ctx.db
      .prepare('SELECT id FROM imported_reports WHERE report_id = ? AND report_sha256 = ?')
      .get(report.reportId, reportSha) as { id: number } | undefined;
    if (existing) return { id: existing.id, duplicate: true };
    const { id } = ctx.db
      .prepare(
        `INSERT INTO imported_reports (report_id, kind, month, language, bundle_created_at,
           app_version, file_name, imported_at, imported_by, manifest, report_json, report_sha256,
           pdf, pdf_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        report.reportId,
        report.kind,
        report.month,
        report.language,
        Date.parse(manifest.createdAt),
        manifest.appVersion,
        file.name.slice(0, 255),
        now,
        actor(ctx),
        contents.manifestJson,
        contents.reportJson,
        reportSha,
        contents.pdf,
        pdfSha,
      ) as { id: number };
    const link = ctx.db.prepare(
      'INSERT INTO imported_report_customers (imported_id, customer_id) VALUES (?, ?)',
    );
    for (const c of ids) link.run(id, c);
    audit(
      ctx,
      'report.import',
      'imported_report',
      String(id),
      ids,
      `${report.reportId}:${reportSha.slice(0, 16)}`,
    );
    return { id, duplicate: false };
  })();
  if (!result.duplicate) ctx.emit('data.changed', { topics: ['reports'] });
  return result;
}
