/**
 * The escalation package (002 別紙3 1(2)③): what the second-line window needs to start without
 * calling back for basics — the hearing sheet, the linked alerts with their communications, the
 * sensors' health and the contract summary. Built once as JSON (stored byte for byte, hashed with
 * SHA-256), printed as a PDF of the same content; both carry the package id, the PDF the hash.
 */
import { createHash } from 'node:crypto';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  effectiveAnswers,
  renderSheet,
  type EscalationPackage,
} from '../../../shared/hearing-sheet';
import { contractStanding } from '../../../shared/contracts';
import { deviceStatus } from '../../../shared/devices';
import { INSURANCE_CAP_YEN, insuranceCoverageStart } from '../../../shared/rules';
import { jstIsoDate, toJstIso } from '../../../shared/time';
import type { CallerCheck } from '../../../shared/hearing-sheet/caller';
import { listContracts } from '../contracts/repo';
import type { ServiceContext } from '../context';
import { listDevicesWithLatest } from '../devices/repo';
import { customerRecord, linkedAlertRows } from './records';
import { parseAnswers, type InquiryRow } from './repo';
import { getTemplate } from './templates';

/** Communications per alert in the package; the total is stated beside them. */
export const MAX_COMMUNICATIONS = 500;

const iso = (ms: number | null) => (ms === null ? null : toJstIso(ms));

export function buildPackage(
  ctx: ServiceContext,
  row: InquiryRow,
  packageId: string,
  language: 'ja' | 'en',
  builtAt: number,
): EscalationPackage {
  const customer = customerRecord(ctx, row.customer_id);
  const template = getTemplate(ctx, row.template_id, row.template_version);
  const answers = effectiveAnswers(template, parseAnswers(row));
  const comms = ctx.db.prepare(
    `SELECT at, src, dst, port, protocol, url, action FROM communications WHERE alert_id = ?
     ORDER BY at, id LIMIT ${MAX_COMMUNICATIONS}`,
  );
  const commCount = ctx.db.prepare('SELECT count(*) AS n FROM communications WHERE alert_id = ?');
  const today = jstIsoDate(builtAt);
  const contracts = listContracts(ctx.db, [row.customer_id]);
  const soc = contracts.find((k) => k.service === 'soc-in-pocket');
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    packageId,
    builtAt: toJstIso(builtAt),
    basis: '002 別紙3 1(2)③',
    language,
    partner: {
      id: customer.partnerId,
      name: { ja: customer.partner.nameJa, en: customer.partner.nameEn },
      deskPhone: customer.partner.deskPhone,
      deskEmail: customer.partner.deskEmail,
    },
    customer: {
      id: customer.id,
      name: { ja: customer.nameJa, en: customer.nameEn },
      industry: { ja: customer.industryJa, en: customer.industryEn },
      registeredContact: customer.contact,
      perimeter: customer.perimeter,
    },
    inquiry: {
      id: row.id,
      channel: row.channel,
      receivedAt: iso(row.received_at),
      receptionDay: row.reception_day,
      firstAnswerDue: iso(row.due_at),
      receivedOutside: row.received_outside,
      importedFrom: row.imported_from,
      caller:
        row.caller_name === null
          ? null
          : {
              name: row.caller_name,
              phone: row.caller_phone ?? '',
              email: row.caller_email ?? '',
              result: row.caller_result,
              fields: row.caller_fields
                ? (({ name, phone, email }) => ({ name, phone, email }))(
                    JSON.parse(row.caller_fields) as CallerCheck,
                  )
                : null,
              decision: row.caller_decision,
              note: row.caller_note,
              verifiedAt: iso(row.verified_at),
            },
    },
    hearingSheet: {
      templateId: template.id,
      templateVersion: template.version,
      templateTitle: template.title,
      answers,
      sections: renderSheet(template, answers),
      template,
    },
    alerts: linkedAlertRows(ctx, row.id).map((a) => ({
      id: a.id,
      source: a.source,
      sourceId: a.source_id,
      module: a.module,
      threatClass: a.threat_class,
      threatKind: a.threat_kind,
      severity: a.severity,
      sourceSeverity: a.source_severity,
      title: { ja: a.title_ja, en: a.title_en },
      description: { ja: a.description_ja, en: a.description_en },
      originalText: a.original_text,
      detectedAt: toJstIso(a.detected_at),
      notifiedAt: iso(a.notified_at),
      firstSeen: toJstIso(a.first_seen),
      lastSeen: toJstIso(a.last_seen),
      count: a.count,
      status: a.status,
      killChain: a.kill_chain,
      tactic: a.tactic,
      hosts: JSON.parse(a.hosts) as string[],
      indicators: JSON.parse(a.indicators) as string[],
      communicationsTotal: (commCount.get(a.id) as { n: number }).n,
      communications: (
        comms.all(a.id) as Array<{
          at: number;
          src: string;
          dst: string;
          port: number | null;
          protocol: string;
          url: string | null;
          action: string;
        }>
      ).map((c) => ({ ...c, at: toJstIso(c.at) })),
    })),
    sensorHealth: listDevicesWithLatest(ctx.db, [row.customer_id]).map(({ device, latest }) => {
      const s = deviceStatus(device, latest, builtAt);
      return {
        deviceId: device.id,
        kind: device.kind,
        vendor: device.vendor,
        model: device.model,
        name: device.name,
        serial: device.serial,
        installedOn: device.installedOn,
        lastSeenAt: iso(device.lastSeenAt),
        dataCollectionOk: device.dataCollectionOk,
        status: s.status,
        reasons: s.reasons,
        latest: latest
          ? {
              at: toJstIso(latest.at),
              cpuPct: latest.cpuPct,
              memPct: latest.memPct,
              diskPct: latest.diskPct,
              bandwidthMbps: latest.bandwidthMbps,
              endpoints: latest.endpoints,
            }
          : null,
      };
    }),
    contracts: contracts.map((k) => {
      const s = contractStanding(k, today);
      return {
        id: k.id,
        service: k.service,
        contractNo: k.contractNo,
        start: k.start,
        billingStart: k.billingStart,
        termStart: s.termStart,
        termEnd: s.termEnd,
        noticeDeadline: s.noticeDeadline,
        minimumPeriodEnd: s.minimumPeriodEnd,
        noticeReceived: k.noticeReceived,
        requestedEnd: k.requestedEnd,
      };
    }),
    // 002 別紙5: cover from the 1st of the month after the service start, up to ¥3,000,000.
    insurance: soc
      ? {
          coverageStart: insuranceCoverageStart({ serviceStart: soc.start }),
          capYen: INSURANCE_CAP_YEN,
        }
      : null,
  };
}

/** The JSON file exactly as stored and sent, and the SHA-256 (hex) of its UTF-8 bytes. */
export function serializePackage(pkg: EscalationPackage): { json: string; sha256: string } {
  const json = `${JSON.stringify(pkg, null, 2)}\n`;
  return { json, sha256: createHash('sha256').update(json, 'utf8').digest('hex') };
}
