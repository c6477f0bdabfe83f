/**
 * Operations of the first-line desk (issue #6, 002 別紙3): the partner hears the customer with the
 * vendor's hearing sheet, answers by phone, or escalates to the second-line window with the sheet;
 * the customer prepares the same sheet before calling. Shapes of the results are in desk-types.ts.
 */
import { z } from 'zod';
import { CALLER_DECISIONS } from '../hearing-sheet/caller';
import { answerValueSchema, slug, type Template } from '../hearing-sheet/schema';
import { type FileRef, fileId } from './files';
import { op } from './op';
import { empty, entityId } from './session';
import type {
  AlertBrief,
  CustomerMatch,
  EscalationResult,
  ImportSheetResult,
  ImportTemplateResult,
  InquiryDetail,
  MailSettings,
  PackageView,
  QueueResult,
  SaveResult,
  TemplateSummary,
  VerifyResult,
} from './desk-types';

export * from './desk-types';

export const inquiryId = z.string().regex(/^(INQ|PRE)-\d{8}-[0-9A-Z]{4,8}$/, 'inquiryId');
export const packageId = z.string().regex(/^ESC-\d{8}-[0-9A-F]{8}$/, 'packageId');
const instantMs = z.number().int().min(0).max(8_640_000_000_000);
const text = (max: number) => z.string().max(max);
const language = z.enum(['ja', 'en']);
export const SECOND_LINE_STATUSES = [
  'no-incident',
  'under-investigation',
  'ongoing',
  'contained',
  'resolved',
] as const;
export const MAIL_SECURITY = ['starttls', 'tls', 'none'] as const;

export const deskOps = {
  /** The queue: the profile's inquiries, soonest first-answer deadline first (002 別紙3 2(4)①). */
  'desk.queue': op<QueueResult>()(
    z
      .object({
        customerId: entityId.nullable(),
        view: z.enum(['active', 'done', 'all']).default('active'),
      })
      .strict(),
  ),
  'desk.get': op<InquiryDetail>()(z.object({ inquiryId }).strict()),
  /** Recent alerts of a customer to link to an inquiry (plus any asked for by id). */
  'desk.alerts': op<AlertBrief[]>()(
    z
      .object({
        customerId: entityId,
        days: z.number().int().min(1).max(90).default(30),
        include: z.array(z.number().int().min(1)).max(50).default([]),
      })
      .strict(),
  ),
  /** Who is calling: the profile's customers whose company, registered contact, phone or e-mail match. */
  'desk.findCustomers': op<CustomerMatch[]>()(
    z.object({ query: z.string().trim().min(1).max(100) }).strict(),
  ),
  /** One alert the profile may see, with its customer (the desk's "new inquiry from an alert"). */
  'desk.alert': op<AlertBrief & { customerId: string }>()(
    z.object({ alertId: z.number().int().min(1) }).strict(),
  ),
  /** Partner: a call or mail received (open). Customer: a sheet prepared before calling (draft). */
  'desk.start': op<{ inquiryId: string }>()(
    z
      .object({
        customerId: entityId,
        alertIds: z.array(z.number().int().min(1)).max(50).default([]),
        channel: z.enum(['phone', 'email']).default('phone'),
        receivedAt: instantMs.optional(),
      })
      .strict(),
  ),
  /** Corrects the reception (time, channel) or the linked alerts while the inquiry is open. */
  'desk.update': op<InquiryDetail>()(
    z
      .object({
        inquiryId,
        receivedAt: instantMs.optional(),
        channel: z.enum(['phone', 'email']).optional(),
        alertIds: z.array(z.number().int().min(1)).max(50).optional(),
      })
      .strict(),
  ),
  /** The caller check against the parameter sheet's contact (002 別紙3 2(3)). */
  'desk.verifyCaller': op<VerifyResult>()(
    z
      .object({
        inquiryId,
        name: text(200),
        phone: text(40),
        email: text(254),
        decision: z.enum(CALLER_DECISIONS).optional(),
        note: text(2000).optional(),
      })
      .strict(),
  ),
  /** Autosave: the changed answers (null clears one). */
  'desk.saveAnswers': op<SaveResult>()(
    z
      .object({
        inquiryId,
        patch: z
          .record(slug, answerValueSchema.nullable())
          .refine((p) => Object.keys(p).length <= 200, { message: 'too many answers' }),
      })
      .strict(),
  ),
  /** The first line's answer by phone (002 別紙3 1(2)②, 2(4)②); closes the inquiry. */
  'desk.answer': op<InquiryDetail>()(
    z.object({ inquiryId, text: text(10_000).min(1), answeredAt: instantMs.optional() }).strict(),
  ),
  /** Builds the escalation package (002 別紙3 1(2)③): sheet, alerts, health, contracts. */
  'desk.escalate': op<EscalationResult>()(z.object({ inquiryId, language }).strict()),
  /** Prints (again) the package's PDF, e.g. after the printer was unavailable. */
  'desk.printPackage': op<{ pdf: true }>()(z.object({ packageId }).strict()),
  'desk.package': op<PackageView>()(z.object({ packageId }).strict()),
  'desk.packageFile': op<FileRef>()(
    z.object({ packageId, part: z.enum(['json', 'pdf']) }).strict(),
  ),
  /** E-mails the package to the second-line address, PDF and JSON attached. */
  'desk.sendPackage': op<{ messageId: string; at: number }>()(z.object({ packageId }).strict()),
  /** The package was saved and is sent another way. */
  'desk.recordFileDelivery': op<null>()(z.object({ packageId }).strict()),
  'desk.acknowledge': op<InquiryDetail>()(
    z.object({ inquiryId, at: instantMs.optional(), reference: text(200).optional() }).strict(),
  ),
  /** The second line's report (002 別紙3 1(3)④–⑥). */
  'desk.recordSecondLine': op<InquiryDetail>()(
    z
      .object({
        inquiryId,
        at: instantMs.optional(),
        incidentStatus: z.enum(SECOND_LINE_STATUSES),
        resolution: text(10_000).min(1),
        prevention: text(10_000),
        vendorIntroduced: z.boolean(),
        vendorName: text(200).optional(),
        insuranceRelevant: z.boolean(),
        note: text(5000).optional(),
      })
      .strict(),
  ),
  'desk.close': op<InquiryDetail>()(z.object({ inquiryId, note: text(2000).optional() }).strict()),
  /** Customer: discards a prepared sheet that was never sent. */
  'desk.discard': op<null>()(z.object({ inquiryId }).strict()),
  'desk.templates': op<TemplateSummary[]>()(empty),
  'desk.template': op<Template>()(
    z.object({ id: slug, version: z.number().int().min(1).max(1_000_000) }).strict(),
  ),
  'desk.importTemplate': op<ImportTemplateResult>()(z.object({ fileId }).strict()),
  'desk.setActiveTemplate': op<null>()(
    z.object({ id: slug, version: z.number().int().min(1).max(1_000_000) }).strict(),
  ),
  /** Customer: the prepared sheet as PDF or JSON, to send the partner another way. */
  'desk.exportSheet': op<FileRef>()(
    z.object({ inquiryId, part: z.enum(['json', 'pdf']), language }).strict(),
  ),
  /** Customer: e-mails the prepared sheet (PDF + JSON) to the partner's desk address. */
  'desk.mailSheet': op<{ messageId: string; at: number; to: string }>()(
    z.object({ inquiryId, language }).strict(),
  ),
  /** Partner: takes in a sheet a customer prepared, and continues where the customer stopped. */
  'desk.importSheet': op<ImportSheetResult>()(z.object({ fileId }).strict()),
  'desk.mailSettings': op<MailSettings>()(empty),
  'desk.saveMailSettings': op<MailSettings>()(
    z
      .object({
        host: text(253),
        port: z.number().int().min(1).max(65535),
        security: z.enum(MAIL_SECURITY),
        user: text(254),
        /** Absent keeps the stored password; null removes it. */
        password: text(1024).nullable().optional(),
        from: z.union([z.literal(''), z.email().max(254)]),
        secondLineTo: z.union([z.literal(''), z.email().max(254)]),
      })
      .strict(),
  ),
};
