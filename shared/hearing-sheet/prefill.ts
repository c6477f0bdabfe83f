/**
 * Prefilling a sheet from what SOC Desk already knows, so the call is spent on what only the
 * customer can say: the linked alerts (hosts, first seen, what was notified), the customer's
 * records (the parameter sheet's contact and perimeter, 002 別紙4 2(4), 別紙2 2(3)), the caller
 * check and the reception clock. Never overwrites an answer already given.
 */
import type { Language } from '../catalog';
import { toJstIso } from '../time';
import { isAnswered, isHostOrIp } from './logic';
import {
  allQuestions,
  type AnswerValue,
  type Answers,
  type PrefillSource,
  type Template,
} from './schema';

export interface PrefillAlert {
  source: 'cts' | 'csoc';
  sourceId: string;
  titleJa: string;
  titleEn: string;
  firstSeen: number;
  hosts: string[];
  indicators: string[];
}

export interface PrefillData {
  language: Language;
  customer?: {
    nameJa: string;
    nameEn: string;
    contact: { name: string; department: string; phone: string; email: string };
    perimeter: { utmWithUrlFilter: boolean; firewallAndProxy: boolean };
  };
  caller?: { name: string; phone: string; email: string } | null;
  alerts?: PrefillAlert[];
  receivedAt?: number | null;
}

const unique = (xs: string[]) => [...new Set(xs)];
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The value a source gives for these records, or undefined when it has nothing. */
export function prefillValue(source: PrefillSource, d: PrefillData): AnswerValue | undefined {
  const alerts = d.alerts ?? [];
  const c = d.customer;
  const text = (s: string | undefined) => (s && s.trim() !== '' ? s : undefined);
  switch (source) {
    case 'customer.name':
      return c ? (d.language === 'ja' ? c.nameJa : c.nameEn) : undefined;
    case 'contact.name':
      return text(c?.contact.name);
    case 'contact.department':
      return text(c?.contact.department);
    case 'contact.phone':
      return text(c?.contact.phone);
    case 'contact.email':
      return text(c?.contact.email);
    case 'caller.name':
      return text(d.caller?.name);
    case 'caller.phone':
      return text(d.caller?.phone);
    case 'caller.email':
      return text(d.caller?.email);
    case 'alerts.summary':
      return alerts.length === 0
        ? undefined
        : alerts
            .map((a) => `${a.sourceId} ${d.language === 'ja' ? a.titleJa : a.titleEn}`)
            .join('\n');
    case 'alerts.firstSeen':
      return alerts.length === 0
        ? undefined
        : toJstIso(Math.min(...alerts.map((a) => a.firstSeen)));
    case 'alerts.hosts': {
      const hosts = unique(alerts.flatMap((a) => a.hosts)).filter(isHostOrIp);
      return hosts.length ? hosts.slice(0, 500) : undefined;
    }
    case 'alerts.indicators': {
      const ind = unique(alerts.flatMap((a) => a.indicators)).filter(isHostOrIp);
      return ind.length ? ind.slice(0, 500) : undefined;
    }
    case 'perimeter.utmWithUrlFilter':
      return c ? yesNo(c.perimeter.utmWithUrlFilter) : undefined;
    case 'perimeter.firewallAndProxy':
      return c ? yesNo(c.perimeter.firewallAndProxy) : undefined;
    case 'inquiry.receivedAt':
      return d.receivedAt ? toJstIso(d.receivedAt) : undefined;
  }
}

/**
 * Answers for the prefilled questions that are still unanswered (to be merged into the sheet).
 * Questions already answered are left as the person wrote them.
 */
export function prefill(template: Template, answers: Answers, data: PrefillData): Answers {
  const out: Answers = {};
  for (const { question } of allQuestions(template)) {
    if (!question.prefill || isAnswered(answers[question.id])) continue;
    const v = prefillValue(question.prefill, data);
    if (v !== undefined) out[question.id] = v;
  }
  return out;
}
