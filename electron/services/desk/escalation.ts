/**
 * Escalation to the second-line window (002 別紙3 1(2)③): one action builds the package and stores
 * it; the PDF is printed when a printer exists (and can be printed again later); sending by e-mail
 * or saving the files is a separate, repeatable step, so a failed send never loses the package.
 */
import { writeFileSync } from 'node:fs';
import type { FileRef } from '../../../shared/api';
import type { EscalationResult, PackageView } from '../../../shared/ops/desk';
import { validateForEscalation, type EscalationPackage } from '../../../shared/hearing-sheet';
import { ApiFailure, fail, type ApiError } from '../../../shared/result';
import { formatDateTime } from '../../../shared/time';
import type { ServiceContext } from '../context';
import { printPdf } from '../pdf';
import { scopeCustomers } from '../scope';
import { mailErrorKey, secondLineAddress, sendMail } from './mail';
import { buildPackage, serializePackage } from './package';
import { audit, loadInquiry, newPackageId, parseAnswers, profileSide, requireStatus } from './repo';
import { getTemplate } from './templates';

interface PackageRow {
  id: string;
  inquiry_id: string;
  customer_id: string;
  built_at: number;
  language: 'ja' | 'en';
  json: string;
  sha256: string;
  pdf: Buffer | null;
}

/** A package the partner profile may see, or `not_found`. */
function loadPackage(ctx: ServiceContext, id: string): PackageRow {
  if (profileSide(ctx) !== 'partner') fail('not_found');
  const row = ctx.db.prepare('SELECT * FROM escalation_packages WHERE id = ?').get(id) as
    PackageRow | undefined;
  if (!row || !scopeCustomers(ctx).includes(row.customer_id)) fail('not_found');
  return row;
}

export const packageRoute = (id: string) => `/print/desk/package/${id}`;

/** Prints the package's PDF and keeps it; a typed error when no printer can. */
async function printPackagePdf(ctx: ServiceContext, row: PackageRow): Promise<Buffer> {
  const pdf = Buffer.from(await printPdf(ctx, packageRoute(row.id), { pageNumbers: true }));
  ctx.db.prepare('UPDATE escalation_packages SET pdf = ? WHERE id = ?').run(pdf, row.id);
  return pdf;
}

export async function escalate(
  ctx: ServiceContext,
  input: { inquiryId: string; language: 'ja' | 'en' },
): Promise<EscalationResult> {
  const row = loadInquiry(ctx, input.inquiryId);
  if (row.side !== 'partner') fail('forbidden');
  requireStatus(row, 'open');
  if (row.caller_decision === null || row.caller_decision === 'refused')
    fail('conflict', { message: 'desk:error.callerNotVerified' });
  // Required answers first: the second line must be able to start from the sheet alone.
  const template = getTemplate(ctx, row.template_id, row.template_version);
  const issues = validateForEscalation(template, parseAnswers(row));
  if (issues.length > 0)
    fail('invalid_input', {
      message: 'desk:error.sheetIncomplete',
      issues: issues.map((i) => ({
        path: i.questionId,
        message: `desk:sheet.issue.${i.code}`,
        ...(i.params ? { params: i.params } : {}),
      })),
    });
  const now = ctx.clock.now();
  const packageId = newPackageId(now);
  const { json, sha256 } = serializePackage(buildPackage(ctx, row, packageId, input.language, now));
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO escalation_packages (id, inquiry_id, customer_id, built_at, language, json, sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(packageId, row.id, row.customer_id, now, input.language, json, sha256);
    ctx.db
      .prepare(
        `UPDATE inquiries SET status = 'escalated', package_id = ?, escalated_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(packageId, now, now, row.id);
    audit(ctx, row, 'inquiry.escalated', row.status, packageId, now);
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  let pdfError: ApiError | null = null;
  try {
    await printPackagePdf(ctx, loadPackage(ctx, packageId));
  } catch (e) {
    if (!(e instanceof ApiFailure)) throw e;
    pdfError = e.error;
  }
  return { packageId, sha256, pdf: pdfError === null, pdfError };
}

export async function printPackage(ctx: ServiceContext, packageId: string): Promise<{ pdf: true }> {
  await printPackagePdf(ctx, loadPackage(ctx, packageId));
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return { pdf: true };
}

export function packageView(ctx: ServiceContext, packageId: string): PackageView {
  const row = loadPackage(ctx, packageId);
  return {
    packageId: row.id,
    sha256: row.sha256,
    builtAt: row.built_at,
    language: row.language,
    content: JSON.parse(row.json) as EscalationPackage,
  };
}

/** The stored PDF, printing it first if it is missing. */
async function pdfOf(ctx: ServiceContext, row: PackageRow): Promise<Buffer> {
  return row.pdf ?? (await printPackagePdf(ctx, row));
}

export async function packageFile(
  ctx: ServiceContext,
  input: { packageId: string; part: 'json' | 'pdf' },
): Promise<FileRef> {
  const row = loadPackage(ctx, input.packageId);
  const bytes = input.part === 'json' ? Buffer.from(row.json, 'utf8') : await pdfOf(ctx, row);
  const out = ctx.files.createOutput(`${row.id}.${input.part}`, [row.customer_id]);
  writeFileSync(out.path, bytes, { mode: 0o600 });
  return out.commit();
}

function recordDelivery(
  ctx: ServiceContext,
  row: PackageRow,
  method: 'smtp' | 'file',
  error: string | null,
  messageId: string | null,
): number {
  const at = ctx.clock.now();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        'INSERT INTO escalation_deliveries (package_id, at, method, ok, error, message_id) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(row.id, at, method, error === null ? 1 : 0, error, messageId);
    audit(
      ctx,
      { id: row.inquiry_id, customer_id: row.customer_id },
      error === null ? 'package.delivered' : 'package.delivery-failed',
      null,
      `${method}:${row.id}`,
      at,
    );
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return at;
}

export async function sendPackage(
  ctx: ServiceContext,
  packageId: string,
): Promise<{ messageId: string; at: number }> {
  const row = loadPackage(ctx, packageId);
  const pkg = JSON.parse(row.json) as EscalationPackage;
  try {
    const to = secondLineAddress(ctx);
    const pdf = await pdfOf(ctx, row);
    const { messageId } = await sendMail(ctx, {
      to,
      subject: `【エスカレーション】${pkg.customer.name.ja} 様 ${row.id}`,
      text: packageMailText(pkg, row.sha256),
      attachments: [
        { filename: `${row.id}.pdf`, content: pdf, contentType: 'application/pdf' },
        { filename: `${row.id}.json`, content: row.json, contentType: 'application/json' },
      ],
    });
    return { messageId, at: recordDelivery(ctx, row, 'smtp', null, messageId) };
  } catch (e) {
    // Every failed attempt is recorded; the package stays as it was, ready for the next try.
    const key = e instanceof ApiFailure ? e.error.message : mailErrorKey(e);
    recordDelivery(ctx, row, 'smtp', key, null);
    throw e;
  }
}

export function recordFileDelivery(ctx: ServiceContext, packageId: string): null {
  recordDelivery(ctx, loadPackage(ctx, packageId), 'file', null, null);
  return null;
}

/**
 * The mail's body, in Japanese (the desk's language, 002 別紙3 2(2)). It names the package and the
 * SHA-256 of the attached JSON; the sheet's personal data travels only in the attachments.
 */
export function packageMailText(pkg: EscalationPackage, sha256: string): string {
  const due = pkg.inquiry.firstAnswerDue
    ? formatDateTime(Date.parse(pkg.inquiry.firstAnswerDue))
    : '—';
  const received = pkg.inquiry.receivedAt
    ? formatDateTime(Date.parse(pkg.inquiry.receivedAt))
    : '—';
  return [
    '二次受付窓口 ご担当者様',
    '',
    `${pkg.partner.name.ja}（一次受付窓口）です。`,
    '下記のお問い合わせについて、インシデント対応支援サービスの二次受付窓口へエスカレーションいたします（002 別紙3 1(2)③）。',
    'ヒアリングシートを含むエスカレーション票（PDF）と、同じ内容の JSON を添付しております。',
    '',
    `エスカレーション ID: ${pkg.packageId}`,
    `JSON の SHA-256: ${sha256}`,
    `お客さま: ${pkg.customer.name.ja}`,
    `お問い合わせ番号: ${pkg.inquiry.id}`,
    `受付日時: ${received}`,
    `一次回答期限: ${due}`,
    `対象アラート: ${pkg.alerts.map((a) => a.sourceId).join(', ') || 'なし'}`,
    '',
    `一次受付窓口 電話: ${pkg.partner.deskPhone} / メール: ${pkg.partner.deskEmail}`,
    '',
    '— SOC Desk',
  ].join('\n');
}
