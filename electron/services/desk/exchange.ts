/**
 * The customer's side: a sheet prepared before calling leaves as PDF + JSON (a file, or an e-mail
 * to the partner's desk address), and the partner takes the JSON in and continues the same sheet
 * as a received inquiry (002 別紙3 2(2): reception by phone and e-mail).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { FileRef } from '../../../shared/api';
import type { ImportSheetResult } from '../../../shared/ops/desk';
import {
  PREPARED_FORMAT,
  PREPARED_FORMAT_VERSION,
  checkAnswers,
  jsonValueLines,
  lineOf,
  preparedSheetSchema,
  syntaxErrorLine,
  templateProblems,
  type PreparedSheet,
} from '../../../shared/hearing-sheet';
import { fail, type Issue } from '../../../shared/result';
import { toJstIso } from '../../../shared/time';
import type { ServiceContext } from '../context';
import { printPdf } from '../pdf';
import { resolveCustomers } from '../scope';
import { withPrefill } from './inquiries';
import { sendMail } from './mail';
import { receptionClock } from '../../../shared/hearing-sheet/reception';
import { customerRecord, linkedAlertRows, type AlertRow } from './records';
import {
  audit,
  loadInquiry,
  newInquiryId,
  parseAnswers,
  profileSide,
  requireStatus,
  type InquiryRow,
} from './repo';
import { getTemplate, storeTemplate } from './templates';

export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

function customerRow(ctx: ServiceContext, id: string): InquiryRow {
  const row = loadInquiry(ctx, id);
  if (row.side !== 'customer') fail('forbidden');
  requireStatus(row, 'draft', 'sent');
  return row;
}

export function preparedSheet(ctx: ServiceContext, row: InquiryRow): PreparedSheet {
  const customer = customerRecord(ctx, row.customer_id);
  return {
    format: PREPARED_FORMAT,
    formatVersion: PREPARED_FORMAT_VERSION,
    sheetId: row.id,
    preparedAt: toJstIso(row.created_at),
    exportedAt: toJstIso(ctx.clock.now()),
    customer: { id: customer.id, name: { ja: customer.nameJa, en: customer.nameEn } },
    alerts: linkedAlertRows(ctx, row.id).map((a) => ({
      source: a.source,
      sourceId: a.source_id,
      title: { ja: a.title_ja, en: a.title_en },
    })),
    template: getTemplate(ctx, row.template_id, row.template_version),
    answers: parseAnswers(row),
  };
}

const sheetRoute = (id: string, language: 'ja' | 'en') =>
  `/print/desk/sheet/${id}?lang=${language}`;

function markSent(ctx: ServiceContext, row: InquiryRow, via: 'email' | 'file'): void {
  const now = ctx.clock.now();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `UPDATE inquiries SET status = 'sent', sent_at = ?, sent_via = ?, updated_at = ? WHERE id = ?`,
      )
      .run(now, via, now, row.id);
    audit(ctx, row, 'sheet.sent', row.status, via, now);
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
}

export async function exportSheet(
  ctx: ServiceContext,
  input: { inquiryId: string; part: 'json' | 'pdf'; language: 'ja' | 'en' },
): Promise<FileRef> {
  const row = customerRow(ctx, input.inquiryId);
  const bytes =
    input.part === 'json'
      ? Buffer.from(`${JSON.stringify(preparedSheet(ctx, row), null, 2)}\n`, 'utf8')
      : Buffer.from(await printPdf(ctx, sheetRoute(row.id, input.language)));
  const out = ctx.files.createOutput(`${row.id}.${input.part}`, [row.customer_id]);
  writeFileSync(out.path, bytes, { mode: 0o600 });
  // The JSON is what the partner takes in: exporting it is sending the sheet another way.
  if (input.part === 'json') markSent(ctx, row, 'file');
  return out.commit();
}

export async function mailSheet(
  ctx: ServiceContext,
  input: { inquiryId: string; language: 'ja' | 'en' },
): Promise<{ messageId: string; at: number; to: string }> {
  const row = customerRow(ctx, input.inquiryId);
  const customer = customerRecord(ctx, row.customer_id);
  const to = customer.partner.deskEmail;
  if (!to) fail('unavailable', { message: 'desk:mail.error.noPartnerDesk' });
  const pdf = Buffer.from(await printPdf(ctx, sheetRoute(row.id, input.language)));
  const json = `${JSON.stringify(preparedSheet(ctx, row), null, 2)}\n`;
  const { messageId } = await sendMail(ctx, {
    to,
    subject: `【お問い合わせ】${customer.nameJa} ヒアリングシート ${row.id}`,
    text: [
      `${customer.partner.nameJa} 一次受付窓口 ご担当者様`,
      '',
      `${customer.nameJa}です。お問い合わせの前に、ヒアリングシートを記入しましたのでお送りします。`,
      '添付の JSON は SOC Desk の「ヒアリングシートを取り込む」でそのまま取り込めます。',
      '',
      `シート番号: ${row.id}`,
      '',
      '— SOC Desk',
    ].join('\n'),
    attachments: [
      { filename: `${row.id}.pdf`, content: pdf, contentType: 'application/pdf' },
      { filename: `${row.id}.json`, content: json, contentType: 'application/json' },
    ],
  });
  markSent(ctx, row, 'email');
  return { messageId, at: ctx.clock.now(), to };
}

function located(
  text: string,
  issues: Array<{
    path: Array<string | number>;
    message: string;
    params?: Record<string, string | number>;
  }>,
): Issue[] {
  const lines = jsonValueLines(text);
  return issues.slice(0, 50).map((i) => {
    const line = lineOf(lines, i.path);
    return {
      path: i.path.join('.') || '(file)',
      message: i.message,
      ...(line !== undefined ? { line } : {}),
      ...(i.params ? { params: i.params } : {}),
    };
  });
}

/** Reads and checks a prepared sheet: all of it or nothing, problems located by line. */
function readPrepared(path: string): PreparedSheet {
  if (statSync(path).size > MAX_SHEET_BYTES)
    fail('payload_too_large', { params: { limit: MAX_SHEET_BYTES } });
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const line = syntaxErrorLine(text, e);
    fail('invalid_input', {
      message: 'desk:error.badSheet',
      issues: [{ path: '(file)', message: 'errors:issue.not_json', ...(line ? { line } : {}) }],
    });
  }
  const parsed = preparedSheetSchema.safeParse(value);
  if (!parsed.success)
    fail('invalid_input', {
      message: 'desk:error.badSheet',
      issues: located(
        text,
        parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
          message: `errors:issue.${i.code}`,
        })),
      ),
    });
  const sheet = parsed.data;
  const problems = [
    ...templateProblems(sheet.template).map((p) => ({ ...p, path: ['template', ...p.path] })),
    ...checkAnswers(sheet.template, sheet.answers).map((i) => ({
      path: ['answers', i.questionId],
      message: `desk:sheet.issue.${i.code}`,
      ...(i.params ? { params: i.params } : {}),
    })),
  ];
  if (problems.length > 0)
    fail('invalid_input', { message: 'desk:error.badSheet', issues: located(text, problems) });
  return sheet;
}

export function importSheet(ctx: ServiceContext, fileId: string): ImportSheetResult {
  if (profileSide(ctx) !== 'partner') fail('forbidden');
  const sheet = readPrepared(ctx.files.get(fileId).path);
  const [customerId] = resolveCustomers(ctx, sheet.customer.id);
  if (!customerId) fail('forbidden');
  const existing = ctx.db
    .prepare(`SELECT id FROM inquiries WHERE side = 'partner' AND imported_from = ?`)
    .get(sheet.sheetId) as { id: string } | undefined;
  if (existing) return { inquiryId: existing.id, alreadyImported: true, unmatchedAlerts: [] };
  const now = ctx.clock.now();
  const id = newInquiryId('partner', now);
  const find = ctx.db.prepare(
    'SELECT * FROM alerts WHERE source = ? AND source_id = ? AND customer_id = ?',
  );
  const alerts: AlertRow[] = [];
  const unmatched: string[] = [];
  for (const a of sheet.alerts) {
    const row = find.get(a.source, a.sourceId, customerId) as AlertRow | undefined;
    if (row) alerts.push(row);
    else unmatched.push(a.sourceId);
  }
  ctx.db.transaction(() => {
    storeTemplate(ctx, sheet.template, 'with-sheet');
    // Received now, by e-mail (002 別紙3 2(2)); the desk corrects it if the mail came earlier.
    const clock = receptionClock(now);
    const answers = withPrefill(
      sheet.template,
      sheet.answers,
      customerRecord(ctx, customerId),
      alerts,
      {
        receivedAt: now,
      },
    );
    ctx.db
      .prepare(
        `INSERT INTO inquiries (id, customer_id, side, status, channel, received_at, reception_day, due_at,
           received_outside, template_id, template_version, answers, imported_from, created_at, updated_at)
         VALUES (?, ?, 'partner', 'open', 'email', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        customerId,
        clock.receivedAt,
        clock.receptionDay,
        clock.dueAt,
        clock.receivedOutside,
        sheet.template.id,
        sheet.template.version,
        JSON.stringify(answers),
        sheet.sheetId,
        now,
        now,
      );
    const link = ctx.db.prepare(
      'INSERT OR IGNORE INTO inquiry_alerts (inquiry_id, alert_id, position) VALUES (?, ?, ?)',
    );
    alerts.forEach((a, i) => link.run(id, a.id, i));
    audit(ctx, { id, customer_id: customerId }, 'inquiry.imported', null, 'open', now);
    if (clock.receivedOutside)
      audit(
        ctx,
        { id, customer_id: customerId },
        'reception.outside-hours',
        null,
        clock.receivedOutside,
        now,
      );
  })();
  ctx.emit('data.changed', { topics: ['inquiries'] });
  return { inquiryId: id, alreadyImported: false, unmatchedAlerts: unmatched };
}
