/**
 * Tenant isolation, operation by operation (issue #8): for EVERY operation of the contract either
 * probes — what an attacker profile sends to read or change the victims' data (isolation-world.ts),
 * each expected to be refused (`forbidden`/`not_found`) or, for a listing, answered without any of
 * the victims' data — or the reason the operation carries no tenant's data. The type makes a new
 * operation without an entry a compile error; the tests also check it at run time.
 */
import type { OperationName } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { MARK, VICTIM, VICTIM_CSOC, type Attacker, type World } from './isolation-world';

export interface Attempt {
  input: unknown;
  /** `refused`: forbidden or not_found. `clean`: any answer, but none of the victims' data. */
  expect: 'refused' | 'clean';
}

export type Entry = { probes: (w: World, a: Attacker) => Attempt[] } | { reason: string };

const refused = (...inputs: unknown[]): Attempt[] =>
  inputs.map((input) => ({ input, expect: 'refused' }));
const clean = (...inputs: unknown[]): Attempt[] =>
  inputs.map((input) => ({ input, expect: 'clean' }));
const probe = (f: (w: World, a: Attacker) => Attempt[]): Entry => ({ probes: f });
const reason = (text: string): Entry => ({ reason: text });

const PASS = 'correct horse battery staple';
const victims = [VICTIM, VICTIM_CSOC];
const forVictims = (f: (id: string) => unknown) => victims.map(f);

export const TABLE: Record<OperationName, Entry> = {
  'app.info': reason('name, version, host, clock and data folder of this installation'),
  'session.get': reason('the current profile itself'),
  'session.setProfile': reason(
    'choosing who one is (profiles are declared, not authenticated: docs/security.md); every other operation then applies that profile’s scope',
  ),
  'session.clearProfile': reason('forgets the profile; no tenant data'),
  'session.setLanguage': reason('the screen language'),
  'profiles.options': reason(
    'the first-run chooser lists every company of the store by name, before any scope exists (docs/design.md "Profiles")',
  ),
  'customers.list': probe(() => clean({})),
  'dashboard.summary': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId, days: 30 }))),
    ...clean({ customerId: null, days: 90 }),
  ]),

  'files.open': reason(
    'the desktop open dialog: registers a file the user picks, no customer’s data yet',
  ),
  'files.save': probe((w) => refused(...Object.values(w.exports).map((fileId) => ({ fileId })))),
  'files.saveToFolder': probe((w) =>
    refused(...Object.values(w.exports).map((fileId) => ({ fileIds: [fileId] }))),
  ),
  'files.discard': probe((w) => refused(...Object.values(w.exports).map((fileId) => ({ fileId })))),
  'files.limits': reason('the upload limit, a constant'),

  'alerts.list': probe(() => [
    ...refused(...forVictims((customerId) => ({ filter: { customerId } }))),
    ...clean({ filter: { customerId: null } }, { filter: { customerId: null, q: 'SKR' } }),
  ]),
  'alerts.count': probe(() => [
    ...refused(...forVictims((customerId) => ({ filter: { customerId } }))),
    ...clean({ filter: { customerId: null } }),
  ]),
  'alerts.rows': probe((w) => clean({ ids: [w.alertId] })),
  'alerts.get': probe((w) => refused({ id: w.alertId })),
  'alerts.setStatus': probe((w) =>
    refused(
      { ids: [w.alertId], status: 'acknowledged' },
      { ids: [w.alertId], status: 'false_positive', note: 'x' },
    ),
  ),
  'alerts.setChecklist': probe((w) =>
    refused({ alertId: w.alertId, recommendationId: w.recommendationId, done: true }),
  ),
  'alerts.export': probe(() =>
    refused(...forVictims((customerId) => ({ filter: { customerId } }))),
  ),
  'alerts.import.preview': probe((w) =>
    refused({ fileId: w.exports.csv }, { fileId: w.exports.customer }),
  ),
  'alerts.import.start': probe((w) =>
    refused(
      { fileId: w.exports.customer, format: 'ndjson' },
      { fileId: w.exports.csv, format: 'csv', mapping: { sourceId: 0 } },
    ),
  ),
  'alerts.cancelJob': probe((w) => refused({ jobId: w.alertsJobId })),
  'alerts.import.list': probe(() => clean({})),

  'devices.list': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId }))),
    ...clean({ customerId: null }),
  ]),
  'devices.get': probe((w) => refused({ deviceId: w.deviceId, days: 30 })),
  'dashboard.attention': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId }))),
    ...clean({ customerId: null }),
  ]),

  'contracts.list': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId }))),
    ...clean({ customerId: null }),
  ]),
  'contracts.estimate': probe((w) =>
    refused({ contractId: w.contractId, noticeReceived: '2026-11-20', requested: null }),
  ),
  'contracts.deadlines': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId }))),
    ...clean({ customerId: null }),
  ]),
  'contracts.exportDeadlines': probe(() =>
    refused(...forVictims((customerId) => ({ customerId, language: 'ja' }))),
  ),

  'sla.ledger': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId, months: 12 }))),
    ...clean({ customerId: null, months: 12 }),
  ]),
  'sla.saveOutage': probe((w, a) => {
    const { id: _id, ...fresh } = w.outage;
    return refused(
      w.outage,
      // Moving the victim's outage into one's own ledger, or recording one for the victim.
      { ...w.outage, customerId: a.own, contractId: null },
      fresh,
    );
  }),
  'sla.deleteOutage': probe((w) => refused({ id: w.outage.id })),
  'sla.outageHistory': probe((w) => clean({ id: w.outage.id })),

  'desk.queue': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId, view: 'all' }))),
    ...clean({ customerId: null, view: 'all' }),
  ]),
  'desk.get': probe((w) =>
    refused(...[w.inquiryId, w.closedInquiryId, w.sheetId].map((inquiryId) => ({ inquiryId }))),
  ),
  'desk.alerts': probe((w, a) =>
    refused({ customerId: VICTIM }, { customerId: a.own, include: [w.alertId] }),
  ),
  'desk.findCustomers': probe(() =>
    clean(
      { query: '03-5550-0141' },
      { query: 'misaki.sato@sakuragawa-seiki.example' },
      { query: '桜川精機' },
      { query: '佐藤 美咲' },
    ),
  ),
  'desk.alert': probe((w) => refused({ alertId: w.alertId })),
  'desk.start': probe((w, a) =>
    refused({ customerId: VICTIM }, { customerId: a.own, alertIds: [w.alertId] }),
  ),
  'desk.update': probe((w) =>
    refused({ inquiryId: w.inquiryId, channel: 'email' }, { inquiryId: w.sheetId, alertIds: [] }),
  ),
  'desk.verifyCaller': probe((w) =>
    refused({ inquiryId: w.inquiryId, name: '佐藤 美咲', phone: '03-5550-0141', email: '' }),
  ),
  'desk.saveAnswers': probe((w) =>
    refused(
      { inquiryId: w.inquiryId, patch: { question: 'x' } },
      { inquiryId: w.sheetId, patch: { question: 'x' } },
    ),
  ),
  'desk.answer': probe((w) => refused({ inquiryId: w.inquiryId, text: 'x' })),
  'desk.escalate': probe((w) => refused({ inquiryId: w.inquiryId, language: 'en' })),
  'desk.printPackage': probe((w) => refused({ packageId: w.packageId })),
  'desk.package': probe((w) => refused({ packageId: w.packageId })),
  'desk.packageFile': probe((w) =>
    refused({ packageId: w.packageId, part: 'json' }, { packageId: w.packageId, part: 'pdf' }),
  ),
  'desk.sendPackage': probe((w) => refused({ packageId: w.packageId })),
  'desk.recordFileDelivery': probe((w) => refused({ packageId: w.packageId })),
  'desk.acknowledge': probe((w) => refused({ inquiryId: w.inquiryId })),
  'desk.recordSecondLine': probe((w) =>
    refused({
      inquiryId: w.inquiryId,
      incidentStatus: 'resolved',
      resolution: 'x',
      prevention: '',
      vendorIntroduced: false,
      insuranceRelevant: false,
    }),
  ),
  'desk.close': probe((w) => refused({ inquiryId: w.inquiryId })),
  'desk.discard': probe((w) => refused({ inquiryId: w.sheetId })),
  'desk.templates': probe(() => clean({})),
  'desk.template': probe(() => clean({ id: 'cts-incident-support', version: 1 })),
  'desk.importTemplate': probe((w) => refused({ fileId: w.exports.sheet })),
  'desk.setActiveTemplate': reason(
    'chooses which vendor form new sheets use in this installation (a partner-desk setting; customers are refused); forms hold no tenant data',
  ),
  'desk.exportSheet': probe((w) =>
    refused(
      { inquiryId: w.sheetId, part: 'json', language: 'ja' },
      { inquiryId: w.inquiryId, part: 'json', language: 'ja' },
    ),
  ),
  'desk.mailSheet': probe((w) => refused({ inquiryId: w.sheetId, language: 'ja' })),
  'desk.importSheet': probe((w) =>
    refused({ fileId: w.uploads.sheet }, { fileId: w.exports.sheet }),
  ),
  'desk.mailSettings': probe(() => clean({})),
  'desk.saveMailSettings': reason(
    'the SMTP server of this installation, shared by its profiles; no customer’s records, and the stored password is never returned',
  ),

  'sync.status': probe(() => clean({})),
  'sync.configure': probe(() =>
    refused({ url: 'https://feed.attacker.example/v1', intervalMinutes: 5, enabled: true }),
  ),
  'sync.run': probe(() => refused({})),
  'sync.disconnect': probe(() => refused({})),

  'reports.list': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId }))),
    ...clean({ customerId: null }),
  ]),
  'reports.create': probe((w) =>
    refused(...forVictims((customerId) => ({ customerId, month: w.month, language: 'ja' }))),
  ),
  'reports.get': probe((w) => refused({ reportId: w.reportId })),
  'reports.delete': probe((w) => refused({ reportId: w.reportId })),
  'reports.pdf': probe((w) => refused({ reportId: w.reportId })),
  'reports.csv': probe((w) =>
    refused(
      { reportId: w.reportId, table: 'alerts-by-day' },
      { reportId: w.reportId, table: 'top-hosts' },
    ),
  ),
  'reports.exportAlerts': probe((w) => refused({ reportId: w.reportId })),
  'reports.cancelJob': probe((w) => refused({ jobId: w.reportsJobId })),
  'reports.bundle': probe((w) => refused({ reportId: w.reportId })),
  'reports.importBundle': probe((w) =>
    refused({ fileId: w.exports.bundle }, { fileId: w.uploads.bundle }),
  ),
  'reports.listImported': probe(() => [
    ...refused(...forVictims((customerId) => ({ customerId }))),
    ...clean({ customerId: null }),
  ]),
  'reports.getImported': probe((w) => refused({ id: w.importedId })),
  'reports.importedPdf': probe((w) => refused({ id: w.importedId })),
  'reports.importedCsv': probe((w) => refused({ id: w.importedId, table: 'alerts-by-day' })),
  'reports.deleteImported': probe((w) => refused({ id: w.importedId })),

  'system.backup': probe(() => refused({ passphrase: PASS })),
  'system.restore': probe((w) =>
    refused(
      { fileId: w.exports.customer, passphrase: PASS },
      { fileId: w.uploads.sheet, passphrase: PASS },
    ),
  ),
  'system.exportCustomer': probe(() => refused(...forVictims((customerId) => ({ customerId })))),

  'privacy.settings': probe(() => clean({})),
  'privacy.setRetention': reason(
    "a partner's own retention setting, which reaches only its own customers' desk records (test/unit/privacy); customers are refused",
  ),
  'privacy.preview': probe(() => clean({ months: 1 })),
  'privacy.purge': reason(
    "purges with the partner's own setting over its own customers only (test/unit/privacy: other tenants untouched); customers are refused",
  ),
  'privacy.inquiry': probe((w) =>
    refused(...[w.inquiryId, w.closedInquiryId, w.sheetId].map((inquiryId) => ({ inquiryId }))),
  ),
  'privacy.eraseInquiry': probe((w) =>
    refused(...[w.inquiryId, w.closedInquiryId, w.sheetId].map((inquiryId) => ({ inquiryId }))),
  ),
  'privacy.findCaller': probe(() =>
    clean({
      name: '佐藤 美咲',
      phone: '03-5550-0141',
      email: 'misaki.sato@sakuragawa-seiki.example',
    }),
  ),
  'privacy.eraseCaller': probe(() =>
    clean({
      name: '佐藤 美咲',
      phone: '03-5550-0141',
      email: 'misaki.sato@sakuragawa-seiki.example',
    }),
  ),
  'privacy.eraseContact': probe(() => refused(...forVictims((customerId) => ({ customerId })))),
};

/** What is wrong with one answer to one attempt (empty: nothing). */
export function problemsOf(
  name: string,
  attempt: Attempt,
  result: Result<unknown>,
  text: string,
  markers: readonly string[],
): string[] {
  const out: string[] = [];
  const at = `${name} ${JSON.stringify(attempt.input).slice(0, 120)}`;
  if (attempt.expect === 'refused') {
    if (result.ok) out.push(`${at}: answered instead of refusing`);
    else if (result.error.code !== 'forbidden' && result.error.code !== 'not_found')
      out.push(`${at}: refused with ${result.error.code}, not forbidden/not_found`);
  }
  for (const m of markers) if (text.includes(m)) out.push(`${at}: answer contains "${m}"`);
  return out;
}

/** Marker strings the table names itself (documented in MARK). */
export { MARK };
