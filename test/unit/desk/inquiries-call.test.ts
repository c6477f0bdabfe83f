/**
 * Handling an inquiry on the call: the caller check (002 別紙3 2(3)), autosave of the sheet,
 * answering by phone (002 別紙3 2(4)②), linking alerts later and finding the customer.
 */
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, testApp } from '../helpers';
import {
  REQUIRED_REST,
  asPartner,
  at,
  auditOf,
  call,
  latestAlert,
  readyInquiry,
  refusal,
} from './util';

describe('the caller check (002 別紙3 2(3))', () => {
  it('serves a verified caller and prefills who called', async () => {
    const app = testApp();
    await asPartner(app);
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    const r = await call(app, 'desk.verifyCaller', {
      inquiryId,
      name: 'サトウ ミサキ',
      phone: '03-5550-0141',
      email: '',
    });
    expect(r).toMatchObject({ recorded: true, check: { result: 'match' } });
    const d = await call(app, 'desk.get', { inquiryId });
    expect(d.inquiry.caller).toMatchObject({ decision: 'served', check: { name: 'match' } });
    expect(d.inquiry.answers['caller-name']).toBe('サトウ ミサキ');
    expect(d.inquiry.answers['callback-phone']).toBe('03-5550-0141');
  });

  it('on a mismatch records it, asks for a decision and records the decision', async () => {
    const app = testApp();
    await asPartner(app);
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    const caller = { inquiryId, name: '山田 太郎', phone: '090-1234-5678', email: '' };
    const first = await call(app, 'desk.verifyCaller', caller);
    expect(first).toEqual({
      check: { result: 'mismatch', name: 'mismatch', phone: 'mismatch', email: 'missing' },
      recorded: false,
      status: 'open',
    });
    expect((await call(app, 'desk.get', { inquiryId })).inquiry.caller).toBeNull();
    // "served" needs a match; "served with reason" needs the reason.
    expect(
      (await refusal(app, 'desk.verifyCaller', { ...caller, decision: 'served' })).issues,
    ).toEqual([{ path: 'decision', message: 'desk:error.servedNeedsMatch' }]);
    expect(
      (
        await refusal(app, 'desk.verifyCaller', {
          ...caller,
          decision: 'served-with-reason',
          note: ' ',
        })
      ).issues,
    ).toEqual([{ path: 'note', message: 'desk:error.reasonRequired' }]);
    const refused = await call(app, 'desk.verifyCaller', { ...caller, decision: 'refused' });
    expect(refused).toMatchObject({ recorded: true, status: 'refused' });
    const d = await call(app, 'desk.get', { inquiryId });
    expect(d.inquiry.status).toBe('refused');
    expect(d.inquiry.caller).toMatchObject({
      decision: 'refused',
      name: '山田 太郎',
      check: { result: 'mismatch' },
    });
    // Nothing more happens on a refused inquiry.
    expect((await refusal(app, 'desk.answer', { inquiryId, text: 'x' })).code).toBe('conflict');
    const trail = auditOf(app, inquiryId);
    expect(trail.map((a) => [a.action, a.to_value])).toEqual([
      ['inquiry.created', 'open'],
      ['reception.outside-hours', 'weekend'],
      ['caller.mismatch', 'name:mismatch,phone:mismatch,email:missing'],
      ['caller.checked', 'refused'],
      ['inquiry.refused', 'refused'],
    ]);
    // No personal data in the audit trail.
    expect(JSON.stringify(trail)).not.toMatch(/山田|090-1234/);
  });

  it('serves after a confirming call to the registered contact', async () => {
    const app = testApp();
    await asPartner(app);
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    const r = await call(app, 'desk.verifyCaller', {
      inquiryId,
      name: '佐藤 美咲',
      phone: '090-0000-1111',
      email: '',
      decision: 'callback-confirmed',
    });
    expect(r).toMatchObject({ recorded: true, status: 'open', check: { result: 'mismatch' } });
    expect((await call(app, 'desk.get', { inquiryId })).inquiry.caller?.decision).toBe(
      'callback-confirmed',
    );
  });
});

describe('autosave', () => {
  it('merges patches, clears with null, counts revisions and refuses unknown questions', async () => {
    const app = testApp();
    await asPartner(app);
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    const a = await call(app, 'desk.saveAnswers', { inquiryId, patch: { notes: '途中' } });
    const b = await call(app, 'desk.saveAnswers', {
      inquiryId,
      patch: { notes: '途中まで入力', 'affected-hosts': ['192.168.'] },
    });
    expect(b.rev).toBe(a.rev + 1);
    await call(app, 'desk.saveAnswers', { inquiryId, patch: { 'utm-url-filter': null } });
    const d = await call(app, 'desk.get', { inquiryId });
    expect(d.inquiry.answers.notes).toBe('途中まで入力');
    // A half-typed address is kept as typed; it is checked before escalation.
    expect(d.inquiry.answers['affected-hosts']).toEqual(['192.168.']);
    expect(d.inquiry.answers['utm-url-filter']).toBeUndefined();
    const e = await refusal(app, 'desk.saveAnswers', {
      inquiryId,
      patch: { 'no-such-question': 'x' },
    });
    expect(e).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'patch.no-such-question' }],
    });
    expect(
      (await refusal(app, 'desk.saveAnswers', { inquiryId, patch: { notes: ['x'] } })).code,
    ).toBe('invalid_input');
  });
});

describe('answering by phone (002 別紙3 2(4)②)', () => {
  it('closes the inquiry answered on time, or late after the due time', async () => {
    const app = testApp();
    const onTime = await readyInquiry(app);
    const d = await call(app, 'desk.answer', {
      inquiryId: onTime,
      text: '影響の確認方法を説明しました。',
    });
    expect(d.inquiry).toMatchObject({ status: 'answered', onTime: true, firstAnswerAt: FIXED_NOW });
    expect(d.inquiry.phoneAnswer).toBe('影響の確認方法を説明しました。');

    const { inquiryId: late } = await call(app, 'desk.start', {
      customerId: 'c-aoba',
      receivedAt: at('2026-11-17T11:00:00+09:00'),
    });
    expect((await refusal(app, 'desk.answer', { inquiryId: late, text: 'x' })).message).toBe(
      'desk:error.callerNotVerified',
    );
    await call(app, 'desk.verifyCaller', {
      inquiryId: late,
      name: '鈴木 健一',
      phone: '022-555-0172',
      email: '',
    });
    const l = await call(app, 'desk.answer', { inquiryId: late, text: '回答しました。' });
    expect(l.inquiry).toMatchObject({ status: 'answered', onTime: false, flag: null });
    expect(auditOf(app, late).at(-1)).toMatchObject({
      action: 'inquiry.answered',
      to_value: 'late',
    });
    expect(
      (await call(app, 'desk.queue', { customerId: null, view: 'done' })).items
        .map((i) => i.id)
        .sort(),
    ).toEqual([onTime, late].sort());
  });

  it('refuses an answer time before reception', async () => {
    const app = testApp();
    const id = await readyInquiry(app);
    const e = await refusal(app, 'desk.answer', {
      inquiryId: id,
      text: 'x',
      answeredAt: FIXED_NOW - 60_000,
    });
    expect(e).toMatchObject({
      issues: [{ path: 'answeredAt', message: 'desk:error.beforeReception' }],
    });
  });
});

describe('linking alerts later', () => {
  it('prefills from the newly linked alerts without overwriting answers', async () => {
    const app = testApp();
    await asPartner(app);
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    await call(app, 'desk.saveAnswers', { inquiryId, patch: { 'affected-hosts': ['PC-TYPED'] } });
    const alert = latestAlert(app);
    const d = await call(app, 'desk.update', { inquiryId, alertIds: [alert.id] });
    expect(d.alerts).toHaveLength(1);
    expect(d.inquiry.answers['affected-hosts']).toEqual(['PC-TYPED']);
    expect(d.inquiry.answers['alert-refs']).toContain(alert.source_id);
    expect(REQUIRED_REST['inquiry-type']).toBeDefined();
  });
});

describe('finding the customer on a call', () => {
  it('matches the registered phone however it is written, names and addresses, in scope only', async () => {
    const app = testApp();
    await asPartner(app);
    const ids = async (query: string) =>
      (await call(app, 'desk.findCustomers', { query })).map((m) => [m.id, m.matched]);
    expect(await ids('０３（５５５０）０１４１')).toEqual([['c-sakuragawa', 'phone']]);
    expect(await ids('+81 3-5550-0141')).toEqual([['c-sakuragawa', 'phone']]);
    expect(await ids('さとう')).toEqual([['c-sakuragawa', 'contact']]);
    expect(await ids('青葉')).toEqual([['c-aoba', 'company']]);
    expect(await ids('K.Suzuki@aoba-kaikei.example')).toEqual([['c-aoba', 'email']]);
    // Hikari is p-hokuto's customer: never found by p-minato.
    expect(await ids('06-5550-0188')).toEqual([]);
    expect(await ids('ひかり')).toEqual([]);
  });
});
