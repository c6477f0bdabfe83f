/**
 * The world the tenant-isolation table probes (test/unit/hardening/tenant-isolation.test.ts and
 * test/e2e/hardening-isolation.spec.ts): the demo data plus, made through the API as the partner
 * p-minato and its customer c-sakuragawa, one of everything a tenant can own — desk records, an
 * escalation package, a prepared sheet, reports, an imported bundle, exports, running jobs, an
 * import, a feed. The victims are p-minato's customers c-sakuragawa and c-kawasemi; the attackers
 * are c-aoba (a customer of the same partner) and p-hokuto (the other partner).
 *
 * Runner-agnostic (no vitest, no Playwright): a transport calls operations, reads the store and
 * moves files, so the same world is built through the dispatcher and over the browser host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperationName } from '../../../shared/api';
import type { Result } from '../../../shared/result';

export interface Transport {
  call(name: OperationName, input: unknown): Promise<Result<unknown>>;
  query<T>(sql: string, ...params: unknown[]): T[];
  /** Registers bytes as an upload (no customer's data attached) and returns its file id. */
  upload(name: string, bytes: Buffer): Promise<string>;
  /** The bytes of a file the app handed out, fetched as the current profile. */
  download(fileId: string): Promise<Buffer>;
}

export const VICTIM_PARTNER = 'p-minato';
export const VICTIM = 'c-sakuragawa';
/** The victim partner's C-SOC customer (its outages are in the demo data). */
export const VICTIM_CSOC = 'c-kawasemi';

export interface Attacker {
  kind: 'customer' | 'partner';
  id: string;
  /** A customer the attacker may use (its own), for probes that mix own and foreign ids. */
  own: string;
}

export const ATTACKERS: readonly Attacker[] = [
  { kind: 'customer', id: 'c-aoba', own: 'c-aoba' },
  { kind: 'partner', id: 'p-hokuto', own: 'c-hikari' },
];

export interface OutageRow {
  id: number;
  customerId: string;
  service: 'iij-c-soc' | 'iij-ddos';
  contractId: string | null;
  startedAt: number;
  knownAt: number | null;
  endedAt: number | null;
  vendorFault: boolean;
  note: string;
}

export interface World {
  alertId: number;
  recommendationId: string;
  deviceId: string;
  contractId: string;
  outage: OutageRow;
  /** A partner-side inquiry, escalated (with its package), and one answered by phone (closed). */
  inquiryId: string;
  closedInquiryId: string;
  packageId: string;
  /** The customer's own prepared sheet (side 'customer'). */
  sheetId: string;
  month: string;
  reportId: string;
  importedId: number;
  alertsJobId: string;
  reportsJobId: string;
  /** Files made for the victim (exports): they carry the victim's customer id. */
  exports: { customer: string; csv: string; sheet: string; packageJson: string; bundle: string };
  /** The same sheet and bundle uploaded again: files without a customer tag, foreign content. */
  uploads: { sheet: string; bundle: string };
  /** Strings only the victims' data contains: none may appear in an attacker's answer. */
  markers: string[];
}

export const MARK = {
  answer: 'VICTIM-ANSWER-7Q2X',
  outageNote: 'VICTIM-OUTAGE-NOTE-5K8P',
  importFile: 'victim-import-sakuragawa-3F9A.ndjson',
  feedUrl: 'https://feed.victim-minato.example/v1',
  feedToken: 'victim-feed-token-9Zr2Lq',
} as const;

async function value<T>(t: Transport, name: OperationName, input: unknown): Promise<T> {
  const r = await t.call(name, input);
  if (!r.ok) throw new Error(`world: ${name} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const as = (t: Transport, kind: 'customer' | 'partner', id: string) =>
  value(t, 'session.setProfile', { kind, id });

const importLine = (customerId: string, at: string) =>
  JSON.stringify({
    sourceId: 'CTS-ISOLATION-0001',
    source: 'cts',
    customerId,
    threatKind: 'c2',
    severity: 'High',
    titleJa: '隔離テストのアラート',
    titleEn: 'Isolation test alert',
    descriptionJa: '説明',
    descriptionEn: 'Description',
    detectedAt: at,
    hosts: ['SKR-ISOLATION-01'],
  });

/** Builds the world through the API (as the victims) and returns its ids and markers. */
export async function buildWorld(t: Transport): Promise<World> {
  await as(t, 'partner', VICTIM_PARTNER);
  const alert = t.query<{ id: number; source_id: string; threat_kind: string }>(
    `SELECT id, source_id, threat_kind FROM alerts WHERE customer_id = ? AND threat_kind = 'c2'
     ORDER BY detected_at DESC LIMIT 1`,
    VICTIM,
  )[0]!;
  const [outageRow] = t.query<{
    id: number;
    customer_id: string;
    service: OutageRow['service'];
    contract_id: string | null;
    started_at: number;
    known_at: number | null;
    ended_at: number | null;
    vendor_fault: number;
  }>('SELECT * FROM outages WHERE customer_id = ? ORDER BY id LIMIT 1', VICTIM_CSOC);
  const outage: OutageRow = {
    id: outageRow!.id,
    customerId: outageRow!.customer_id,
    service: outageRow!.service,
    contractId: outageRow!.contract_id,
    startedAt: outageRow!.started_at,
    knownAt: outageRow!.known_at,
    endedAt: outageRow!.ended_at,
    vendorFault: outageRow!.vendor_fault === 1,
    note: MARK.outageNote,
  };
  // An edit, so the outage has a history (with the note in it) to probe.
  await value(t, 'sla.saveOutage', outage);

  // Desk: an escalated inquiry with its package, and one answered by phone.
  const caller = { name: '佐藤 美咲', phone: '03-5550-0141', email: '' };
  const answers = {
    'inquiry-type': ['impact', 'recommendations'],
    question: `自社に影響があるか知りたい。${MARK.answer}`,
    'what-seen': 'CTS ポータルで通知を確認しました。',
    urgency: 'single-device',
    'fw-proxy': 'no',
  };
  const started = async () => {
    const { inquiryId } = await value<{ inquiryId: string }>(t, 'desk.start', {
      customerId: VICTIM,
      alertIds: [alert.id],
    });
    await value(t, 'desk.verifyCaller', { inquiryId, ...caller });
    await value(t, 'desk.saveAnswers', { inquiryId, patch: answers });
    return inquiryId;
  };
  const inquiryId = await started();
  const { packageId } = await value<{ packageId: string }>(t, 'desk.escalate', {
    inquiryId,
    language: 'ja',
  });
  const closedInquiryId = await started();
  await value(t, 'desk.answer', { inquiryId: closedInquiryId, text: '影響はありません。' });
  const packageJson = (
    await value<{ fileId: string }>(t, 'desk.packageFile', {
      packageId,
      part: 'json',
    })
  ).fileId;

  // Reports: one for the victim, its bundle imported back, a running CSV job.
  const { months } = await value<{ months: string[] }>(t, 'reports.list', { customerId: null });
  const month = months[1]!;
  const { reportId } = await value<{ reportId: string }>(t, 'reports.create', {
    customerId: VICTIM,
    month,
    language: 'ja',
  });
  const bundle = (await value<{ fileId: string }>(t, 'reports.bundle', { reportId })).fileId;
  const { id: importedId } = await value<{ id: number }>(t, 'reports.importBundle', {
    fileId: bundle,
  });
  const bundleBytes = await t.download(bundle);
  const { jobId: reportsJobId } = await value<{ jobId: string }>(t, 'reports.exportAlerts', {
    reportId,
  });
  const { jobId: alertsJobId } = await value<{ jobId: string }>(t, 'alerts.export', {
    filter: { customerId: VICTIM },
  });
  const customerExport = (
    await value<{ fileId: string }>(t, 'system.exportCustomer', {
      customerId: VICTIM,
    })
  ).fileId;
  // A CSV with the victim's name in its rows (what an import preview would show).
  const csv = (
    await value<{ fileId: string }>(t, 'contracts.exportDeadlines', {
      customerId: VICTIM,
      language: 'ja',
    })
  ).fileId;

  // An alert import for the victim (its file name is a marker in the import list).
  const header = JSON.stringify({ format: 'soc-desk-alerts', version: 1, generator: 'test' });
  const importFile = await t.upload(
    MARK.importFile,
    Buffer.from(`${header}\n${importLine(VICTIM, '2026-11-21T09:00:00+09:00')}\n`),
  );
  await value(t, 'alerts.import.start', { fileId: importFile, format: 'ndjson' });
  for (let i = 0; i < 300; i++) {
    const list = await value<Array<{ fileName: string; state: string }>>(
      t,
      'alerts.import.list',
      {},
    );
    const state = list.find((r) => r.fileName === MARK.importFile)?.state;
    if (state && state !== 'validating' && state !== 'applying') break;
    await new Promise((r) => setTimeout(r, 100));
  }

  // A feed configured by the victim partner (its address and token are the partner's).
  await value(t, 'sync.configure', {
    url: MARK.feedUrl,
    intervalMinutes: 60,
    enabled: false,
    token: MARK.feedToken,
  });

  // The customer's own prepared sheet, exported (a file with the victim's data).
  await as(t, 'customer', VICTIM);
  const { inquiryId: sheetId } = await value<{ inquiryId: string }>(t, 'desk.start', {
    customerId: VICTIM,
    alertIds: [alert.id],
  });
  await value(t, 'desk.saveAnswers', { inquiryId: sheetId, patch: answers });
  const sheet = (
    await value<{ fileId: string }>(t, 'desk.exportSheet', {
      inquiryId: sheetId,
      part: 'json',
      language: 'ja',
    })
  ).fileId;
  const sheetBytes = await t.download(sheet);

  // Reads that may fold derived data in: done now, so probes start from a settled store.
  await as(t, 'partner', VICTIM_PARTNER);
  await value(t, 'alerts.list', { filter: { customerId: null } });
  await value(t, 'alerts.import.list', {});
  await value(t, 'desk.templates', {});

  const world: Omit<World, 'markers'> = {
    alertId: alert.id,
    recommendationId: firstRecommendation(alert.threat_kind),
    deviceId: `d-${VICTIM.slice(2)}-1`,
    contractId: `k-${VICTIM.slice(2)}-1`,
    outage,
    inquiryId,
    closedInquiryId,
    packageId,
    sheetId,
    month,
    reportId,
    importedId,
    alertsJobId,
    reportsJobId,
    exports: { customer: customerExport, csv, sheet, packageJson, bundle },
    uploads: {
      sheet: await t.upload('prepared-sheet.json', sheetBytes),
      bundle: await t.upload('report.socdesk', bundleBytes),
    },
  };
  return { ...world, markers: markersOf(t, world, alert.source_id) };
}

/** The knowledge base's first recommendation for a kind (read as a file: Playwright has no JSON modules). */
function firstRecommendation(kind: string): string {
  const file = join(import.meta.dirname, '..', '..', '..', 'assets', 'kb', `${kind}.json`);
  const entry = JSON.parse(readFileSync(file, 'utf8')) as {
    recommendations: Array<{ id: string }>;
  };
  return entry.recommendations[0]!.id;
}

function markersOf(t: Transport, w: Omit<World, 'markers'>, alertSourceId: string): string[] {
  const victims = [VICTIM, VICTIM_CSOC];
  const people = t.query<Record<string, string>>(
    `SELECT id, name_ja, name_en, contact_name, contact_kana, contact_phone, contact_email
     FROM customers WHERE id IN (?, ?)`,
    ...victims,
  );
  const things = t.query<{ v: string }>(
    `SELECT id AS v FROM devices WHERE customer_id IN (?, ?)
     UNION SELECT name FROM devices WHERE customer_id IN (?, ?)
     UNION SELECT contract_no FROM contracts WHERE customer_id IN (?, ?)`,
    ...victims,
    ...victims,
    ...victims,
  );
  return [
    ...people.flatMap((p) => Object.values(p)),
    ...things.map((r) => r.v),
    alertSourceId,
    w.inquiryId,
    w.closedInquiryId,
    w.packageId,
    w.sheetId,
    w.reportId,
    ...Object.values(w.exports),
    ...Object.values(MARK),
  ].filter((m) => m.length >= 6);
}
