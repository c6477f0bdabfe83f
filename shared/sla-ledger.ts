/**
 * The SLA ledger of one customer's IIJ C-SOC or DDoS contracts, month by month: important incidents
 * and how many were notified within 15 minutes, platform availability from recorded outages,
 * whether the quality guarantee held, the credit due and the claim deadlines. Pure: every date and
 * amount comes from shared/rules (sla.ts, cancellation.ts); the choices where the terms are silent
 * are documented here and in docs/sla-ledger.md.
 */
import { contractEnd } from './contracts';
import {
  HOUR_MS,
  UNAVAILABILITY_THRESHOLD_HOURS,
  addDays,
  addMonths,
  availabilityBreached,
  compareDates,
  dayNumber,
  guaranteeClaimDeadline,
  jstAt,
  jstDateOf,
  monthlyAvailability,
  monthlyCredit,
  notifiedWithinSla,
  outageMinutesInMonth,
  unavailabilityClaimDeadline,
  type IsoDate,
  type Outage,
  type YearMonth,
} from './rules';
import {
  CLAIM_NEAR_DAYS,
  type ClaimDeadline,
  type ContractCredit,
  type LateIncident,
  type LedgerContract,
  type LedgerIncident,
  type LedgerMonth,
  type LedgerOutage,
  type ServiceLedger,
  type SlaService,
} from './sla-ledger-types';

export * from './sla-ledger-types';

/** The last `count` JST calendar months up to the one containing `now`, oldest first. */
export function recentMonths(now: number, count: number): YearMonth[] {
  const first = `${jstDateOf(now).slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, i) => addMonths(first, i - count + 1).slice(0, 7));
}

const monthStart = (m: YearMonth): IsoDate => `${m}-01`;
const monthLast = (m: YearMonth): IsoDate => addDays(addMonths(monthStart(m), 1), -1);
const instant = (ms: number) => new Date(ms).toISOString();

/** The Basic category has no quality guarantee (000 第11条); DDoS has none at all (004). */
function guaranteedIn(contract: LedgerContract, all: readonly LedgerContract[]): boolean {
  if (contract.service !== 'iij-c-soc') return false;
  // Choice: the whole management unit follows its category (its modules too), since the category
  // sets the unit's service level (000 第1条, 第7条1). A unit without a category stays guaranteed.
  const category = all.find(
    (k) =>
      k.service === 'iij-c-soc' &&
      (k.managementUnit ?? null) === (contract.managementUnit ?? null) &&
      (k.category === 'premium' || k.category === 'advanced' || k.category === 'basic'),
  );
  return category?.category !== 'basic';
}

/**
 * The contract an important incident belongs to (000 別紙4 2 "違背が生じた該当の … 契約"): the
 * module contract of the incident's module, the EDR operation for EDR incidents, else the
 * category contract.
 */
function contractOfIncident(
  module: string | null,
  contracts: readonly LedgerContract[],
): LedgerContract | undefined {
  const isCategory = (k: LedgerContract) =>
    k.category === 'premium' || k.category === 'advanced' || k.category === 'basic';
  if (module === 'edr') {
    const edr = contracts.find(
      (k) => k.item === 'edr-operation' || (k.item === null && k.options.includes('edr-operation')),
    );
    if (edr) return edr;
  }
  return (
    contracts.find((k) => module !== null && k.module === module) ?? contracts.find(isCategory)
  );
}

const affectsCredit = (o: LedgerOutage, c: ContractCredit) =>
  o.contractId === null || o.contractId === c.contractId;

/** In force for at least a day of the month: billed from before its end, not ended before it. */
function inForce(contract: LedgerContract, month: YearMonth): boolean {
  if (compareDates(contract.billingStart, monthLast(month)) > 0) return false;
  const end = contractEnd(contract);
  return end === null || compareDates(end, monthStart(month)) >= 0;
}

/**
 * One service's ledger for `months`. Choices (docs/sla-ledger.md):
 * - an outage belongs to the month it began; its hours run from when the vendor learned of it to
 *   its end (to `now` while it lasts); it can be claimed from the JST day it reached 24 hours;
 * - availability counts the vendor-caused outages of the whole service (contractId null);
 * - a platform availability breach breaches every guaranteed contract; a late notification the
 *   contract of the incident's module;
 * - a notification still missing 15 minutes after detection is late; one not yet due is pending;
 * - contracts without a monthly fee (e.g. the EDR period licence, annual) earn no credit.
 */
export function serviceLedger(input: {
  service: SlaService;
  contracts: readonly LedgerContract[];
  incidents: readonly LedgerIncident[];
  outages: readonly LedgerOutage[];
  months: readonly YearMonth[];
  now: number;
}): ServiceLedger {
  const { service, now } = input;
  const today = jstDateOf(now);
  const contracts = input.contracts.filter((k) => k.service === service);
  const guaranteed = new Set(contracts.filter((k) => guaranteedIn(k, contracts)).map((k) => k.id));
  const coverage =
    service === 'iij-ddos'
      ? 'none'
      : guaranteed.size > 0 || contracts.length === 0
        ? 'guaranteed'
        : 'basic';
  const counted = input.outages.filter((o) => o.vendorFault && o.startedAt < now);
  const platform: Outage[] = counted
    .filter((o) => o.contractId === null)
    .map((o) => ({ start: instant(o.startedAt), end: instant(Math.min(o.endedAt ?? now, now)) }));

  // Months before the first contract (or after the last) are left out.
  const covered = input.months.filter((m) => contracts.some((k) => inForce(k, m)));
  const months = covered.map((month): LedgerMonth => {
    const from = jstAt(monthStart(month));
    const to = jstAt(addMonths(monthStart(month), 1));
    const active = contracts.filter((k) => inForce(k, month));

    let incidents: LedgerMonth['incidents'] = null;
    const lateIncidents: LateIncident[] = [];
    const lateContracts = new Set<string>();
    if (service === 'iij-c-soc') {
      incidents = { important: 0, within: 0, late: 0, pending: 0 };
      for (const a of input.incidents) {
        if (a.detectedAt < from || a.detectedAt >= to || a.detectedAt > now) continue;
        incidents.important += 1;
        const notified = a.notifiedAt ?? now;
        const within = notifiedWithinSla({
          detectedAt: instant(a.detectedAt),
          notifiedAt: instant(notified),
        });
        if (within && a.notifiedAt === null) incidents.pending += 1;
        else if (within) incidents.within += 1;
        else {
          incidents.late += 1;
          lateIncidents.push({
            ...a,
            minutes: Math.floor((notified - a.detectedAt) / 60_000),
          });
          const k = contractOfIncident(a.module, active);
          if (k) lateContracts.add(k.id);
        }
      }
    }

    const outageMinutes = outageMinutesInMonth({ month, outages: platform });
    const availability = monthlyAvailability({ month, outages: platform });
    const platformBreached = availabilityBreached({ month, outages: platform });
    const breaches: LedgerMonth['breaches'] = [];
    const anyGuaranteed = active.some((k) => guaranteed.has(k.id));
    if (anyGuaranteed && platformBreached) breaches.push('availability');
    if ([...lateContracts].some((id) => guaranteed.has(id))) breaches.push('notification');

    // This month's outages, their hours from when the vendor learned of them (to now while they
    // last), and the day each could first be claimed: when it reached 24 hours.
    const ofMonth = counted
      .filter((o) => o.startedAt >= from && o.startedAt < to)
      .map((o) => {
        const known = o.knownAt ?? o.startedAt;
        const hours = Math.max(0, (Math.min(o.endedAt ?? now, now) - known) / HOUR_MS);
        const reached = known + UNAVAILABILITY_THRESHOLD_HOURS * HOUR_MS;
        const claimableFrom = hours >= UNAVAILABILITY_THRESHOLD_HOURS ? jstDateOf(reached) : null;
        return { o, hours, claimableFrom };
      });
    const affects = (o: LedgerOutage, k: LedgerContract) =>
      o.contractId === null || o.contractId === k.id;

    const credits: ContractCredit[] = [];
    for (const k of active) {
      if (k.monthlyFee === null) continue;
      const outagesHours = ofMonth.filter((x) => affects(x.o, k)).map((x) => x.hours);
      const breached = guaranteed.has(k.id) && (platformBreached || lateContracts.has(k.id));
      const amount = monthlyCredit({
        monthlyFee: k.monthlyFee,
        outagesHours,
        guaranteeBreached: breached,
      });
      if (amount > 0) {
        credits.push({
          contractId: k.id,
          monthlyFee: k.monthlyFee,
          outagesHours,
          guaranteeBreached: breached,
          amount,
        });
      }
    }

    const deadline = (
      kind: ClaimDeadline['kind'],
      date: IsoDate,
      outageId: number | null,
    ): ClaimDeadline => {
      const daysLeft = dayNumber(date) - dayNumber(today);
      const state = daysLeft < 0 ? 'lapsed' : daysLeft <= CLAIM_NEAR_DAYS ? 'near' : 'open';
      return { kind, date, daysLeft, state, outageId };
    };
    const deadlines: ClaimDeadline[] = [];
    // 000 第15条2: the guarantee reduction is claimed by the 15th of the next month.
    if (credits.some((c) => c.guaranteeBreached)) {
      deadlines.push(deadline('guarantee', guaranteeClaimDeadline({ month }), null));
    }
    // 000 第15条1, 004 第14条: each long outage within 3 months of the day it became claimable.
    for (const x of ofMonth) {
      const credited = credits.some((c) => c.outagesHours.length > 0 && affectsCredit(x.o, c));
      if (x.claimableFrom && credited) {
        const date = unavailabilityClaimDeadline({ claimableFrom: x.claimableFrom });
        deadlines.push(deadline('unavailability', date, x.o.id));
      }
    }

    return {
      month,
      inProgress: now >= from && now < to,
      incidents,
      lateIncidents,
      outageMinutes,
      availability,
      availabilityBreached: platformBreached,
      guarantee: anyGuaranteed ? (breaches.length > 0 ? 'breached' : 'held') : 'none',
      breaches,
      credits,
      creditTotal: credits.reduce((n, c) => n + c.amount, 0),
      deadlines,
      claimNear: deadlines.some((d) => d.state === 'near'),
    };
  });
  return { service, coverage, months };
}
