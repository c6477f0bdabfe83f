import { afterEach, describe, expect, it, vi } from 'vitest';
import { REDACTED } from '../../../shared/ops/privacy';
import {
  lastPurgeableDay,
  nextRunAt,
  startRetention,
  stopRetention,
} from '../../../electron/services/privacy/retention';
import { contentHash, fixedClock, FIXED_NOW, testApp } from '../helpers';
import { asCustomer, asPartner, call, refusal } from '../desk/util';
import { closedInquiry, dump, inquiryRow, jst, MARK, markersIn } from './util';

afterEach(() => vi.useRealTimers());

describe('the last closing day whose retention has ended (民法第140条, 第143条)', () => {
  it.each([
    // today, months, last closing day deleted
    ['2026-11-22', 6, '2026-05-21'],
    ['2026-11-23', 6, '2026-05-22'],
    ['2026-11-22', 1, '2026-10-21'],
    // Periods starting 08-28 … 08-31 all end on 2027-02-28 (no corresponding day in February).
    ['2027-02-28', 6, '2026-08-27'],
    ['2027-03-01', 6, '2026-08-31'],
    // A leap day: 12 months from 2024-03-01 end 2025-02-28, as do those from 2024-02-29.
    ['2025-03-01', 12, '2024-02-29'],
    ['2025-02-28', 12, '2024-02-27'],
    ['2026-01-01', 120, '2015-12-31'],
  ])('today %s, %i months: closed on or before %s', (today, months, day) => {
    expect(lastPurgeableDay(today, months)).toBe(day);
  });
});

describe('the retention purge', () => {
  it.each([
    // closed at (JST), deleted today (2026-11-22) with 6 months
    ['2026-05-21T23:59:59', true],
    ['2026-05-22T00:00:00', false],
    ['2026-05-22T17:00:00', false],
    ['2025-01-10T10:00:00', true],
    ['2026-11-20T10:00:00', false],
  ])('an inquiry closed %s is deleted: %s', async (closed, deleted) => {
    const app = testApp();
    const id = await closedInquiry(app, jst(closed));
    await asPartner(app);
    await call(app, 'privacy.setRetention', { months: 6 });
    expect(await call(app, 'privacy.preview', { months: 6 })).toEqual({
      months: 6,
      inquiries: deleted ? 1 : 0,
      closedOnOrBefore: '2026-05-21',
    });
    expect(await call(app, 'privacy.purge', {})).toEqual({ redacted: deleted ? 1 : 0 });
    const row = inquiryRow(app, id);
    expect(row.caller_name).toBe(deleted ? REDACTED : MARK.name);
    expect(markersIn(dump(app))).toHaveLength(deleted ? 0 : 7);
    expect(await call(app, 'privacy.inquiry', { inquiryId: id })).toEqual(
      deleted ? { inquiryId: id, at: FIXED_NOW, reason: 'retention' } : null,
    );
  });

  it('keeps what the desk figures are made of, and the reports and queue read the same', async () => {
    const app = testApp();
    const ids = [
      await closedInquiry(app, jst('2026-05-11T10:00:00')),
      await closedInquiry(app, jst('2026-05-12T18:00:00'), { customerId: 'c-aoba' }),
    ];
    await asPartner(app);
    const report = async () => {
      const s = await call(app, 'reports.create', {
        customerId: null,
        month: '2026-05',
        language: 'ja',
      });
      return (await call(app, 'reports.get', { reportId: s.reportId })).report.desk;
    };
    const done = async () =>
      (await call(app, 'desk.queue', { customerId: null, view: 'done' })).items.map((i) => ({
        ...i,
        updatedAt: 0,
      }));
    const kept = [
      'status',
      'channel',
      'received_at',
      'reception_day',
      'due_at',
      'first_answer_at',
      'on_time',
      'answered_at',
      'closed_at',
      'caller_result',
      'caller_decision',
      'created_at',
    ];
    const before = { desk: await report(), done: await done() };
    const rowsBefore = ids.map((id) => inquiryRow(app, id));
    await call(app, 'privacy.setRetention', { months: 6 });
    expect(await call(app, 'privacy.purge', {})).toEqual({ redacted: 2 });
    expect({ desk: await report(), done: await done() }).toEqual(before);
    ids.forEach((id, n) => {
      const after = inquiryRow(app, id);
      for (const k of kept) expect(after[k], k).toEqual(rowsBefore[n]![k]);
    });
    const answers = JSON.parse(inquiryRow(app, ids[0]!).answers as string) as Record<
      string,
      unknown
    >;
    expect(answers['inquiry-type']).toEqual(['impact', 'recommendations']);
    expect(answers.urgency).toBe('single-device');
    expect(answers.question).toBe(REDACTED);
    expect(answers['affected-hosts']).toEqual([REDACTED]);
    expect(markersIn(dump(app))).toEqual([]);
  });

  it('never touches inquiries still in progress, however old', async () => {
    const app = testApp();
    const open = await closedInquiry(app, jst('2025-01-10T10:00:00'), { close: false });
    const hash = contentHash(app.db);
    await asPartner(app);
    await call(app, 'privacy.setRetention', { months: 1 });
    expect((await call(app, 'privacy.preview', { months: 1 })).inquiries).toBe(0);
    expect(await call(app, 'privacy.purge', {})).toEqual({ redacted: 0 });
    expect(inquiryRow(app, open).status).toBe('open');
    // Every marker but the phone answer, which an open inquiry does not have yet.
    expect(markersIn(dump(app))).toHaveLength(6);
    expect(contentHash(app.db)).not.toBe(hash); // the setting and the run are recorded …
    expect(inquiryRow(app, open).caller_name).not.toBe(REDACTED); // … the record is not touched
  });

  it("reaches only the partner's own customers: other tenants keep theirs", async () => {
    const app = testApp();
    const mine = await closedInquiry(app, jst('2025-01-10T10:00:00'));
    const theirs = await closedInquiry(app, jst('2025-01-10T10:00:00'), {
      partnerId: 'p-hokuto',
      customerId: 'c-hikari',
    });
    await asPartner(app, 'p-hokuto');
    expect((await call(app, 'privacy.settings', {})).retentionMonths).toBeNull();
    await asPartner(app);
    await call(app, 'privacy.setRetention', { months: 12 });
    expect(await call(app, 'privacy.purge', {})).toEqual({ redacted: 1 });
    expect(inquiryRow(app, mine).caller_name).toBe(REDACTED);
    expect(inquiryRow(app, theirs).caller_name).not.toBe(REDACTED);
    expect(await refusal(app, 'privacy.eraseInquiry', { inquiryId: theirs })).toMatchObject({
      code: 'not_found',
    });
  });

  it('is all or nothing: a failure in the middle leaves every record as it was', async () => {
    const app = testApp();
    await closedInquiry(app, jst('2025-01-10T10:00:00'));
    const broken = await closedInquiry(app, jst('2025-02-10T10:00:00'));
    app.db.prepare("UPDATE inquiries SET answers = '{not json' WHERE id = ?").run(broken);
    await asPartner(app);
    await call(app, 'privacy.setRetention', { months: 6 });
    const hash = contentHash(app.db);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await refusal(app, 'privacy.purge', {})).toMatchObject({ code: 'internal' });
    expect(contentHash(app.db)).toBe(hash);
  });

  it('is for the desk owner only, with a whole number of months from 1 to 120', async () => {
    const app = testApp();
    await asCustomer(app);
    for (const [name, input] of [
      ['privacy.setRetention', { months: 6 }],
      ['privacy.preview', { months: 6 }],
      ['privacy.purge', {}],
      ['privacy.eraseContact', { customerId: 'c-sakuragawa' }],
      ['privacy.findCaller', { name: 'x' }],
    ] as const)
      expect(await refusal(app, name, input), name).toMatchObject({ code: 'forbidden' });
    expect((await call(app, 'privacy.settings', {})).manageable).toBe(false);
    await asPartner(app);
    for (const months of [0, 121, 1.5, -1, '6', null]) {
      const e = await refusal(app, 'privacy.preview', { months });
      expect(e.code, String(months)).toBe('invalid_input');
    }
    expect(await refusal(app, 'privacy.setRetention', { months: 121 })).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'months' }],
    });
    expect(await refusal(app, 'privacy.purge', {})).toMatchObject({
      code: 'conflict',
      message: 'privacy:error.retentionOff',
    });
    expect(await call(app, 'privacy.setRetention', { months: 24 })).toMatchObject({
      retentionMonths: 24,
      manageable: true,
    });
    expect((await call(app, 'privacy.setRetention', { months: null })).retentionMonths).toBeNull();
    const log = app.db
      .prepare(
        "SELECT actor, from_value, to_value FROM audit_log WHERE action = 'privacy.retention-set'",
      )
      .all();
    expect(log).toEqual([
      { actor: 'partner:p-minato', from_value: 'off', to_value: '24' },
      { actor: 'partner:p-minato', from_value: '24', to_value: 'off' },
    ]);
  });
});

describe('when the purge runs', () => {
  it('at start-up, with the stored setting', async () => {
    const first = testApp();
    const id = await closedInquiry(first, jst('2025-01-10T10:00:00'));
    await call(first, 'privacy.setRetention', { months: 6 });
    // Saving the setting does not purge: only the restart can have.
    first.close();
    const second = testApp({ dataDir: first.dataDir });
    expect(inquiryRow(second, id).caller_name).toBe(REDACTED);
    const run = second.db
      .prepare("SELECT actor, to_value FROM audit_log WHERE action = 'privacy.purge'")
      .get();
    expect(run).toEqual({ actor: 'system', to_value: 'inquiries:1' });
  });

  it.each([
    ['2026-11-22T10:00:00', '2026-11-23T00:05:00'],
    ['2026-11-22T23:59:00', '2026-11-23T00:05:00'],
    ['2026-11-23T00:00:00', '2026-11-24T00:05:00'],
    ['2026-12-31T12:00:00', '2027-01-01T00:05:00'],
  ])('daily: after %s, next at %s JST', (now, next) => {
    expect(nextRunAt(jst(now))).toBe(jst(next));
  });

  it('daily, on the app clock: a record whose retention ends overnight is deleted the next day', async () => {
    const app = testApp();
    // Kept today (2026-11-22, 6 months), deleted from 2026-11-23.
    const id = await closedInquiry(app, jst('2026-05-22T12:00:00'));
    await asPartner(app);
    await call(app, 'privacy.setRetention', { months: 6 });
    stopRetention(app.ctx);
    vi.useFakeTimers();
    const start = FIXED_NOW;
    let now = start;
    app.ctx.clock = { now: () => now };
    startRetention(app.ctx);
    expect(inquiryRow(app, id).caller_name).not.toBe(REDACTED);
    // Time passes to 00:05 the next day.
    now = jst('2026-11-23T00:05:00');
    vi.advanceTimersByTime(now - start);
    expect(inquiryRow(app, id).caller_name).toBe(REDACTED);
    stopRetention(app.ctx);
    app.ctx.clock = fixedClock();
  });
});
