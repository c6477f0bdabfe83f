/**
 * What to do when a device fails, and when rented hardware goes back: the steps of the service
 * terms per device kind, each with who acts and the article it comes from. Texts live in
 * locales/<lang>/devices.json (`guide.<guide>.<step>`); this file fixes the order, the actors and the
 * citations. See docs/devices.md.
 */
import type { DeviceKind } from './catalog';
import { addDays, type IsoDate } from './rules';

export type GuideId = 'cts' | 'appliance' | 'ddos' | 'vpn';
export type GuideActor = 'customer' | 'partner' | 'vendor';

export interface GuideStep {
  /** Locale key under `guide.<guide>.` */
  key: string;
  actor: GuideActor;
  /** Seed article, or null for SOC Desk's own advice (said so on screen). */
  article: string | null;
}

export function guideOf(kind: DeviceKind): GuideId {
  switch (kind) {
    case 'cts-sensor':
      return 'cts';
    case 'ddos':
      return 'ddos';
    case 'vpn':
      return 'vpn';
    case 'firewall':
    case 'ips':
    case 'swg':
    case 'mail':
    case 'endpoint':
    case 'waf':
      return 'appliance';
  }
}

export const FAULT_GUIDES: Record<GuideId, readonly GuideStep[]> = {
  // CTS hardware exchange, 002 別紙4 3: the partner isolates first, the vendor decides finally,
  // the customer unmounts the broken unit and mounts the replacement.
  cts: [
    { key: 'check', actor: 'customer', article: null },
    { key: 'contactPartner', actor: 'customer', article: '002 別紙3 1(2)' },
    { key: 'isolate', actor: 'partner', article: '002 別紙4 3(1)' },
    { key: 'decide', actor: 'vendor', article: '002 別紙4 3(1), 3(3)' },
    { key: 'replace', actor: 'vendor', article: '002 別紙4 3(1), 3(2)' },
    { key: 'swap', actor: 'customer', article: '002 別紙4 3(4), 1(6)' },
    { key: 'damages', actor: 'customer', article: '002 別紙4 3(1), 1(4)' },
  ],
  // Appliances belong to the connected IIJ service; C-SOC only analyses their logs (000 第1条, 第2条).
  appliance: [
    { key: 'check', actor: 'customer', article: null },
    { key: 'environment', actor: 'customer', article: '000 第8条' },
    { key: 'contactService', actor: 'customer', article: '000 第2条' },
    { key: 'gap', actor: 'vendor', article: '000 第2条' },
  ],
  // DDoS designated device, 004 第7条, 第8条.
  ddos: [
    { key: 'notify', actor: 'customer', article: '004 第8条1' },
    { key: 'investigate', actor: 'vendor', article: '004 第8条2' },
    { key: 'returnIfAsked', actor: 'customer', article: '004 第8条1' },
    { key: 'charge', actor: 'customer', article: '004 第8条3' },
    { key: 'donts', actor: 'customer', article: '004 第7条1(1)' },
  ],
  // Secure Endpoint tunnel-device option VPN pair, 001 第8条4.
  vpn: [
    { key: 'notify', actor: 'customer', article: '001 第8条4(3)' },
    { key: 'replacement', actor: 'vendor', article: '001 第8条4(4)' },
    { key: 'sendBack', actor: 'customer', article: '001 第8条4(4)' },
    { key: 'charge', actor: 'customer', article: '001 第8条4(5)' },
    { key: 'donts', actor: 'customer', article: '001 第8条4(1)' },
  ],
};

/** Rented devices go back within 30 days of the contract's end (004 第7条3; 001 第8条4(2)). */
export const RENTED_RETURN_DAYS = 30;

export interface ReturnRule {
  /** `within`: by `deadline`; `promptly`: the terms name no number of days. */
  kind: 'within' | 'promptly';
  days: number | null;
  /** Last day to return, when the contract's end is known and the terms count days. */
  deadline: IsoDate | null;
  article: string;
}

/**
 * How rented hardware goes back when its contract ends:
 * - DDoS designated device: within 30 days of the end (004 第7条3 "終了日から30日以内");
 * - Secure Endpoint VPN pair: within 30 days of the tunnel-device option's end (001 第8条4(2));
 * - CTS hardware: removed by the customer and returned promptly, shipping at the customer's cost
 *   (002 第4条4, 別紙4 4(2)(3)) — no number of days, so no deadline.
 * "Within 30 days of D" is read like the rules' "30日を経過する日": D + 30 (docs/rules.md).
 * Null for devices that are not rented.
 */
export function rentedReturn(kind: DeviceKind, contractEnd: IsoDate | null): ReturnRule | null {
  switch (kind) {
    case 'ddos':
    case 'vpn':
      return {
        kind: 'within',
        days: RENTED_RETURN_DAYS,
        deadline: contractEnd ? addDays(contractEnd, RENTED_RETURN_DAYS) : null,
        article: kind === 'ddos' ? '004 第7条3' : '001 第8条4(2)',
      };
    case 'cts-sensor':
      return { kind: 'promptly', days: null, deadline: null, article: '002 第4条4, 別紙4 4(2)(3)' };
    case 'firewall':
    case 'ips':
    case 'swg':
    case 'mail':
    case 'endpoint':
    case 'waf':
      return null;
  }
}
