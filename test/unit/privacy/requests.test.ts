import { describe, expect, it } from 'vitest';
import { describeError } from '../../../electron/services/privacy/log';
import { REDACTED } from '../../../shared/ops/privacy';
import { testApp } from '../helpers';
import { asCustomer, asPartner, call, fakePrinter, readyInquiry, refusal } from '../desk/util';
import { closedInquiry, dump, inquiryRow, jst, MARK, markersIn } from './util';

describe('deleting one inquiry on request', () => {
  it('deletes a closed record with its escalation package, and says so on the record', async () => {
    const app = testApp();
    fakePrinter(app);
    const id = await readyInquiry(app);
    await call(app, 'desk.saveAnswers', { inquiryId: id, patch: { question: MARK.answer } });
    const { packageId } = await call(app, 'desk.escalate', { inquiryId: id, language: 'ja' });
    await call(app, 'desk.printPackage', { packageId: packageId });
    expect(await refusal(app, 'privacy.eraseInquiry', { inquiryId: id })).toMatchObject({
      code: 'conflict',
      message: 'privacy:error.notClosed',
    });
    await call(app, 'desk.acknowledge', { inquiryId: id });
    await call(app, 'desk.recordSecondLine', {
      inquiryId: id,
      incidentStatus: 'resolved',
      resolution: MARK.note,
      prevention: MARK.note,
      vendorIntroduced: false,
      insuranceRelevant: false,
    });
    await call(app, 'desk.close', { inquiryId: id, note: MARK.note });
    expect(dump(app)).toContain('佐藤 美咲');
    const info = await call(app, 'privacy.eraseInquiry', { inquiryId: id });
    expect(info).toMatchObject({ inquiryId: id, reason: 'request' });
    // Again: the same answer, nothing more written.
    expect(await call(app, 'privacy.eraseInquiry', { inquiryId: id })).toEqual(info);
    const pkg = await call(app, 'desk.package', { packageId: packageId });
    expect(pkg.content.inquiry.caller?.name).toBe(REDACTED);
    expect(pkg.content.customer.registeredContact.phone).toBe(REDACTED);
    expect(pkg.content.hearingSheet.answers.question).toBe(REDACTED);
    const text = dump(app)
      .split('\n')
      .filter((l) => l.includes(id) || l.includes(packageId));
    expect(markersIn(text.join('\n'))).toEqual([]);
    expect(text.join('\n')).not.toContain('佐藤 美咲');
    const d = await call(app, 'desk.get', { inquiryId: id });
    expect(d.inquiry.caller?.name).toBe(REDACTED);
    expect(d.timeline.map((e) => e.action)).toContain('privacy.request-deleted');
    const audit = app.db
      .prepare("SELECT * FROM audit_log WHERE action = 'privacy.request-deleted'")
      .all();
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'partner:p-minato',
        entity: 'inquiry',
        entity_id: id,
        customer_id: 'c-sakuragawa',
        note: 'packages:1',
      }),
    ]);
  });

  it("lets a customer delete its own sent sheet, not a draft nor the partner's record", async () => {
    const app = testApp();
    const desk = await closedInquiry(app, jst('2026-11-20T10:00:00'));
    await asCustomer(app);
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    await call(app, 'desk.saveAnswers', { inquiryId, patch: { 'what-seen': MARK.answer } });
    expect((await refusal(app, 'privacy.eraseInquiry', { inquiryId })).code).toBe('conflict');
    app.db.prepare("UPDATE inquiries SET status = 'sent', sent_at = 1 WHERE id = ?").run(inquiryId);
    await call(app, 'privacy.eraseInquiry', { inquiryId });
    const answers = JSON.parse(inquiryRow(app, inquiryId).answers as string) as Record<
      string,
      unknown
    >;
    expect(answers['what-seen']).toBe(REDACTED);
    expect((await refusal(app, 'privacy.eraseInquiry', { inquiryId: desk })).code).toBe(
      'not_found',
    );
  });
});

describe('deleting a caller on request', () => {
  it('finds their inquiries by name, phone or e-mail, deletes the closed ones', async () => {
    const app = testApp();
    const a = await closedInquiry(app, jst('2026-10-01T10:00:00'));
    const b = await closedInquiry(app, jst('2026-11-01T10:00:00'), { customerId: 'c-aoba' });
    const active = await closedInquiry(app, jst('2026-11-21T10:00:00'), { close: false });
    const other = await closedInquiry(app, jst('2026-11-01T10:00:00'), {
      partnerId: 'p-hokuto',
      customerId: 'c-hikari',
    });
    await asPartner(app);
    for (const person of [
      { name: MARK.name.replace('山田', '山田 ') },
      { phone: '09077771234' },
      { email: MARK.email.toUpperCase() },
    ])
      expect(await call(app, 'privacy.findCaller', person)).toEqual({
        closed: [b, a],
        active: [active],
      });
    expect(await call(app, 'privacy.findCaller', { name: '別の人' })).toEqual({
      closed: [],
      active: [],
    });
    expect((await refusal(app, 'privacy.findCaller', {})).code).toBe('invalid_input');
    expect(await call(app, 'privacy.eraseCaller', { phone: MARK.phone })).toEqual({
      redacted: 2,
      active: 1,
    });
    for (const id of [a, b]) expect(inquiryRow(app, id).caller_phone).toBe(REDACTED);
    expect(inquiryRow(app, active).caller_phone).toBe(MARK.phone);
    expect(inquiryRow(app, other).caller_phone).toBe(MARK.phone);
  });
});

describe("deleting a customer's registered contact", () => {
  it('replaces name, kana, phone and e-mail; caller checks then need the desk’s decision', async () => {
    const app = testApp();
    await asPartner(app);
    await call(app, 'privacy.eraseContact', { customerId: 'c-sakuragawa' });
    const c = app.db
      .prepare(
        'SELECT contact_name, contact_kana, contact_phone, contact_email FROM customers WHERE id = ?',
      )
      .get('c-sakuragawa');
    expect(Object.values(c as object)).toEqual([REDACTED, REDACTED, REDACTED, REDACTED]);
    expect((await refusal(app, 'privacy.eraseContact', { customerId: 'c-hikari' })).code).toBe(
      'forbidden',
    );
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    const v = await call(app, 'desk.verifyCaller', {
      inquiryId,
      name: '佐藤 美咲',
      phone: '03-5550-0141',
      email: '',
    });
    expect(v.check.result).toBe('mismatch');
    expect(
      app.db
        .prepare(
          "SELECT entity_id, customer_id FROM audit_log WHERE action = 'privacy.contact-deleted'",
        )
        .all(),
    ).toEqual([{ entity_id: 'c-sakuragawa', customer_id: 'c-sakuragawa' }]);
  });
});

describe('what a log line says about an error', () => {
  it('names its kind and place, never its message or directories', () => {
    const e = new SyntaxError(`Unexpected token, "${MARK.name}" is not valid JSON`);
    e.stack = `SyntaxError: ${e.message}\n    at parse (/home/taro/soc-desk/electron/services/desk/repo.ts:127:15)`;
    expect(describeError(e)).toBe('SyntaxError at repo.ts:127');
    const smtp = Object.assign(new Error(`553 <${MARK.email}> rejected`), { code: 'EENVELOPE' });
    smtp.stack = 'Error: x\n    at file:///opt/app/main.mjs:10:2';
    expect(describeError(smtp)).toBe('Error EENVELOPE at main.mjs:10');
    expect(describeError(`${MARK.phone}`)).toBe('unknown error');
    const odd = new Error('x');
    odd.name = MARK.name;
    odd.stack = '';
    expect(describeError(odd)).toBe('Error');
  });
});
