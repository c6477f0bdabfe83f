import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  deskRate,
  inquiryOutcome,
  killChainOf,
  uptimeOf,
} from '../../../shared/report/compose';
import { monthRange, selectableMonths, shiftMonth } from '../../../shared/report/month';
import { fill, formatter, translator } from '../../../shared/report/text';
import { HOUR_MS } from '../../../shared/time';

const at = (iso: string) => Date.parse(iso);

describe('report month (JST calendar month)', () => {
  it('runs from 00:00 JST on the 1st to 00:00 JST on the 1st of the next month', () => {
    const oct = monthRange('2026-10');
    expect(oct).toMatchObject({ from: '2026-10-01', to: '2026-10-31', days: 31 });
    expect(oct.startMs).toBe(at('2026-09-30T15:00:00Z'));
    expect(oct.endMs).toBe(at('2026-10-31T15:00:00Z'));
    expect(oct.lastDay - oct.firstDay).toBe(30);
    expect(monthRange('2026-02').days).toBe(28);
    expect(monthRange('2028-02')).toMatchObject({ to: '2028-02-29', days: 29 });
    expect(() => monthRange('2026-13')).toThrow();
  });

  it('steps across years and offers the current month first', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 2)).toBe('2027-01');
    // 2026-11-30 16:00 UTC is already 12/01 in Japan.
    expect(selectableMonths(at('2026-11-30T16:00:00Z'), 3)).toEqual([
      '2026-12',
      '2026-11',
      '2026-10',
    ]);
  });
});

describe('device uptime from reporting intervals', () => {
  const start = at('2026-10-01T00:00:00+09:00');
  const end = at('2026-10-02T00:00:00+09:00');
  const hours = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => bucketOf('hour', from + i * HOUR_MS + 60_000));

  it('counts the hours with a sample among the hours of the window', () => {
    expect(
      uptimeOf({ interval: 'hour', start, end, buckets: hours(start, 24), open: false }),
    ).toEqual({ expected: 24, reported: 24, uptime: 1 });
    // Six silent hours, and samples outside the window do not count.
    const some = [...hours(start, 18), ...hours(end, 5), ...hours(start - 5 * HOUR_MS, 3)];
    expect(uptimeOf({ interval: 'hour', start, end, buckets: some, open: false })).toEqual({
      expected: 24,
      reported: 18,
      uptime: 0.75,
    });
  });

  it('does not count the unfinished interval of a month still running against the device', () => {
    const now = start + 10 * HOUR_MS + 20 * 60_000; // 10:20
    expect(
      uptimeOf({ interval: 'hour', start, end: now, buckets: hours(start, 10), open: true }),
    ).toEqual({ expected: 10, reported: 10, uptime: 1 });
    // Once the running hour has a sample, it counts.
    expect(
      uptimeOf({ interval: 'hour', start, end: now, buckets: hours(start, 11), open: true }),
    ).toEqual({ expected: 11, reported: 11, uptime: 1 });
  });

  it('counts days in Japan time', () => {
    // 23:30 UTC on 09-30 is 08:30 JST on 10-01: the first day of October.
    expect(bucketOf('day', at('2026-09-30T23:30:00Z'))).toBe(bucketOf('day', start));
    expect(bucketOf('day', at('2026-09-30T14:59:00Z'))).toBe(bucketOf('day', start) - 1);
    const month = monthRange('2026-10');
    const days = Array.from({ length: 31 }, (_, i) =>
      bucketOf('day', month.startMs + i * 86_400_000),
    );
    expect(
      uptimeOf({
        interval: 'day',
        start: month.startMs,
        end: month.endMs,
        buckets: days.slice(0, 29),
        open: false,
      }),
    ).toEqual({ expected: 31, reported: 29, uptime: 29 / 31 });
  });

  it('has nothing to say about an empty window', () => {
    expect(
      uptimeOf({ interval: 'day', start: end, end: start, buckets: [], open: false }).uptime,
    ).toBeNull();
  });
});

describe('first answers on time (002 別紙3 2(4)②)', () => {
  const now = at('2026-11-22T10:00:00+09:00');
  const due = at('2026-11-20T17:00:00+09:00');
  it('classifies each inquiry', () => {
    const o = (
      status: string,
      firstAnswerAt: number | null,
      onTime: boolean | null,
      dueAt: number | null,
    ) => inquiryOutcome({ status, firstAnswerAt, onTime, dueAt }, now);
    expect(o('answered', due - 1, true, due)).toBe('on-time');
    expect(o('closed', due + 1, false, due)).toBe('late');
    expect(o('open', null, null, due)).toBe('overdue');
    expect(o('escalated', null, null, now + 1)).toBe('pending');
    expect(o('refused', null, null, due)).toBe('refused');
  });

  it('counts overdue against the rate and leaves pending and refused out', () => {
    expect(
      deskRate(['on-time', 'on-time', 'on-time', 'late', 'overdue', 'pending', 'refused']),
    ).toEqual({
      onTime: 3,
      late: 1,
      overdue: 1,
      pending: 1,
      rate: 0.6,
    });
    expect(deskRate(['pending']).rate).toBeNull();
  });
});

describe('attack stages', () => {
  it('uses the stage the source reported, else the kind’s typical stage from the knowledge base', () => {
    const k = killChainOf([
      { killChain: 'delivery', kind: 'malware-download', n: 4 },
      { killChain: null, kind: 'c2', n: 3 },
      { killChain: null, kind: 'not-a-kind', n: 2 },
    ]);
    expect(k.phases.map((p) => p.phase)).toEqual([
      'reconnaissance',
      'weaponization',
      'delivery',
      'exploitation',
      'installation',
      'command-and-control',
      'actions-on-objectives',
    ]);
    expect(k.phases.find((p) => p.phase === 'delivery')).toEqual({
      phase: 'delivery',
      reported: 4,
      typical: 0,
    });
    // assets/kb/c2.json: command-and-control.
    expect(k.phases.find((p) => p.phase === 'command-and-control')?.typical).toBe(3);
    expect(k.unknown).toBe(2);
  });
});

describe('wording in the report’s language', () => {
  it('fills placeholders with grouped numbers and picks English plural forms', () => {
    expect(fill('{{a}} / {{b}}', { a: 12000, b: 'x' }, new Intl.NumberFormat('ja-JP'))).toBe(
      '12,000 / x',
    );
    const en = translator('en');
    expect(en('reports:summary.severity.some', { count: 1 })).toBe(
      '1 alert was of critical or high severity.',
    );
    expect(en('reports:summary.severity.some', { count: 1200 })).toBe(
      '1,200 alerts were of critical or high severity.',
    );
    expect(translator('ja')('reports:summary.severity.some', { count: 1 })).toBe(
      '重要度が「緊急」または「高」のアラートは 1 件でした。',
    );
    expect(() => en('reports:summary.nope')).toThrow(/missing message/);
  });

  it('rounds percentages down so a missed target never looks met', () => {
    const f = formatter('en');
    expect(f.percent(0.99896, 2)).toBe('99.89');
    expect(f.percent(0.999, 1)).toBe('99.9');
    expect(f.percent(1, 2)).toBe('100.00');
    expect(formatter('ja').yen(8065)).toBe('8,065円');
    expect(formatter('en').yen(8065)).toBe('¥8,065');
    expect(formatter('ja').month('2026-10')).toBe('2026年10月');
    expect(formatter('en').month('2026-10')).toBe('October 2026');
  });
});
