/**
 * Demo outages of IIJ C-SOC and DDoS, dated relative to "now", so the SLA ledger has something to
 * say: a platform outage long enough to break the 99.9 % availability guarantee (000 別紙1 1), a
 * DDoS outage past 24 hours (a credit, 004 第14条), and a long outage under the Basic category,
 * which earns the unavailability credit but has no quality guarantee (000 第11条, 第15条1).
 */
import type { Contract } from '../domain/contract';
import type { SlaService } from '../sla-ledger';
import { HOUR_MS, MINUTE_MS, dayToIsoDate, jstDayNumber, jstMidnight } from '../time';

export interface DemoOutage {
  customerId: string;
  service: SlaService;
  contractId: string | null;
  startedAt: number;
  knownAt: number | null;
  endedAt: number | null;
  vendorFault: boolean;
  note: string;
}

/** 00:00 JST `daysAgo` days before today, plus `hours`. */
const at = (today: number, daysAgo: number, hours: number) =>
  jstMidnight(dayToIsoDate(today - daysAgo)) + hours * HOUR_MS;

export function demoOutages(contracts: Contract[], now: number): DemoOutage[] {
  const today = jstDayNumber(now);
  const has = (customerId: string, service: SlaService) =>
    contracts.find((k) => k.customerId === customerId && k.service === service);
  const out: DemoOutage[] = [];
  if (has('c-hikari', 'iij-c-soc')) {
    // 50 minutes: more than the 40.3–44.6 minutes any month allows at 99.9 %.
    const start = at(today, 6, 2);
    out.push({
      customerId: 'c-hikari',
      service: 'iij-c-soc',
      contractId: null,
      startedAt: start,
      knownAt: start + 5 * MINUTE_MS,
      endedAt: start + 50 * MINUTE_MS,
      vendorFault: true,
      note: 'C-SOC 基盤の障害（IIJ 障害報告による）',
    });
  }
  const ddos = has('c-hikari', 'iij-ddos');
  if (ddos) {
    const start = at(today, 20, 9);
    out.push({
      customerId: 'c-hikari',
      service: 'iij-ddos',
      contractId: ddos.id,
      startedAt: start,
      knownAt: start + 30 * MINUTE_MS,
      endedAt: start + 27 * HOUR_MS,
      vendorFault: true,
      note: '緩和装置の故障により防御が停止',
    });
  }
  if (has('c-kawasemi', 'iij-c-soc')) {
    const start = at(today, 45, 3);
    out.push({
      customerId: 'c-kawasemi',
      service: 'iij-c-soc',
      contractId: null,
      startedAt: start,
      knownAt: null,
      endedAt: start + 20 * MINUTE_MS,
      vendorFault: true,
      note: '計画外の基盤再起動',
    });
  }
  if (has('c-tsubame', 'iij-c-soc')) {
    const start = at(today, 35, 22);
    out.push({
      customerId: 'c-tsubame',
      service: 'iij-c-soc',
      contractId: null,
      startedAt: start,
      knownAt: start + HOUR_MS,
      endedAt: start + 26 * HOUR_MS,
      vendorFault: true,
      note: 'ログ収集基盤の停止',
    });
  }
  return out;
}
