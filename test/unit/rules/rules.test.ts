/**
 * What the case tables cannot say: bad input is refused, the app's stored Contract fits the rules,
 * the machine's time zone never leaks in, properties that must hold for every date, and the
 * rules' locale keys. Expected values are worked out by hand from the seeds.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract';
import {
  ELIGIBILITY_CODES,
  HOLIDAY_DATA_RANGE,
  INSURANCE_CAP_YEN,
  addDays,
  businessMinutesBetween,
  closedReason,
  dayNumber,
  earlyTerminationCharge,
  eligibilityProblems,
  firstAnswerDue,
  fromDayNumber,
  isBusinessDay,
  monthlyAvailability,
  outageMinutesInMonth,
  parseInstant,
  periodEnd,
  receptionDay,
  termAnchor,
  termEnd,
  unavailabilityCredit,
  weekday,
} from '../../../shared/rules';

describe('input checks', () => {
  it('refuses impossible and malformed dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-9-1', 1)).toThrow(RangeError);
    expect(() => periodEnd('2026-05-01', 0)).toThrow(RangeError);
    expect(() => isBusinessDay({ date: '2026/09/18' })).toThrow(RangeError);
  });

  it('refuses instants without an offset (they would be read in local time)', () => {
    expect(() => receptionDay({ receivedAt: '2026-09-18T10:00:00' })).toThrow(RangeError);
    expect(() => parseInstant('2026-02-30T10:00:00+09:00')).toThrow(RangeError);
    expect(parseInstant('2026-09-18T10:00+09:00')).toBe(Date.parse('2026-09-18T01:00:00Z'));
  });

  it('refuses negative fees and hours', () => {
    expect(() => unavailabilityCredit({ monthlyFee: -1, outageHours: 24 })).toThrow(RangeError);
    expect(() => unavailabilityCredit({ monthlyFee: 1, outageHours: -24 })).toThrow(RangeError);
  });

  it('needs a fee only when something is owed', () => {
    const base = { service: 'iij-c-soc', billingStart: '2026-05-01' } as const;
    expect(earlyTerminationCharge({ ...base, effective: '2026-10-31' })).toBe(0);
    expect(() => earlyTerminationCharge({ ...base, effective: '2026-06-15' })).toThrow(RangeError);
    // SOC in Pocket falls back to 12 × the monthly fee: Nov–Apr = 6 months × 50,000.
    expect(
      earlyTerminationCharge({
        service: 'soc-in-pocket',
        start: '2026-05-01',
        effective: '2026-10-15',
        monthlyFee: 50_000,
      }),
    ).toBe(300_000);
  });
});

describe('the stored Contract fits the rules', () => {
  const contract = (over: Partial<Contract>): Contract => ({
    id: 'c1',
    customerId: 'cust',
    service: 'iij-c-soc',
    category: null,
    module: null,
    item: null,
    options: [],
    managementUnit: 'HQ',
    start: '2026-04-01',
    billingStart: '2026-04-15',
    monthlyFee: 100_000,
    annualFee: null,
    noticeReceived: null,
    requestedEnd: null,
    contractNo: 'X-1',
    ...over,
  });

  it('eligibilityProblems takes stored contracts as they are', () => {
    const contracts: Contract[] = [
      contract({ id: 'p', category: 'premium' }),
      contract({ id: 'm', category: 'module', module: 'swg', options: ['swg-bypass'] }),
    ];
    expect(eligibilityProblems({ contracts })).toEqual([]);
  });

  it('termAnchor picks the billing start for IIJ and the start otherwise', () => {
    expect(termAnchor(contract({ service: 'iij-secure-endpoint', item: 'X' }))).toBe('2026-04-15');
    expect(termAnchor(contract({ service: 'soc-in-pocket' }))).toBe('2026-04-01');
    expect(termAnchor(contract({ service: 'cwpp' }))).toBe('2026-04-01');
  });
});

describe('time zone independence', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('gives JST answers in %s', (tz) => {
    process.env.TZ = tz;
    expect(isBusinessDay({ date: '2026-09-22' })).toBe(false);
    expect(receptionDay({ receivedAt: '2026-09-17T23:30:00Z' })).toBe('2026-09-18');
    expect(firstAnswerDue({ receivedAt: '2026-12-25T16:59:00+09:00' })).toBe(
      '2027-01-05T17:00:00+09:00',
    );
    expect(weekday('2026-09-19')).toBe(6);
  });
});

describe('holidays', () => {
  it('come from @holiday-jp/holiday_jp (1970–2050)', () => {
    expect(HOLIDAY_DATA_RANGE.first).toBe('1970-01-01');
    expect(HOLIDAY_DATA_RANGE.last.startsWith('2050-')).toBe(true);
  });

  it('give the reason the desk is closed', () => {
    expect(closedReason({ date: '2026-09-22' })).toBe('holiday');
    expect(closedReason({ date: '2026-09-19' })).toBe('weekend');
    expect(closedReason({ date: '2027-01-01' })).toBe('year-end'); // 元日 inside the closure
    expect(closedReason({ date: '2026-09-24' })).toBeNull();
  });
});

// Dates 2000-01-01 … 2049-12-31 as day numbers.
const dayArb = fc.integer({ min: 10_957, max: 29_220 });
const instantArb = fc
  .integer({ min: 10_957 * 86_400, max: 29_220 * 86_400 })
  .map((s) => new Date(s * 1000).toISOString());

describe('properties', () => {
  it('dayNumber and fromDayNumber round-trip', () => {
    fc.assert(fc.property(dayArb, (n) => dayNumber(fromDayNumber(n)) === n));
  });

  it('a 12-month period ends 364 or 365 days after its start', () => {
    fc.assert(
      fc.property(dayArb, (n) => {
        const start = fromDayNumber(n);
        const length = dayNumber(periodEnd(start, 12)) - n;
        return length === 364 || length === 365;
      }),
    );
  });

  it('terms follow one another without gaps and contain today', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 4000 }), (n, later) => {
        const today = fromDayNumber(n + later);
        const term = termEnd({ service: 'cwpp', start: fromDayNumber(n), today });
        if (!term) return false;
        const previous = termEnd({
          service: 'cwpp',
          start: fromDayNumber(n),
          today: addDays(term.termStart, -1),
        });
        const contains = term.termStart <= today && today <= term.termEnd;
        return (
          contains &&
          (term.termStart === fromDayNumber(n) || previous?.termEnd === addDays(term.termStart, -1))
        );
      }),
    );
  });

  it('receptionDay is a business day not before the Japan date of receipt', () => {
    fc.assert(
      fc.property(instantArb, (receivedAt) => {
        const day = receptionDay({ receivedAt });
        const due = firstAnswerDue({ receivedAt });
        return (
          isBusinessDay({ date: day }) &&
          dayNumber(day) >= Math.floor((Date.parse(receivedAt) + 9 * 3_600_000) / 86_400_000) &&
          due.endsWith('T17:00:00+09:00') &&
          due.slice(0, 10) > day
        );
      }),
    );
  });

  it('businessMinutesBetween adds up over a split point', () => {
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort();
        const whole = businessMinutesBetween({ from: x!, to: z! });
        const parts =
          businessMinutesBetween({ from: x!, to: y! }) +
          businessMinutesBetween({ from: y!, to: z! });
        return Math.abs(whole - parts) < 1e-9;
      }),
      { numRuns: 50 },
    );
  });

  it('availability and outage minutes agree', () => {
    const outages = [{ start: '2026-09-30T23:00:00+09:00', end: '2026-10-01T00:20:00+09:00' }];
    expect(outageMinutesInMonth({ month: '2026-09', outages })).toBe(60);
    expect(monthlyAvailability({ month: '2026-09', outages })).toBeCloseTo(1 - 60 / 43_200, 12);
  });
});

describe('constants', () => {
  it('insurance cap is ¥3,000,000 per company (002 別紙5)', () => {
    expect(INSURANCE_CAP_YEN).toBe(3_000_000);
  });
});

describe('locales/rules.json', () => {
  const load = (lang: string) =>
    JSON.parse(
      readFileSync(resolve(import.meta.dirname, `../../../locales/${lang}/rules.json`), 'utf8'),
    ) as Record<string, unknown>;
  const keys = (o: unknown, prefix = ''): string[] =>
    typeof o === 'object' && o !== null
      ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
      : [prefix.slice(0, -1)];

  it('ja and en have the same keys, none empty', () => {
    const ja = load('ja');
    const en = load('en');
    expect(keys(ja).sort()).toEqual(keys(en).sort());
    for (const k of keys(ja)) expect(k).not.toBe('');
  });

  it('have a message for every eligibility code and closed reason', () => {
    const all = keys(load('ja'));
    for (const code of ELIGIBILITY_CODES) expect(all).toContain(`eligibility.${code}`);
    for (const reason of ['weekend', 'holiday', 'year-end']) {
      expect(all).toContain(`calendar.closed.${reason}`);
    }
  });
});
