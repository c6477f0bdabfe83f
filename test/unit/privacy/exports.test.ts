/**
 * Every export writes an audit row (issue #8): the operations of EXPORT_OPS are run one by one
 * — files, streamed jobs and mails — and each must add its row with the profile, the entity and
 * the customer, and nothing of what was exported. Two scans make sure the list is complete: every
 * operation declared with a FileRef result, and every place in the services that makes an output
 * file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRef } from '../../../shared/api';
import { EXPORT_OPS, type ExportOp } from '../../../electron/services/privacy/export-audit';
import { asCustomer, asPartner, call, fakePrinter, readyInquiry, type App } from '../desk/util';
import { suiteApp, testApp } from '../helpers';
import { markersIn } from './util';

const root = join(import.meta.dirname, '..', '..', '..');
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve((server.server.address() as { port: number }).port),
    ),
  );
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

interface World {
  reportId: string;
  importedId: number;
  packageId: string;
  inquiryId: string;
  sheetId: string;
}

type Case = (w: World) => {
  as: 'partner' | 'customer';
  input: Record<string, unknown>;
  id: string;
};

/** How to run each export, and the entity id its audit row must name. */
const CASES: Record<ExportOp, Case> = {
  'alerts.export': () => ({
    as: 'partner',
    input: { filter: { customerId: 'c-sakuragawa' } },
    id: 'view',
  }),
  'contracts.exportDeadlines': () => ({
    as: 'partner',
    input: { customerId: 'c-sakuragawa', language: 'ja' },
    id: 'c-sakuragawa',
  }),
  'desk.packageFile': (w) => ({
    as: 'partner',
    input: { packageId: w.packageId, part: 'json' },
    id: w.packageId,
  }),
  'desk.sendPackage': (w) => ({
    as: 'partner',
    input: { packageId: w.packageId },
    id: w.packageId,
  }),
  'desk.exportSheet': (w) => ({
    as: 'customer',
    input: { inquiryId: w.sheetId, part: 'json', language: 'ja' },
    id: w.sheetId,
  }),
  'desk.mailSheet': (w) => ({
    as: 'customer',
    input: { inquiryId: w.sheetId, language: 'ja' },
    id: w.sheetId,
  }),
  'reports.pdf': (w) => ({ as: 'partner', input: { reportId: w.reportId }, id: w.reportId }),
  'reports.csv': (w) => ({
    as: 'partner',
    input: { reportId: w.reportId, table: 'alerts-by-day' },
    id: w.reportId,
  }),
  'reports.bundle': (w) => ({ as: 'partner', input: { reportId: w.reportId }, id: w.reportId }),
  'reports.exportAlerts': (w) => ({
    as: 'partner',
    input: { reportId: w.reportId },
    id: w.reportId,
  }),
  'reports.importedPdf': (w) => ({
    as: 'partner',
    input: { id: w.importedId },
    id: String(w.importedId),
  }),
  'reports.importedCsv': (w) => ({
    as: 'partner',
    input: { id: w.importedId, table: 'alerts-by-day' },
    id: String(w.importedId),
  }),
  'system.backup': () => ({
    as: 'partner',
    input: { passphrase: 'correct horse battery staple' },
    id: 'socdesk.db',
  }),
  'system.exportCustomer': () => ({
    as: 'partner',
    input: { customerId: 'c-sakuragawa' },
    id: 'c-sakuragawa',
  }),
};

async function makeWorld(app: App): Promise<World> {
  fakePrinter(app);
  await asPartner(app, 'p-minato');
  await call(app, 'desk.saveMailSettings', {
    host: '127.0.0.1',
    port,
    security: 'none',
    user: '',
    from: 'soc-desk@minato-is.example',
    secondLineTo: 'second-line@cts-vendor.example',
  });
  const inquiryId = await readyInquiry(app);
  const { packageId } = await call(app, 'desk.escalate', { inquiryId, language: 'ja' });
  const { reportId } = await call(app, 'reports.create', {
    customerId: 'c-sakuragawa',
    month: '2026-10',
    language: 'ja',
  });
  const bundle = await call(app, 'reports.bundle', { reportId });
  const { id: importedId } = await call(app, 'reports.importBundle', { fileId: bundle.fileId });
  await asCustomer(app, 'c-sakuragawa');
  const { inquiryId: sheetId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
  await call(app, 'desk.saveAnswers', { inquiryId: sheetId, patch: { 'what-seen': '警告' } });
  return { reportId, importedId, packageId: packageId, inquiryId, sheetId };
}

describe('every export is in the audit log', () => {
  const suite = suiteApp();
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(suite.current);
  });

  it.each(Object.keys(EXPORT_OPS) as ExportOp[])('%s', async (name) => {
    // A backup holds every customer: only a profile that sees them all may take one.
    const app = name === 'system.backup' ? testApp({ demoPartner: 'p-minato' }) : suite.current;
    const jobs = new Map<string, () => void>();
    const finished = new Set<string>();
    app.ctx.emit = (event, payload) => {
      if (event !== 'job.finished') return;
      const { jobId } = payload as { jobId: string };
      finished.add(jobId);
      jobs.get(jobId)?.();
    };
    const spec = EXPORT_OPS[name];
    const c = CASES[name](world);
    const profile = c.as === 'partner' ? 'p-minato' : 'c-sakuragawa';
    await call(app, 'session.setProfile', { kind: c.as, id: profile });
    const action = spec.selfAudited ?? 'export';
    const rows = () =>
      app.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<
        Record<string, unknown>
      >;
    const before = rows().length;
    const r = await app.dispatch(name, c.input);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (spec.kind === 'job' && r.ok) {
      // Let the streamed export end before the store goes away.
      const { jobId } = r.value as { jobId: string };
      if (!finished.has(jobId)) await new Promise<void>((done) => jobs.set(jobId, done));
    }
    const added = rows().slice(before);
    expect(added).toHaveLength(1);
    const row = added[0]!;
    expect(row.actor).toBe(`${c.as}:${profile}`);
    expect(row.entity_id).toBe(c.id);
    if (!spec.selfAudited) {
      expect(row).toMatchObject({ entity: spec.entity, to_value: name, note: spec.kind });
      // One customer's export names it; the whole store or a view of several does not.
      expect(row.customer_id).toBe('c-sakuragawa');
    }
    // Codes and ids only: no contact, caller or sheet text in the row.
    const text = JSON.stringify(row);
    expect(markersIn(text)).toEqual([]);
    for (const personal of ['佐藤', '03-5550-0141', '@', '警告'])
      expect(text).not.toContain(personal);
    if (r.ok && typeof (r.value as FileRef).fileId === 'string')
      expect(text).not.toContain((r.value as FileRef).fileId);
  });

  it('a refused export writes nothing', async () => {
    const app = suite.current;
    await asPartner(app, 'p-hokuto');
    const count = () =>
      (
        app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as {
          n: number;
        }
      ).n;
    const before = count();
    const r = await app.dispatch('desk.packageFile', { packageId: world.packageId, part: 'json' });
    expect(r.ok).toBe(false);
    expect(count()).toBe(before);
  });
});

describe('the list of exports is complete', () => {
  it('names every operation declared with a FileRef result', () => {
    const dir = join(root, 'shared', 'ops');
    const declared = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/'([\w.]+)': op<FileRef>\(\)/g)].map(
          (m) => m[1]!,
        ),
      );
    expect(declared.length).toBeGreaterThan(8);
    for (const name of declared) expect(Object.keys(EXPORT_OPS), name).toContain(name);
  });

  it('knows every place that makes an output file or sends a mail', () => {
    const services = join(root, 'electron', 'services');
    const files = readdirSync(services, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    const makers = files
      .filter((f) => /createOutput\(|sendMail\(ctx/.test(readFileSync(join(services, f), 'utf8')))
      .filter((f) => !f.startsWith('files/'))
      .sort();
    // Each file, and the exports in EXPORT_OPS it serves (restore's work file is not an export).
    const known: Record<string, ExportOp[]> = {
      'alerts/export.ts': ['alerts.export'],
      'contracts/export.ts': ['contracts.exportDeadlines'],
      'desk/escalation.ts': ['desk.packageFile', 'desk.sendPackage'],
      'desk/exchange.ts': ['desk.exportSheet', 'desk.mailSheet'],
      'reports/alerts-export.ts': ['reports.exportAlerts'],
      'reports/outputs.ts': ['reports.pdf', 'reports.csv', 'reports.bundle', 'reports.importedPdf'],
      'system/backup.ts': ['system.backup'],
      'system/export.ts': ['system.exportCustomer'],
    };
    expect(makers).toEqual(Object.keys(known).sort());
    for (const ops of Object.values(known))
      for (const op of ops) expect(EXPORT_OPS[op]).toBeTruthy();
  });
});
