/**
 * What the desk shows beside a sheet and puts in an escalation package: the customer and its
 * registered contact, the linked alerts, the sensors' health and the contracts' standing. Callers
 * pass customer ids already resolved against the profile's scope.
 */
import {
  normalizeEmail,
  normalizeName,
  normalizePhone,
} from '../../../shared/hearing-sheet/caller';
import type {
  AlertBrief,
  CustomerMatch,
  ContractBrief,
  DeviceBrief,
  InquiryDetail,
  LinkedAlert,
} from '../../../shared/ops/desk';
import { contractStanding } from '../../../shared/contracts';
import { deviceStatus } from '../../../shared/devices';
import { fail } from '../../../shared/result';
import { jstIsoDate } from '../../../shared/time';
import { listContracts } from '../contracts/repo';
import { hiddenSql } from '../alerts/hidden';
import type { ServiceContext } from '../context';
import { listDevicesWithLatest } from '../devices/repo';
import { placeholders, scopeCustomers } from '../scope';

interface CustomerRow {
  id: string;
  name_ja: string;
  name_en: string;
  industry_ja: string;
  industry_en: string;
  contact_name: string;
  contact_kana: string;
  contact_department: string;
  contact_phone: string;
  contact_email: string;
  utm_url_filter: number;
  fw_proxy: number;
  partner_id: string;
  p_name_ja: string;
  p_name_en: string;
  desk_phone: string;
  desk_email: string;
}

export type CustomerRecord = InquiryDetail['customer'] & {
  partnerId: string;
  industryJa: string;
  industryEn: string;
};

export function customerRecord(ctx: ServiceContext, customerId: string): CustomerRecord {
  const r = ctx.db
    .prepare(
      `SELECT c.*, p.name_ja AS p_name_ja, p.name_en AS p_name_en, p.desk_phone, p.desk_email
       FROM customers c JOIN partners p ON p.id = c.partner_id WHERE c.id = ?`,
    )
    .get(customerId) as CustomerRow | undefined;
  if (!r) fail('not_found');
  return {
    id: r.id,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    industryJa: r.industry_ja,
    industryEn: r.industry_en,
    partnerId: r.partner_id,
    contact: {
      name: r.contact_name,
      nameKana: r.contact_kana,
      department: r.contact_department,
      phone: r.contact_phone,
      email: r.contact_email,
    },
    perimeter: { utmWithUrlFilter: r.utm_url_filter === 1, firewallAndProxy: r.fw_proxy === 1 },
    partner: {
      nameJa: r.p_name_ja,
      nameEn: r.p_name_en,
      deskPhone: r.desk_phone,
      deskEmail: r.desk_email,
    },
  };
}

export interface AlertRow {
  id: number;
  source: 'cts' | 'csoc';
  source_id: string;
  customer_id: string;
  module: string | null;
  threat_class: LinkedAlert['threatClass'];
  threat_kind: LinkedAlert['threatKind'];
  severity: LinkedAlert['severity'];
  source_severity: string;
  title_ja: string;
  title_en: string;
  description_ja: string;
  description_en: string;
  original_text: string | null;
  detected_at: number;
  notified_at: number | null;
  first_seen: number;
  last_seen: number;
  count: number;
  status: LinkedAlert['status'];
  kill_chain: string | null;
  tactic: string | null;
  hosts: string;
  indicators: string;
}

export function briefOf(r: AlertRow): AlertBrief {
  return {
    id: r.id,
    source: r.source,
    sourceId: r.source_id,
    severity: r.severity,
    threatClass: r.threat_class,
    threatKind: r.threat_kind,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    detectedAt: r.detected_at,
    status: r.status,
    hosts: JSON.parse(r.hosts) as string[],
  };
}

export function linkedOf(r: AlertRow): LinkedAlert {
  return {
    ...briefOf(r),
    module: r.module,
    descriptionJa: r.description_ja,
    descriptionEn: r.description_en,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    count: r.count,
    notifiedAt: r.notified_at,
    indicators: JSON.parse(r.indicators) as string[],
    killChain: r.kill_chain,
  };
}

export function linkedAlertRows(ctx: ServiceContext, inquiryId: string): AlertRow[] {
  return ctx.db
    .prepare(
      `SELECT a.* FROM inquiry_alerts x JOIN alerts a ON a.id = x.alert_id
       WHERE x.inquiry_id = ? ORDER BY x.position`,
    )
    .all(inquiryId) as AlertRow[];
}

/** Alerts by id that belong to the customer; any other id is refused (`forbidden`). */
export function alertsOfCustomer(
  ctx: ServiceContext,
  customerId: string,
  ids: number[],
): AlertRow[] {
  if (ids.length === 0) return [];
  const rows = ctx.db
    .prepare(
      `SELECT * FROM alerts WHERE id IN (${placeholders(ids.map(String))})${hiddenSql(ctx.db, 'id')}`,
    )
    .all(...ids) as AlertRow[];
  if (rows.length !== new Set(ids).size || rows.some((r) => r.customer_id !== customerId))
    fail('forbidden');
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
}

/** Recent alerts of a customer, newest first, plus those asked for by id. */
export function recentAlerts(
  ctx: ServiceContext,
  customerId: string,
  days: number,
  include: number[],
): AlertBrief[] {
  const since = ctx.clock.now() - days * 86_400_000;
  const rows = ctx.db
    .prepare(
      `SELECT * FROM alerts WHERE customer_id = ? AND detected_at >= ?${hiddenSql(ctx.db, 'id')}
       ORDER BY detected_at DESC LIMIT 200`,
    )
    .all(customerId, since) as AlertRow[];
  const extra = alertsOfCustomer(ctx, customerId, include).filter(
    (r) => !rows.some((x) => x.id === r.id),
  );
  return [...extra, ...rows].map(briefOf);
}

export function deviceBriefs(ctx: ServiceContext, customerId: string): DeviceBrief[] {
  const now = ctx.clock.now();
  return listDevicesWithLatest(ctx.db, [customerId]).map(({ device, latest }) => {
    const s = deviceStatus(device, latest, now);
    return {
      id: device.id,
      kind: device.kind,
      name: device.name,
      model: device.model,
      status: s.status,
      reasons: s.reasons,
      lastSeenAt: device.lastSeenAt,
    };
  });
}

export function contractBriefs(ctx: ServiceContext, customerId: string): ContractBrief[] {
  const today = jstIsoDate(ctx.clock.now());
  return listContracts(ctx.db, [customerId]).map((k) => {
    const s = contractStanding(k, today);
    return {
      id: k.id,
      service: k.service,
      contractNo: k.contractNo,
      termEnd: s.termEnd,
      noticeDeadline: s.noticeDeadline,
      minimumPeriodEnd: s.minimumPeriodEnd,
      noticeReceived: k.noticeReceived,
      requestedEnd: k.requestedEnd,
    };
  });
}

/** An alert of a customer in the profile's scope, or `not_found`. */
export function alertById(
  ctx: ServiceContext,
  alertId: number,
): AlertBrief & { customerId: string } {
  const r = ctx.db
    .prepare(`SELECT * FROM alerts WHERE id = ?${hiddenSql(ctx.db, 'id')}`)
    .get(alertId) as AlertRow | undefined;
  if (!r || !scopeCustomers(ctx).includes(r.customer_id)) fail('not_found');
  return { ...briefOf(r), customerId: r.customer_id };
}

/**
 * Finding the customer on a call (002 別紙3 2(3) "利用者…の本人確認"): by company name, or by the
 * registered contact's name, phone or e-mail, written however the caller says it. In scope only.
 */
export function findCustomers(ctx: ServiceContext, query: string): CustomerMatch[] {
  const ids = scopeCustomers(ctx);
  const rows = ctx.db
    .prepare(
      `SELECT id, name_ja, name_en, contact_name, contact_kana, contact_phone, contact_email
       FROM customers WHERE id IN (${placeholders(ids)}) ORDER BY id`,
    )
    .all(...ids) as Array<{
    id: string;
    name_ja: string;
    name_en: string;
    contact_name: string;
    contact_kana: string;
    contact_phone: string;
    contact_email: string;
  }>;
  const name = normalizeName(query);
  const phone = normalizePhone(query);
  const email = normalizeEmail(query);
  const out: CustomerMatch[] = [];
  for (const r of rows) {
    const matched: CustomerMatch['matched'] | null =
      phone.length >= 4 && normalizePhone(r.contact_phone).includes(phone)
        ? 'phone'
        : email.includes('@') && normalizeEmail(r.contact_email) === email
          ? 'email'
          : [r.name_ja, r.name_en].some((n) => normalizeName(n).includes(name))
            ? 'company'
            : [r.contact_name, r.contact_kana].some((n) => normalizeName(n).includes(name))
              ? 'contact'
              : null;
    if (matched) out.push({ id: r.id, nameJa: r.name_ja, nameEn: r.name_en, matched });
  }
  return out;
}
