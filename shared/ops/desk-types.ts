/** Result shapes of the desk operations (shared/ops/desk.ts). */
import type {
  AlertSource,
  AlertStatus,
  ServiceId,
  Severity,
  ThreatClass,
  ThreatKind,
} from '../catalog';
import type { DeviceKind } from '../catalog';
import type { DeviceStatus, StatusReason } from '../devices';
import type { CallerCheck, CallerDecision } from '../hearing-sheet/caller';
import type { EscalationPackage } from '../hearing-sheet/exchange';
import type { Answers, Template } from '../hearing-sheet/schema';
import type { ApiError } from '../result';

export type InquirySide = 'partner' | 'customer';
export type InquiryStatus =
  | 'draft'
  | 'sent'
  | 'open'
  | 'answered'
  | 'refused'
  | 'escalated'
  | 'acknowledged'
  | 'second-line-answered'
  | 'closed';
/** Statuses in which the inquiry still needs the desk. */
export const ACTIVE_STATUSES: readonly InquiryStatus[] = [
  'draft',
  'open',
  'escalated',
  'acknowledged',
  'second-line-answered',
];
/** Why an inquiry arrived outside reception hours (002 別紙3 2(1)). */
export type ReceivedOutside = 'before-open' | 'after-close' | 'weekend' | 'holiday' | 'year-end';

export interface ReceptionClock {
  receivedAt: number;
  /** The JST date it counts as received (shared/rules receptionDay). */
  receptionDay: string;
  /** First-answer target (shared/rules firstAnswerDue), epoch ms. */
  dueAt: number;
  receivedOutside: ReceivedOutside | null;
}

export interface InquirySummary {
  id: string;
  customerId: string;
  customerNameJa: string;
  customerNameEn: string;
  side: InquirySide;
  status: InquiryStatus;
  channel: 'phone' | 'email' | null;
  reception: ReceptionClock | null;
  firstAnswerAt: number | null;
  /** First answer by the due time (null until answered). */
  onTime: boolean | null;
  /** Not yet answered and past due, or due later today (JST). */
  flag: 'overdue' | 'due-today' | null;
  inquiryTypes: string[];
  alertCount: number;
  firstAlert: { sourceId: string; titleJa: string; titleEn: string } | null;
  callerResult: 'match' | 'mismatch' | null;
  callerDecision: CallerDecision | null;
  createdAt: number;
  updatedAt: number;
}

export interface QueueResult {
  asOf: number;
  items: InquirySummary[];
  counts: { active: number; dueToday: number; overdue: number };
}

export interface AlertBrief {
  id: number;
  source: AlertSource;
  sourceId: string;
  severity: Severity;
  threatClass: ThreatClass;
  threatKind: ThreatKind;
  titleJa: string;
  titleEn: string;
  detectedAt: number;
  status: AlertStatus;
  hosts: string[];
}

export interface LinkedAlert extends AlertBrief {
  module: string | null;
  descriptionJa: string;
  descriptionEn: string;
  firstSeen: number;
  lastSeen: number;
  count: number;
  notifiedAt: number | null;
  indicators: string[];
  killChain: string | null;
}

export interface Delivery {
  at: number;
  method: 'smtp' | 'file';
  ok: boolean;
  /** Translation key of the failure (desk:mail.error.*). */
  error: string | null;
}

export interface SecondLineAnswer {
  at: number;
  incidentStatus: string;
  resolution: string;
  prevention: string;
  vendorIntroduced: boolean;
  vendorName: string | null;
  insuranceRelevant: boolean;
  note: string | null;
}

export interface EscalationState {
  packageId: string;
  sha256: string;
  builtAt: number;
  language: 'ja' | 'en';
  hasPdf: boolean;
  deliveries: Delivery[];
  acknowledgedAt: number | null;
  ackReference: string | null;
  secondLine: SecondLineAnswer | null;
}

export interface CallerRecord {
  name: string;
  phone: string;
  email: string;
  check: CallerCheck | null;
  decision: CallerDecision | null;
  note: string | null;
  verifiedAt: number | null;
}

export interface DeviceBrief {
  id: string;
  kind: DeviceKind;
  name: string;
  model: string;
  status: DeviceStatus;
  reasons: StatusReason[];
  lastSeenAt: number | null;
}

export interface ContractBrief {
  id: string;
  service: ServiceId;
  contractNo: string;
  termEnd: string | null;
  noticeDeadline: string | null;
  minimumPeriodEnd: string | null;
  noticeReceived: string | null;
  requestedEnd: string | null;
}

export interface TimelineEntry {
  at: number;
  action: string;
  to: string | null;
}

export interface InquiryDetail {
  asOf: number;
  inquiry: InquirySummary & {
    templateId: string;
    templateVersion: number;
    answers: Answers;
    answersRev: number;
    answersSavedAt: number | null;
    caller: CallerRecord | null;
    phoneAnswer: string | null;
    answeredAt: number | null;
    escalation: EscalationState | null;
    closedAt: number | null;
    closeNote: string | null;
    importedFrom: string | null;
    sentAt: number | null;
    sentVia: 'email' | 'file' | null;
  };
  template: Template;
  customer: {
    id: string;
    nameJa: string;
    nameEn: string;
    contact: { name: string; nameKana: string; department: string; phone: string; email: string };
    perimeter: { utmWithUrlFilter: boolean; firewallAndProxy: boolean };
    partner: { nameJa: string; nameEn: string; deskPhone: string; deskEmail: string };
  };
  alerts: LinkedAlert[];
  devices: DeviceBrief[];
  contracts: ContractBrief[];
  timeline: TimelineEntry[];
}

export interface VerifyResult {
  check: CallerCheck;
  /** False when a mismatch still needs the desk's decision. */
  recorded: boolean;
  status: InquiryStatus;
}

export interface SaveResult {
  rev: number;
  savedAt: number;
}

export interface EscalationResult {
  packageId: string;
  sha256: string;
  /** The PDF was printed; when not, `pdfError` says why (the JSON is kept either way). */
  pdf: boolean;
  pdfError: ApiError | null;
}

export interface PackageView {
  packageId: string;
  sha256: string;
  builtAt: number;
  language: 'ja' | 'en';
  content: EscalationPackage;
}

export interface TemplateSummary {
  id: string;
  version: number;
  titleJa: string;
  titleEn: string;
  origin: 'shipped' | 'imported' | 'with-sheet';
  addedAt: number;
  active: boolean;
  sheets: number;
}

export interface ImportTemplateResult {
  id: string;
  version: number;
  /** The same version was already there, with the same content. */
  unchanged: boolean;
  active: boolean;
}

export interface ImportSheetResult {
  inquiryId: string;
  alreadyImported: boolean;
  /** Alerts the sheet names that this store does not hold (by source id). */
  unmatchedAlerts: string[];
}

export interface MailSettings {
  host: string;
  port: number;
  security: 'starttls' | 'tls' | 'none';
  user: string;
  passwordSet: boolean;
  from: string;
  secondLineTo: string;
  /** Where a customer's prepared sheet goes: its partner's desk (002 別紙3 1(2)). */
  partnerDeskEmail: string | null;
}

export interface CustomerMatch {
  id: string;
  nameJa: string;
  nameEn: string;
  /** What matched: the company name, the registered contact's name, phone or e-mail. */
  matched: 'company' | 'contact' | 'phone' | 'email';
}
