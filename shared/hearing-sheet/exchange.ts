/**
 * The two files that leave SOC Desk with a hearing sheet:
 * - the escalation package to the second-line window (002 別紙3 1(2)③ "ヒアリングシートを二次受付
 *   窓口と共有する"), JSON beside a PDF of the same content; the PDF prints the package id and the
 *   SHA-256 of the JSON file, so the second line can tell that both belong together;
 * - a sheet a customer prepared before calling, which the partner imports and continues.
 * Both embed the template they were filled with, so the reader needs nothing else to render them.
 */
import { z } from 'zod';
import type { Language } from '../catalog';
import {
  answersSchema,
  templateSchema,
  type Answers,
  type Localized,
  type Template,
} from './schema';

export const PACKAGE_FORMAT = 'soc-desk.escalation-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const PREPARED_FORMAT = 'soc-desk.prepared-hearing-sheet';
export const PREPARED_FORMAT_VERSION = 1;

/** One answered question as read: the label and the answer in both languages. */
export interface RenderedAnswer {
  questionId: string;
  label: Localized;
  value: string | string[];
  display: Localized;
}

export interface EscalationPackage {
  format: typeof PACKAGE_FORMAT;
  formatVersion: typeof PACKAGE_FORMAT_VERSION;
  packageId: string;
  builtAt: string;
  /** 002 別紙3 1(2)③ */
  basis: string;
  language: Language;
  partner: { id: string; name: Localized; deskPhone: string; deskEmail: string };
  customer: {
    id: string;
    name: Localized;
    industry: Localized;
    registeredContact: {
      name: string;
      nameKana: string;
      department: string;
      phone: string;
      email: string;
    };
    perimeter: { utmWithUrlFilter: boolean; firewallAndProxy: boolean };
  };
  inquiry: {
    id: string;
    channel: 'phone' | 'email' | null;
    receivedAt: string | null;
    receptionDay: string | null;
    firstAnswerDue: string | null;
    receivedOutside: string | null;
    importedFrom: string | null;
    caller: {
      name: string;
      phone: string;
      email: string;
      result: 'match' | 'mismatch' | null;
      fields: { name: string; phone: string; email: string } | null;
      decision: string | null;
      note: string | null;
      verifiedAt: string | null;
    } | null;
  };
  hearingSheet: {
    templateId: string;
    templateVersion: number;
    templateTitle: Localized;
    answers: Answers;
    sections: Array<{ id: string; title: Localized; answers: RenderedAnswer[] }>;
    template: Template;
  };
  alerts: Array<{
    id: number;
    source: string;
    sourceId: string;
    module: string | null;
    threatClass: string;
    threatKind: string;
    severity: string;
    sourceSeverity: string;
    title: Localized;
    description: Localized;
    originalText: string | null;
    detectedAt: string;
    notifiedAt: string | null;
    firstSeen: string;
    lastSeen: string;
    count: number;
    status: string;
    killChain: string | null;
    tactic: string | null;
    hosts: string[];
    indicators: string[];
    communicationsTotal: number;
    communications: Array<{
      at: string;
      src: string;
      dst: string;
      port: number | null;
      protocol: string;
      url: string | null;
      action: string;
    }>;
  }>;
  sensorHealth: Array<{
    deviceId: string;
    kind: string;
    vendor: string;
    model: string;
    name: string;
    serial: string;
    installedOn: string | null;
    lastSeenAt: string | null;
    dataCollectionOk: boolean;
    status: string;
    reasons: Array<{ key: string; percent?: number; minutes?: number }>;
    latest: {
      at: string;
      cpuPct: number;
      memPct: number;
      diskPct: number;
      bandwidthMbps: number;
      endpoints: number;
    } | null;
  }>;
  contracts: Array<{
    id: string;
    service: string;
    contractNo: string;
    start: string;
    billingStart: string;
    termStart: string | null;
    termEnd: string | null;
    noticeDeadline: string | null;
    minimumPeriodEnd: string | null;
    noticeReceived: string | null;
    requestedEnd: string | null;
  }>;
  /** SOC in Pocket's cyber-risk insurance (002 別紙5): when cover starts, the cap per company. */
  insurance: { coverageStart: string; capYen: number } | null;
}

/** A sheet the customer prepared, as exported (validated strictly on import). */
export const preparedSheetSchema = z.strictObject({
  format: z.literal(PREPARED_FORMAT),
  formatVersion: z.literal(PREPARED_FORMAT_VERSION),
  sheetId: z.string().regex(/^PRE-\d{8}-[0-9A-Z]{4,8}$/),
  preparedAt: z.string().max(40),
  exportedAt: z.string().max(40),
  customer: z.strictObject({
    id: z.string().min(1).max(64),
    name: z.strictObject({ ja: z.string().max(200), en: z.string().max(200) }),
  }),
  alerts: z
    .array(
      z.strictObject({
        source: z.enum(['cts', 'csoc']),
        sourceId: z.string().min(1).max(128),
        title: z.strictObject({ ja: z.string().max(500), en: z.string().max(500) }),
      }),
    )
    .max(50),
  template: templateSchema,
  answers: answersSchema,
});
export type PreparedSheet = z.infer<typeof preparedSheetSchema>;
