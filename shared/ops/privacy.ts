/**
 * Operations of personal-data protection (issue #8 "Tenant isolation and privacy"): how long the
 * desk keeps the personal data of closed inquiries (hearing sheets, caller checks, notes, escalation
 * packages), deleting it on request, and erasing a customer's registered contact. Hearing sheets
 * hold personal data (002 第10条, 第11条); the rules are in docs/privacy.md.
 */
import { z } from 'zod';
import { op } from './op';
import { inquiryId } from './desk';
import { empty, entityId } from './session';

/** What replaces a deleted value: readable in both languages, and not a plausible real value. */
export const REDACTED = '[削除済み / deleted]';

/**
 * Retention in whole months (民法第143条 periods, docs/privacy.md). At least 1, at most 10 years:
 * longer than any term in the seeds, so a typo such as 1200 is refused instead of meaning "never".
 */
export const RETENTION_MIN_MONTHS = 1;
export const RETENTION_MAX_MONTHS = 120;
export const retentionMonths = z.number().int().min(RETENTION_MIN_MONTHS).max(RETENTION_MAX_MONTHS);

export type RedactionReason = 'retention' | 'request';

export interface PrivacySettings {
  /** null: off (the default) — nothing is deleted automatically. */
  retentionMonths: number | null;
  lastPurgeAt: number | null;
  lastPurgeCount: number | null;
  /** The profile may change the setting and delete (a sales partner: the desk's owner). */
  manageable: boolean;
}

export interface PurgePreview {
  months: number;
  /** Closed inquiries whose personal data a purge would delete now. */
  inquiries: number;
  /** The last closing day (JST) whose retention has ended; null when none could be. */
  closedOnOrBefore: string;
}

export interface RedactionInfo {
  inquiryId: string;
  at: number;
  reason: RedactionReason;
}

export interface CallerMatches {
  /** Closed inquiries of the person (their data can be deleted now), newest first. */
  closed: string[];
  /** Inquiries still being handled: deleted once they are closed. */
  active: string[];
}

const person = z
  .object({
    name: z.string().trim().max(200).default(''),
    phone: z.string().trim().max(40).default(''),
    email: z.string().trim().max(254).default(''),
  })
  .strict()
  .refine((p) => p.name !== '' || p.phone !== '' || p.email !== '', {
    message: 'privacy:error.personEmpty',
    path: ['name'],
  });

export const privacyOps = {
  'privacy.settings': op<PrivacySettings>()(empty),
  /** Partner: sets (or with null turns off) the retention of closed inquiries' personal data. */
  'privacy.setRetention': op<PrivacySettings>()(
    z.object({ months: retentionMonths.nullable() }).strict(),
  ),
  /** Partner: how many closed inquiries a purge with `months` would reach today. */
  'privacy.preview': op<PurgePreview>()(z.object({ months: retentionMonths }).strict()),
  /** Partner: runs the purge now with the saved setting (the app also runs it daily). */
  'privacy.purge': op<{ redacted: number }>()(empty),
  /** Whether and why an inquiry's personal data was deleted (null: it was not). */
  'privacy.inquiry': op<RedactionInfo | null>()(z.object({ inquiryId }).strict()),
  /** Deletes one closed inquiry's personal data on request. */
  'privacy.eraseInquiry': op<RedactionInfo>()(z.object({ inquiryId }).strict()),
  /** Partner: the inquiries of a caller, by name, phone or e-mail (any that is given matches). */
  'privacy.findCaller': op<CallerMatches>()(person),
  /** Partner: deletes a caller's personal data from all their closed inquiries. */
  'privacy.eraseCaller': op<{ redacted: number; active: number }>()(person),
  /** Partner: erases a customer's registered contact (name, kana, phone, e-mail). */
  'privacy.eraseContact': op<null>()(z.object({ customerId: entityId }).strict()),
};
