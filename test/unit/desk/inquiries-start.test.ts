/**
 * Inquiries at the partner's desk, from reception: the reception clock (002 別紙3 2(1), 2(4)①),
 * starting an inquiry, the queue with its flags, and which profile sees which inquiries.
 */
import { describe, expect, it } from 'vitest';
import { firstAnswerDue, receptionDay } from '../../../shared/rules';
import { toJstIso } from '../../../shared/time';
import { receptionClock } from '../../../shared/hearing-sheet/reception';
import { FIXED_NOW, testApp } from '../helpers';
import {
  asCustomer,
  asPartner,
  at,
  auditOf,
  call,
  latestAlert,
  readyInquiry,
  refusal,
} from './util';

describe('reception clock (002 別紙3 2(1), 2(4)①)', () => {
  it.each([
    // received, reception day, first answer due, outside hours
    ['2026-11-19T16:59:00+09:00', '2026-11-19', '2026-11-20T17:00:00+09:00', null],
    ['2026-11-19T17:00:00+09:00', '2026-11-20', '2026-11-24T17:00:00+09:00', 'after-close'],
    // Friday evening: Saturday, Sunday and Monday 11/23 (勤労感謝の日) are closed.
    ['2026-11-20T18:30:00+09:00', '2026-11-24', '2026-11-25T17:00:00+09:00', 'after-close'],
    ['2026-12-28T10:00:00+09:00', '2027-01-05', '2027-01-06T17:00:00+09:00', 'year-end'],
    ['2026-11-22T10:00:00+09:00', '2026-11-24', '2026-11-25T17:00:00+09:00', 'weekend'],
    ['2026-11-23T10:00:00+09:00', '2026-11-24', '2026-11-25T17:00:00+09:00', 'holiday'],
    ['2026-11-24T08:10:00+09:00', '2026-11-24', '2026-11-25T17:00:00+09:00', 'before-open'],
  ])('received %s', (received, day, due, outside) => {
    const c = receptionClock(at(received));
    expect(c).toEqual({
      receivedAt: at(received),
      receptionDay: day,
      dueAt: at(due),
      receivedOutside: outside,
    });
    // The same as the rules engine says, by construction and by value.
    expect(c.receptionDay).toBe(receptionDay({ receivedAt: toJstIso(at(received)) }));
    expect(c.dueAt).toBe(Date.parse(firstAnswerDue({ receivedAt: toJstIso(at(received)) })));
  });
});

describe('starting an inquiry', () => {
  it('opens it on the partner side with the clock, the linked alert and prefilled answers', async () => {
    const app = testApp();
    await asPartner(app);
    const alert = latestAlert(app);
    const { inquiryId } = await call(app, 'desk.start', {
      customerId: 'c-sakuragawa',
      alertIds: [alert.id],
    });
    expect(inquiryId).toMatch(/^INQ-20261122-[0-9A-Z]{6}$/);
    const d = await call(app, 'desk.get', { inquiryId });
    expect(d.inquiry.status).toBe('open');
    // FIXED_NOW is a Sunday before the 11/23 holiday.
    expect(d.inquiry.reception).toEqual({
      receivedAt: FIXED_NOW,
      receptionDay: '2026-11-24',
      dueAt: at('2026-11-25T17:00:00+09:00'),
      receivedOutside: 'weekend',
    });
    expect(d.alerts.map((a) => a.id)).toEqual([alert.id]);
    expect(d.inquiry.answers['company-name']).toBe('桜川精機株式会社');
    expect(d.inquiry.answers['alert-refs']).toContain(alert.source_id);
    expect(d.inquiry.answers['affected-hosts']).toEqual(d.alerts[0]!.hosts);
    expect(d.inquiry.answers['utm-url-filter']).toBe('no');
    // The caller is not known before the check.
    expect(d.inquiry.answers['caller-name']).toBeUndefined();
    expect(d.template.id).toBe('cts-incident-support');
    expect(auditOf(app, inquiryId).map((a) => a.action)).toEqual([
      'inquiry.created',
      'reception.outside-hours',
    ]);
  });

  it("refuses another customer's alert, and customers outside the partner's scope", async () => {
    const app = testApp();
    await asPartner(app);
    const other = latestAlert(app, 'c-tsubame');
    expect(
      (await refusal(app, 'desk.start', { customerId: 'c-sakuragawa', alertIds: [other.id] })).code,
    ).toBe('forbidden');
    expect((await refusal(app, 'desk.start', { customerId: 'c-tsubame', alertIds: [] })).code).toBe(
      'forbidden',
    );
    expect(app.db.prepare('SELECT count(*) AS n FROM inquiries').get()).toEqual({ n: 0 });
  });

  it('refuses a received time in the future', async () => {
    const app = testApp();
    await asPartner(app);
    const e = await refusal(app, 'desk.start', {
      customerId: 'c-sakuragawa',
      receivedAt: FIXED_NOW + 3_600_000,
    });
    expect(e).toMatchObject({ code: 'invalid_input', issues: [{ path: 'receivedAt' }] });
  });
});

describe('the queue', () => {
  it('sorts by due time and flags overdue and due today', async () => {
    const app = testApp();
    await asPartner(app);
    // Received last Tuesday: due Wednesday 17:00, long past on Sunday.
    const late = await call(app, 'desk.start', {
      customerId: 'c-aoba',
      receivedAt: at('2026-11-17T11:00:00+09:00'),
    });
    const now = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    const q = await call(app, 'desk.queue', { customerId: null, view: 'active' });
    expect(q.items.map((i) => i.id)).toEqual([late.inquiryId, now.inquiryId]);
    expect(q.items.map((i) => i.flag)).toEqual(['overdue', null]);
    expect(q.counts).toEqual({ active: 2, dueToday: 0, overdue: 1 });
  });

  it('flags an inquiry due later today', async () => {
    const app = testApp({ now: at('2026-11-25T10:00:00+09:00') });
    await asPartner(app);
    const { inquiryId } = await call(app, 'desk.start', {
      customerId: 'c-aoba',
      receivedAt: at('2026-11-24T15:00:00+09:00'),
    });
    const q = await call(app, 'desk.queue', { customerId: 'c-aoba', view: 'active' });
    expect(q.items).toMatchObject([{ id: inquiryId, flag: 'due-today' }]);
    expect(q.counts.dueToday).toBe(1);
  });
});

describe('scope: who sees which inquiries', () => {
  it('keeps the partner desk and the customer preparation apart, and partners apart', async () => {
    const app = testApp();
    const desk = await readyInquiry(app);
    await asCustomer(app);
    const { inquiryId: prepared } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    expect(prepared).toMatch(/^PRE-/);
    // The customer sees its own preparation only, never the partner's desk record.
    expect(
      (await call(app, 'desk.queue', { customerId: null, view: 'all' })).items.map((i) => i.id),
    ).toEqual([prepared]);
    expect((await refusal(app, 'desk.get', { inquiryId: desk })).code).toBe('not_found');
    await asPartner(app);
    expect(
      (await call(app, 'desk.queue', { customerId: null, view: 'all' })).items.map((i) => i.id),
    ).toEqual([desk]);
    expect((await refusal(app, 'desk.get', { inquiryId: prepared })).code).toBe('not_found');
    // Another partner sees nothing of it.
    await asPartner(app, 'p-hokuto');
    expect((await refusal(app, 'desk.get', { inquiryId: desk })).code).toBe('not_found');
    expect(
      (await refusal(app, 'desk.saveAnswers', { inquiryId: desk, patch: { notes: 'x' } })).code,
    ).toBe('not_found');
    expect((await call(app, 'desk.queue', { customerId: null, view: 'all' })).items).toEqual([]);
  });
});
