import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers';
import {
  asCustomer,
  asPartner,
  call,
  fakePrinter,
  fileRef,
  latestAlert,
  readyInquiry,
  refusal,
  type App,
} from './util';

/** A digest of every row of every table. */
function contentHash(db: App['db']): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  for (const { name } of tables)
    for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate())
      hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'hearing-sheets', name), 'utf8');

describe('templates are data', () => {
  it('a newer version from the vendor becomes the one new sheets use; old sheets keep theirs', async () => {
    const app = testApp();
    await asPartner(app);
    const { inquiryId: old } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    await call(app, 'desk.saveAnswers', {
      inquiryId: old,
      patch: { 'inquiry-type': ['notice-unclear'], 'unclear-points': '英語がわからない' },
    });
    const r = await call(app, 'desk.importTemplate', {
      fileId: fileRef(app, 'v2.json', fixture('cts-incident-support.v2.json')),
    });
    expect(r).toEqual({ id: 'cts-incident-support', version: 2, unchanged: false, active: true });
    const list = await call(app, 'desk.templates', {});
    expect(list.map((t) => [t.version, t.origin, t.active, t.sheets])).toEqual([
      [2, 'imported', true, 0],
      [1, 'shipped', false, 1],
    ]);
    const { inquiryId: fresh } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    expect((await call(app, 'desk.get', { inquiryId: fresh })).template.version).toBe(2);
    // The sheet filled with version 1 still renders with version 1 and its answers.
    const d = await call(app, 'desk.get', { inquiryId: old });
    expect(d.inquiry.templateVersion).toBe(1);
    expect(d.template.version).toBe(1);
    expect(d.template.sections.flatMap((s) => s.questions.map((q) => q.id))).toContain(
      'unclear-points',
    );
    expect(d.inquiry.answers['unclear-points']).toBe('英語がわからない');
    // Importing the same file again changes nothing.
    expect(
      await call(app, 'desk.importTemplate', {
        fileId: fileRef(app, 'v2.json', fixture('cts-incident-support.v2.json')),
      }),
    ).toMatchObject({ unchanged: true });
    // The partner may go back to version 1 for new sheets.
    await call(app, 'desk.setActiveTemplate', { id: 'cts-incident-support', version: 1 });
    const { inquiryId: back } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    expect((await call(app, 'desk.get', { inquiryId: back })).template.version).toBe(1);
  });

  it('a bad template gives a located error and changes nothing', async () => {
    const app = testApp();
    await asPartner(app);
    await call(app, 'desk.templates', {});
    const before = contentHash(app.db);
    const e = await refusal(app, 'desk.importTemplate', {
      fileId: fileRef(app, 'bad.json', fixture('bad-forward-condition.json')),
    });
    expect(e).toMatchObject({
      code: 'invalid_input',
      message: 'desk:error.badTemplate',
      issues: [{ path: 'sections.2.questions.1.showIf.0.question', line: 210 }],
    });
    const s = await refusal(app, 'desk.importTemplate', {
      fileId: fileRef(app, 'syntax.json', fixture('syntax-error.txt')),
    });
    expect(s.issues).toEqual([{ path: '(file)', line: 5, message: 'errors:issue.not_json' }]);
    expect(contentHash(app.db)).toBe(before);
  });

  it('refuses the same version with different content', async () => {
    const app = testApp();
    await asPartner(app);
    const changed = fixture('cts-incident-support.v2.json');
    await call(app, 'desk.importTemplate', { fileId: fileRef(app, 'v2.json', changed) });
    const e = await refusal(app, 'desk.importTemplate', {
      fileId: fileRef(app, 'v2b.json', changed.replace('第2版', '第2版・改')),
    });
    expect(e).toMatchObject({ code: 'conflict', message: 'desk:error.templateVersionExists' });
  });

  it('is managed by the partner desk only', async () => {
    const app = testApp();
    await asCustomer(app);
    const e = await refusal(app, 'desk.importTemplate', {
      fileId: fileRef(app, 'v2.json', fixture('cts-incident-support.v2.json')),
    });
    expect(e.code).toBe('forbidden');
  });
});

describe("the customer's side", () => {
  it('prepares a sheet from an alert, exports it, and the partner continues where it stopped', async () => {
    const app = testApp();
    const routes = fakePrinter(app);
    await asCustomer(app);
    const alert = latestAlert(app);
    const { inquiryId: pre } = await call(app, 'desk.start', {
      customerId: 'c-sakuragawa',
      alertIds: [alert.id],
    });
    const draft = await call(app, 'desk.get', { inquiryId: pre });
    expect(draft.inquiry).toMatchObject({ status: 'draft', reception: null, side: 'customer' });
    // The customer prepares it as the registered contact.
    expect(draft.inquiry.answers['caller-name']).toBe('佐藤 美咲');
    await call(app, 'desk.saveAnswers', {
      inquiryId: pre,
      patch: { 'inquiry-type': ['impact'], 'what-seen': '経理部の PC で警告を確認' },
    });
    const pdf = await call(app, 'desk.exportSheet', {
      inquiryId: pre,
      part: 'pdf',
      language: 'ja',
    });
    expect(pdf.name).toBe(`${pre}.pdf`);
    expect(routes).toEqual([`/print/desk/sheet/${pre}?lang=ja`]);
    const json = await call(app, 'desk.exportSheet', {
      inquiryId: pre,
      part: 'json',
      language: 'ja',
    });
    const text = readFileSync(app.ctx.files.get(json.fileId).path, 'utf8');
    expect((await call(app, 'desk.get', { inquiryId: pre })).inquiry).toMatchObject({
      status: 'sent',
      sentVia: 'file',
    });

    await asPartner(app);
    const r = await call(app, 'desk.importSheet', { fileId: fileRef(app, 'sheet.json', text) });
    expect(r).toMatchObject({ alreadyImported: false, unmatchedAlerts: [] });
    const d = await call(app, 'desk.get', { inquiryId: r.inquiryId });
    expect(d.inquiry).toMatchObject({
      status: 'open',
      channel: 'email',
      importedFrom: pre,
      side: 'partner',
    });
    expect(d.inquiry.answers['what-seen']).toBe('経理部の PC で警告を確認');
    expect(d.alerts.map((a) => a.id)).toEqual([alert.id]);
    // Taking it in twice gives the same inquiry.
    expect(
      await call(app, 'desk.importSheet', { fileId: fileRef(app, 'again.json', text) }),
    ).toMatchObject({
      inquiryId: r.inquiryId,
      alreadyImported: true,
    });
    // Another partner cannot take in a sheet of a customer it does not serve.
    await asPartner(app, 'p-hokuto');
    const e = await refusal(app, 'desk.importSheet', { fileId: fileRef(app, 'x.json', text) });
    expect(e.code).toBe('forbidden');
  });

  it('refuses a tampered sheet with located problems', async () => {
    const app = testApp();
    await asCustomer(app);
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    const json = await call(app, 'desk.exportSheet', { inquiryId, part: 'json', language: 'ja' });
    const sheet = JSON.parse(readFileSync(app.ctx.files.get(json.fileId).path, 'utf8')) as {
      answers: Record<string, unknown>;
    };
    sheet.answers.urgency = 'panic';
    await asPartner(app);
    const e = await refusal(app, 'desk.importSheet', {
      fileId: fileRef(app, 't.json', JSON.stringify(sheet, null, 2)),
    });
    expect(e).toMatchObject({
      code: 'invalid_input',
      message: 'desk:error.badSheet',
      issues: [{ path: 'answers.urgency', message: 'desk:sheet.issue.unknownOption' }],
    });
    expect(e.issues?.[0]?.line).toBeGreaterThan(1);
    expect(
      app.db.prepare("SELECT count(*) AS n FROM inquiries WHERE side = 'partner'").get(),
    ).toEqual({ n: 0 });
  });

  it('e-mail needs a printer for the PDF: without one the error says so', async () => {
    const app = testApp();
    await asCustomer(app);
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    expect(await refusal(app, 'desk.mailSheet', { inquiryId, language: 'ja' })).toMatchObject({
      code: 'unavailable',
      message: 'errors:pdf_unavailable',
    });
    expect(await readyInquiry(testApp())).toMatch(/^INQ-/);
  });
});
