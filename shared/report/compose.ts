/**
 * Pure pieces of the monthly report: the figures the main process cannot simply count in SQL —
 * uptime from reporting intervals, first-answer outcomes and on-time rates, the attack-stage
 * distribution, the portfolio rows. The choices where neither the terms nor the issue say how are
 * written beside each function and in docs/reports.md.
 */
import { KILL_CHAIN, THREAT_KINDS, type KillChainPhase, type ThreatKind } from '../catalog';
import { UNHEALTHY_STATUSES } from '../devices';
import { kbEntry } from '../kb';
import { DAY_MS, HOUR_MS, JST_OFFSET_MS } from '../time';
import type { DeskRate, InquiryRow, KillChainSection, PortfolioRow, ReportBody } from './schema';

export type Interval = 'hour' | 'day';

/**
 * A CTS sensor reports every few minutes and is offline after an hour of silence; an appliance
 * logs to C-SOC continuously but quiet nights exist, offline after a day (shared/devices.ts
 * THRESHOLDS). So uptime is counted in hours for sensors and in JST days for the others.
 */
export const intervalOf = (kind: string): Interval => (kind === 'cts-sensor' ? 'hour' : 'day');

const LENGTH: Record<Interval, number> = { hour: HOUR_MS, day: DAY_MS };

/** The interval (hour, or JST day) an instant falls in. Whole hours: JST and UTC hours align. */
export function bucketOf(interval: Interval, ms: number): number {
  return Math.floor((ms + (interval === 'day' ? JST_OFFSET_MS : 0)) / LENGTH[interval]);
}

/**
 * Uptime over [start, end): the share of reporting intervals, among those that began in the window,
 * in which the device sent at least one health sample. The interval still running at `end`
 * counts only once it has a sample (an unfinished hour is not a missed one). Null when the window
 * is empty (installed after the month, or the month is ahead).
 */
export function uptimeOf(input: {
  interval: Interval;
  start: number;
  end: number;
  /** Buckets (bucketOf) with at least one sample inside the window. */
  buckets: Iterable<number>;
  /** True when `end` is "now" (the month has not ended), so the last bucket may be unfinished. */
  open: boolean;
}): { expected: number; reported: number; uptime: number | null } {
  if (input.end <= input.start) return { expected: 0, reported: 0, uptime: null };
  const first = bucketOf(input.interval, input.start);
  const last = bucketOf(input.interval, input.end - 1);
  const seen = new Set<number>();
  for (const b of input.buckets) if (b >= first && b <= last) seen.add(b);
  let expected = last - first + 1;
  const lastFinished = (last + 1) * LENGTH[input.interval] - offset(input.interval) <= input.end;
  if (input.open && !lastFinished && !seen.has(last)) expected -= 1;
  if (expected <= 0) return { expected: 0, reported: 0, uptime: null };
  const reported = Math.min(seen.size, expected);
  return { expected, reported, uptime: reported / expected };
}

const offset = (interval: Interval) => (interval === 'day' ? JST_OFFSET_MS : 0);

/**
 * What became of an inquiry's first answer (002 別紙3 2(4)②, due at `firstAnswerDue`): answered
 * on time or late as recorded by the desk; unanswered and past due is overdue; else pending.
 */
export function inquiryOutcome(
  row: {
    status: string;
    firstAnswerAt: number | null;
    onTime: boolean | null;
    dueAt: number | null;
  },
  now: number,
): InquiryRow['outcome'] {
  // A caller who could not be confirmed is not served (002 別紙3 2(3)): no answer is owed.
  if (row.status === 'refused') return 'refused';
  if (row.firstAnswerAt !== null) return row.onTime === false ? 'late' : 'on-time';
  if (row.dueAt !== null && row.dueAt < now) return 'overdue';
  return 'pending';
}

/**
 * The on-time rate: on time / (on time + late + overdue). An overdue inquiry can no longer be
 * answered on time, so it counts against the rate; a pending one is left out until it is decided,
 * a refused one (no answer owed) always.
 */
export function deskRate(outcomes: Iterable<InquiryRow['outcome']>): DeskRate {
  const r = { onTime: 0, late: 0, overdue: 0, pending: 0 };
  for (const o of outcomes) {
    if (o === 'on-time') r.onTime += 1;
    else if (o === 'late') r.late += 1;
    else if (o === 'overdue') r.overdue += 1;
    else if (o === 'pending') r.pending += 1;
  }
  const decided = r.onTime + r.late + r.overdue;
  return { ...r, rate: decided === 0 ? null : r.onTime / decided };
}

const isKind = (k: string): k is ThreatKind => (THREAT_KINDS as readonly string[]).includes(k);
const isPhase = (p: string | null): p is KillChainPhase =>
  p !== null && (KILL_CHAIN as readonly string[]).includes(p);

/**
 * Alerts per attack stage. The stage the source reported is used where there is one; otherwise
 * the kind's typical stage from the knowledge base (assets/kb), counted apart as `typical` so the
 * report can say which part is inferred. Unknown kinds without a stage stay `unknown`.
 */
export function killChainOf(
  rows: Iterable<{ killChain: string | null; kind: string; n: number }>,
): KillChainSection {
  const reported = new Map<KillChainPhase, number>();
  const typical = new Map<KillChainPhase, number>();
  let unknown = 0;
  for (const r of rows) {
    if (isPhase(r.killChain)) reported.set(r.killChain, (reported.get(r.killChain) ?? 0) + r.n);
    else if (isKind(r.kind)) {
      const phase = kbEntry(r.kind).killChain;
      typical.set(phase, (typical.get(phase) ?? 0) + r.n);
    } else unknown += r.n;
  }
  return {
    phases: KILL_CHAIN.map((phase) => ({
      phase,
      reported: reported.get(phase) ?? 0,
      typical: typical.get(phase) ?? 0,
    })),
    unknown,
  };
}

/** The stages after a successful intrusion: worth a sentence of their own in the summary. */
export const POST_COMPROMISE: readonly KillChainPhase[] = [
  'installation',
  'command-and-control',
  'actions-on-objectives',
];

/**
 * One row per customer of a portfolio report, from the per-customer figures the service collected
 * and the report's own sections (SLA, devices, inquiries, deadlines), so the table and the
 * sections can never disagree.
 */
export function portfolioRows(
  body: Pick<ReportBody, 'customers' | 'sla' | 'devices' | 'desk' | 'contracts'>,
  alertsByCustomer: ReadonlyMap<string, { total: number; criticalHigh: number }>,
): PortfolioRow[] {
  return body.customers.map(({ id }) => {
    const devices = body.devices.filter((d) => d.customerId === id);
    const measured = devices.filter((d) => d.expected > 0);
    const expected = measured.reduce((n, d) => n + d.expected, 0);
    const reported = measured.reduce((n, d) => n + d.reported, 0);
    const sla = body.sla.filter((s) => s.customerId === id);
    const outcomes = body.desk.rows.filter((r) => r.customerId === id).map((r) => r.outcome);
    const deadlines = body.contracts.rows.filter((r) => r.customerId === id);
    const alerts = alertsByCustomer.get(id) ?? { total: 0, criticalHigh: 0 };
    return {
      customerId: id,
      alerts: alerts.total,
      criticalHigh: alerts.criticalHigh,
      devices: devices.length,
      unhealthyDevices: devices.filter((d) => UNHEALTHY_STATUSES.includes(d.status)).length,
      uptime: expected === 0 ? null : reported / expected,
      guaranteeBreaches: sla.filter((s) => s.ledger.guarantee === 'breached').length,
      creditTotal: sla.reduce((n, s) => n + s.ledger.creditTotal, 0),
      onTimeRate: deskRate(outcomes).rate,
      deadlines: deadlines.length,
      actionNeeded: deadlines.filter((d) => d.actionNeeded).length,
    };
  });
}
