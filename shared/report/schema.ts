/**
 * The monthly report as data (docs/reports.md): what the report screen and the print layout show,
 * and the JSON inside a report bundle (docs/bundle-format.md). Versioned: a bundle states
 * `formatVersion`, and a SOC Desk refuses versions it does not know rather than guessing. Every
 * string and list has a bound, so a hostile bundle cannot make a screen choke; the figures are
 * counts, ratios and dates, never free text from outside except names and host names.
 */
import { z } from 'zod';
import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  DEVICE_KINDS,
  KILL_CHAIN,
  LANGUAGES,
  SERVICES,
  SEVERITIES,
  THREAT_CLASSES,
} from '../catalog';
import { DEVICE_STATUSES } from '../devices';

export const REPORT_FORMAT = 'soc-desk.monthly-report';
export const REPORT_FORMAT_VERSION = 1;

const count = z.number().int().min(0).max(1_000_000_000);
const instant = z.number().int().min(0).max(4_102_444_800_000);
const ratio = z.number().min(0).max(1);
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const localized = z.object({ ja: text(200), en: text(200) }).strict();
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const tally = <K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), count);

export const reportIdSchema = z.string().regex(/^RPT-\d{6}-[0-9A-F]{8}$/);

const customerRef = z.object({ id, name: localized }).strict();

const dayCounts = z
  .object({ date: isoDate, byClass: tally(THREAT_CLASSES), bySource: tally(ALERT_SOURCES) })
  .strict();

const alertsSection = z
  .object({
    total: count,
    previousTotal: count,
    bySeverity: tally(SEVERITIES),
    byClass: tally(THREAT_CLASSES),
    bySource: tally(ALERT_SOURCES),
    /** Where the month's alerts stand now (the status workflow, docs/alerts.md). */
    byStatus: tally(ALERT_STATUSES),
    days: z.array(dayCounts).max(31),
    /** This month and the five before it, oldest first: the trend chart. */
    months: z
      .array(z.object({ month: yearMonth, total: count, byClass: tally(THREAT_CLASSES) }).strict())
      .max(12),
  })
  .strict();

const killChainSection = z
  .object({
    /** In kill-chain order; `reported` by the source, `typical` from the kind (assets/kb). */
    phases: z
      .array(z.object({ phase: z.enum(KILL_CHAIN), reported: count, typical: count }).strict())
      .max(KILL_CHAIN.length),
    unknown: count,
  })
  .strict();

const ledgerMonth = z
  .object({
    inProgress: z.boolean(),
    incidents: z
      .object({ important: count, within: count, late: count, pending: count })
      .strict()
      .nullable(),
    lateIncidents: z
      .array(
        z
          .object({
            id: count,
            module: text(32).nullable(),
            detectedAt: instant,
            notifiedAt: instant.nullable(),
            minutes: count,
          })
          .strict(),
      )
      .max(500),
    outageMinutes: z.number().min(0).max(50_000),
    availability: ratio,
    availabilityBreached: z.boolean(),
    guarantee: z.enum(['held', 'breached', 'none']),
    breaches: z.array(z.enum(['availability', 'notification'])).max(2),
    creditTotal: count,
    credits: z
      .array(
        z
          .object({
            contractId: id,
            contractNo: text(64),
            monthlyFee: count,
            guaranteeBreached: z.boolean(),
            amount: count,
          })
          .strict(),
      )
      .max(100),
    deadlines: z
      .array(
        z
          .object({
            kind: z.enum(['guarantee', 'unavailability']),
            date: isoDate,
            daysLeft: z.number().int().min(-100_000).max(100_000),
            state: z.enum(['open', 'near', 'lapsed']),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

const slaRow = z
  .object({
    customerId: id,
    service: z.enum(['iij-c-soc', 'iij-ddos']),
    coverage: z.enum(['guaranteed', 'basic', 'none']),
    ledger: ledgerMonth,
  })
  .strict();

const deviceRow = z
  .object({
    customerId: id,
    deviceId: id,
    name: text(200),
    kind: z.enum(DEVICE_KINDS),
    vendor: text(200),
    model: text(200),
    /** Status when the report was made (shared/devices.ts). */
    status: z.enum(DEVICE_STATUSES),
    /** How often the device is expected to report (docs/reports.md "Uptime"). */
    interval: z.enum(['hour', 'day']),
    expected: count,
    reported: count,
    /** reported / expected; null where the device sends no health samples or was not installed. */
    uptime: ratio.nullable(),
    cpuAvg: z.number().min(0).max(100).nullable(),
    cpuMax: z.number().min(0).max(100).nullable(),
    bandwidthMax: z.number().min(0).max(1_000_000).nullable(),
    endpointsMax: count.nullable(),
  })
  .strict();

const inquiryRow = z
  .object({
    id: text(64),
    customerId: id,
    channel: z.enum(['phone', 'email']).nullable(),
    receivedAt: instant.nullable(),
    dueAt: instant.nullable(),
    firstAnswerAt: instant.nullable(),
    escalatedAt: instant.nullable(),
    /**
     * on-time / late (answered), overdue (unanswered past due), pending (not yet due), refused
     * (the caller could not be confirmed and was not served, 002 別紙3 2(3)).
     */
    outcome: z.enum(['on-time', 'late', 'overdue', 'pending', 'refused']),
    status: text(32),
  })
  .strict();

const rate = z
  .object({ onTime: count, late: count, overdue: count, pending: count, rate: ratio.nullable() })
  .strict();

const deskSection = z
  .object({
    /** partner: the desk's records; customer: the sheets the customer prepared (docs/desk.md). */
    side: z.enum(['partner', 'customer']),
    received: count,
    answeredByPhone: count,
    escalated: count,
    refused: count,
    acknowledged: count,
    secondLineAnswered: count,
    firstAnswer: rate,
    escalations: rate,
    prepared: count,
    sent: count,
    rows: z.array(inquiryRow).max(1000),
    rowsTotal: count,
  })
  .strict();

const deadlineRow = z
  .object({
    customerId: id,
    contractId: id,
    contractNo: text(64),
    service: z.enum(SERVICES),
    kind: z.enum(['notice', 'minimumPeriod', 'cancellation']),
    date: isoDate,
    daysLeft: z.number().int().min(0).max(100_000),
    actionNeeded: z.boolean(),
  })
  .strict();

const portfolioRow = z
  .object({
    customerId: id,
    alerts: count,
    criticalHigh: count,
    devices: count,
    unhealthyDevices: count,
    uptime: ratio.nullable(),
    guaranteeBreaches: count,
    creditTotal: count,
    onTimeRate: ratio.nullable(),
    deadlines: count,
    actionNeeded: count,
  })
  .strict();

export const reportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    formatVersion: z.literal(REPORT_FORMAT_VERSION),
    reportId: reportIdSchema,
    kind: z.enum(['customer', 'portfolio']),
    language: z.enum(LANGUAGES),
    month: yearMonth,
    period: z
      .object({ from: isoDate, to: isoDate, days: z.number().int().min(28).max(31) })
      .strict(),
    generatedAt: instant,
    /** The month had not ended when the report was made: its figures are "so far". */
    inProgress: z.boolean(),
    appVersion: text(64),
    partner: z.object({ id, name: localized }).strict().nullable(),
    customers: z.array(customerRef).min(1).max(500),
    summary: z.object({ headline: text(2000), points: z.array(text(2000)).max(20) }).strict(),
    alerts: alertsSection,
    topHosts: z.array(z.object({ host: text(255), customerId: id, count }).strict()).max(20),
    killChain: killChainSection,
    sla: z.array(slaRow).max(1000),
    devices: z.array(deviceRow).max(5000),
    desk: deskSection,
    contracts: z
      .object({ asOf: isoDate, horizonDays: count, rows: z.array(deadlineRow).max(2000) })
      .strict(),
    /** Partner portfolio reports only: one row per customer. */
    portfolio: z.array(portfolioRow).max(500).nullable(),
  })
  .strict();

export type Report = z.infer<typeof reportSchema>;
export type ReportBody = Omit<Report, 'summary'>;
export type AlertsSection = Report['alerts'];
export type SlaRow = Report['sla'][number];
export type LedgerMonthData = SlaRow['ledger'];
export type DeviceRow = Report['devices'][number];
export type DeskSection = Report['desk'];
export type InquiryRow = DeskSection['rows'][number];
export type DeskRate = DeskSection['firstAnswer'];
export type DeadlineRow = Report['contracts']['rows'][number];
export type PortfolioRow = NonNullable<Report['portfolio']>[number];
export type KillChainSection = Report['killChain'];
