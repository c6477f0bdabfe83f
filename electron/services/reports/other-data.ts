/**
 * The non-alert sections of a monthly report, each from the service that owns the figures: the SLA
 * ledger (shared/sla-ledger.ts, one month), device status (shared/devices.ts) with uptime from the
 * health samples, the desk's inquiries (migration 005, scoped like the desk: docs/desk.md) and the
 * contract deadlines (electron/services/contracts/view.ts).
 */
import { deviceStatus } from '../../../shared/devices';
import {
  bucketOf,
  deskRate,
  inquiryOutcome,
  intervalOf,
  uptimeOf,
} from '../../../shared/report/compose';
import type { MonthRange } from '../../../shared/report/month';
import type {
  DeadlineRow,
  DeskSection,
  DeviceRow,
  InquiryRow,
  SlaRow,
} from '../../../shared/report/schema';
import { SLA_SERVICES, serviceLedger, type LedgerIncident } from '../../../shared/sla-ledger';
import { isoDateToDay, jstIsoDate, jstMidnight } from '../../../shared/time';
import type { Db } from '../../store/database';
import { customerNames, listContracts } from '../contracts/repo';
import { contractView, deadlinesOf } from '../contracts/view';
import { listDevicesWithLatest } from '../devices/repo';
import { listOutages } from '../sla/outages';
import { hiddenSql } from '../alerts/hidden';
import { placeholders } from '../scope';

/** Contract deadlines listed: a quarter ahead, wider than the 60-day "action needed" window. */
export const DEADLINE_HORIZON_DAYS = 90;
/** Inquiry rows kept in a report (the counts always cover all of them). */
export const MAX_INQUIRY_ROWS = 1000;

export function slaRows(db: Db, ids: readonly string[], range: MonthRange, now: number): SlaRow[] {
  const incidents = db.prepare(
    `SELECT id, module, detected_at AS detectedAt, notified_at AS notifiedAt FROM alerts
     WHERE customer_id = ? AND detected_at >= ? AND detected_at < ? AND source = 'csoc'
       AND important = 1${hiddenSql(db, 'id')} ORDER BY detected_at`,
  );
  const all = listContracts(db, ids);
  const out: SlaRow[] = [];
  for (const id of ids) {
    const contracts = all.filter(
      (k) => k.customerId === id && (k.service === 'iij-c-soc' || k.service === 'iij-ddos'),
    );
    if (contracts.length === 0) continue;
    const outages = listOutages(db, id);
    const found = incidents.all(id, range.startMs, range.endMs) as LedgerIncident[];
    for (const service of SLA_SERVICES) {
      if (!contracts.some((k) => k.service === service)) continue;
      const ledger = serviceLedger({
        service,
        contracts,
        incidents: service === 'iij-c-soc' ? found : [],
        outages: outages.filter((o) => o.service === service),
        months: [range.month],
        now,
      });
      const m = ledger.months[0];
      // A month before the first contract or after the last is not in the ledger (docs/sla-ledger.md).
      if (!m) continue;
      out.push({
        customerId: id,
        service,
        coverage: ledger.coverage,
        ledger: {
          inProgress: m.inProgress,
          incidents: m.incidents,
          lateIncidents: m.lateIncidents.slice(0, 500),
          outageMinutes: m.outageMinutes,
          availability: Math.min(1, Math.max(0, m.availability)),
          availabilityBreached: m.availabilityBreached,
          guarantee: m.guarantee,
          breaches: m.breaches,
          creditTotal: m.creditTotal,
          credits: m.credits.map((c) => ({
            contractId: c.contractId,
            contractNo: contracts.find((k) => k.id === c.contractId)?.contractNo ?? '',
            monthlyFee: c.monthlyFee,
            guaranteeBreached: c.guaranteeBreached,
            amount: c.amount,
          })),
          deadlines: m.deadlines.map(({ kind, date, daysLeft, state }) => ({
            kind,
            date,
            daysLeft,
            state,
          })),
        },
      });
    }
  }
  return out;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function deviceRows(
  db: Db,
  ids: readonly string[],
  range: MonthRange,
  now: number,
): DeviceRow[] {
  const stats = db.prepare(
    `SELECT avg(cpu_pct) AS cpuAvg, max(cpu_pct) AS cpuMax, max(bandwidth_mbps) AS bandwidthMax,
            max(endpoints) AS endpointsMax
     FROM health_samples WHERE device_id = ? AND at >= ? AND at < ?`,
  );
  const times = db.prepare(
    'SELECT at FROM health_samples WHERE device_id = ? AND at >= ? AND at < ? ORDER BY at',
  );
  const any = db.prepare('SELECT 1 FROM health_samples WHERE device_id = ? LIMIT 1');
  const end = Math.min(range.endMs, now);
  return listDevicesWithLatest(db, ids).map(({ device, latest }) => {
    const interval = intervalOf(device.kind);
    const start = device.installedOn
      ? Math.max(range.startMs, jstMidnight(device.installedOn))
      : Number.POSITIVE_INFINITY;
    // A device that has never sent a sample (DDoS devices, VPN pairs) is not measured at all.
    const measured = device.installedOn !== null && any.get(device.id) !== undefined;
    const window = measured && start < end;
    const s = (window ? stats.get(device.id, start, end) : undefined) as
      | {
          cpuAvg: number | null;
          cpuMax: number | null;
          bandwidthMax: number | null;
          endpointsMax: number | null;
        }
      | undefined;
    const up = window
      ? uptimeOf({
          interval,
          start,
          end,
          buckets: (times.all(device.id, start, end) as { at: number }[]).map((r) =>
            bucketOf(interval, r.at),
          ),
          open: end < range.endMs,
        })
      : { expected: 0, reported: 0, uptime: null };
    return {
      customerId: device.customerId,
      deviceId: device.id,
      name: device.name,
      kind: device.kind,
      vendor: device.vendor,
      model: device.model,
      status: deviceStatus(device, latest, now).status,
      interval,
      ...up,
      cpuAvg: round1(s?.cpuAvg ?? null),
      cpuMax: round1(s?.cpuMax ?? null),
      bandwidthMax: round1(s?.bandwidthMax ?? null),
      // Endpoints are counted by CTS hardware only (002 別紙2 2(4)); appliances report 0.
      endpointsMax: device.kind === 'cts-sensor' ? (s?.endpointsMax ?? null) : null,
    };
  });
}

interface DeskDbRow {
  id: string;
  customer_id: string;
  status: string;
  channel: 'phone' | 'email' | null;
  received_at: number | null;
  due_at: number | null;
  first_answer_at: number | null;
  on_time: number | null;
  answered_at: number | null;
  escalated_at: number | null;
  acknowledged_at: number | null;
  sl_answered_at: number | null;
  sent_at: number | null;
}

/**
 * The month's inquiries on the profile's side of the desk (docs/desk.md "Who sees what"): a
 * partner's desk records received in the month, or the sheets a customer prepared in it.
 */
export function deskSection(
  db: Db,
  ids: readonly string[],
  side: 'partner' | 'customer',
  range: MonthRange,
  now: number,
): DeskSection {
  const when = side === 'partner' ? 'received_at' : 'created_at';
  const rows = db
    .prepare(
      `SELECT id, customer_id, status, channel, received_at, due_at, first_answer_at, on_time,
              answered_at, escalated_at, acknowledged_at, sl_answered_at, sent_at
       FROM inquiries WHERE customer_id IN (${placeholders(ids)}) AND side = ?
         AND ${when} >= ? AND ${when} < ?
       ORDER BY ${when}, id`,
    )
    .all(...ids, side, range.startMs, range.endMs) as DeskDbRow[];
  const items: InquiryRow[] = rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    channel: r.channel,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    firstAnswerAt: r.first_answer_at,
    escalatedAt: r.escalated_at,
    outcome: inquiryOutcome(
      {
        status: r.status,
        firstAnswerAt: r.first_answer_at,
        onTime: r.on_time === null ? null : r.on_time === 1,
        dueAt: r.due_at,
      },
      now,
    ),
    status: r.status,
  }));
  const escalated = items.filter((r) => r.escalatedAt !== null);
  const partner = side === 'partner';
  return {
    side,
    received: partner ? items.length : 0,
    answeredByPhone: rows.filter((r) => r.answered_at !== null).length,
    escalated: escalated.length,
    refused: items.filter((r) => r.outcome === 'refused').length,
    acknowledged: rows.filter((r) => r.acknowledged_at !== null).length,
    secondLineAnswered: rows.filter((r) => r.sl_answered_at !== null).length,
    firstAnswer: deskRate(partner ? items.map((r) => r.outcome) : []),
    escalations: deskRate(partner ? escalated.map((r) => r.outcome) : []),
    prepared: partner ? 0 : items.length,
    sent: partner ? 0 : rows.filter((r) => r.sent_at !== null).length,
    rows: items.slice(0, MAX_INQUIRY_ROWS),
    rowsTotal: items.length,
  };
}

/** Contract deadlines from `today` to {@link DEADLINE_HORIZON_DAYS} days ahead, soonest first. */
export function deadlineRows(db: Db, ids: readonly string[], now: number): DeadlineRow[] {
  const today = jstIsoDate(now);
  const names = new Map(customerNames(db, ids).map((c) => [c.id, c]));
  const horizon = isoDateToDay(today) + DEADLINE_HORIZON_DAYS;
  return listContracts(db, ids)
    .flatMap((k) => {
      const customer = names.get(k.customerId);
      return customer ? deadlinesOf(contractView(k, today), customer, today) : [];
    })
    .filter((r) => isoDateToDay(r.date) <= horizon)
    .sort((a, b) => a.date.localeCompare(b.date) || a.contractNo.localeCompare(b.contractNo))
    .map((r) => ({
      customerId: r.customerId,
      contractId: r.contractId,
      contractNo: r.contractNo,
      service: r.service,
      kind: r.kind,
      date: r.date,
      daysLeft: r.daysLeft,
      actionNeeded: r.actionNeeded,
    }));
}
