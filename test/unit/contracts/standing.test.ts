import { describe, expect, it } from 'vitest';
import {
  articlesOf,
  cancellationEstimate,
  contractStanding,
  insuranceOf,
} from '../../../shared/contracts';
import type { Contract } from '../../../shared/domain/contract';

// Hand-computed from the terms (docs/rules.md); today is 2026-11-22 unless said otherwise.
const TODAY = '2026-11-22';
const k = (over: Partial<Contract> & Pick<Contract, 'service'>): Contract => ({
  id: 'k',
  customerId: 'c',
  category: null,
  module: null,
  item: null,
  options: [],
  managementUnit: null,
  start: '2026-01-01',
  billingStart: '2026-01-01',
  monthlyFee: null,
  annualFee: null,
  noticeReceived: null,
  requestedEnd: null,
  contractNo: 'X-1',
  ...over,
});

describe('contractStanding', () => {
  it('SOC in Pocket: the renewed term, the notice 2 months before its end, 48 days left (002 第4条3)', () => {
    // 2025-03-10 → first term ends 2026-03-09; renewed 2026-03-10 … 2027-03-09; notice by
    // 2027-01-09; 2026-11-22 → 2027-01-09 is 8 + 31 + 9 = 48 days: within 60, action needed.
    expect(contractStanding(k({ service: 'soc-in-pocket', start: '2025-03-10' }), TODAY)).toEqual({
      termStart: '2026-03-10',
      termEnd: '2027-03-09',
      autoRenews: true,
      noticeDeadline: '2027-01-09',
      noticeDaysLeft: 48,
      minimumPeriodEnd: null,
      minimumDaysLeft: null,
      ending: null,
      ended: false,
      next: { kind: 'notice', date: '2027-01-09', daysLeft: 48 },
      actionNeeded: true,
    });
  });

  it('a notice received ends the contract on its effective day; nothing more to act on', () => {
    // SOC in Pocket sets no notice period: effective on the notice day (002 第4条5, docs/rules.md).
    const s = contractStanding(
      k({ service: 'soc-in-pocket', start: '2025-03-10', noticeReceived: '2026-11-20' }),
      TODAY,
    );
    expect(s.ending).toEqual({
      noticeReceived: '2026-11-20',
      requested: null,
      effective: '2026-11-20',
    });
    expect(s.ended).toBe(true);
    expect(s.actionNeeded).toBe(false);
    // C-SOC: notice 2026-11-20 + 30 days = 2026-12-20 (000 第12条1), or the later day asked for.
    const csoc = contractStanding(
      k({
        service: 'iij-c-soc',
        category: 'module',
        module: 'firewall',
        noticeReceived: '2026-11-20',
        requestedEnd: '2027-01-31',
      }),
      TODAY,
    );
    expect(csoc.ending?.effective).toBe('2027-01-31');
    expect(csoc.ended).toBe(false);
  });

  it('C-SOC module: 6 months from the billing start (000 第5条), no term, 43 days left', () => {
    const s = contractStanding(
      k({
        service: 'iij-c-soc',
        category: 'module',
        module: 'm365-log',
        start: '2026-06-25',
        billingStart: '2026-07-05',
      }),
      TODAY,
    );
    expect(s).toMatchObject({
      termEnd: null,
      autoRenews: false,
      noticeDeadline: null,
      minimumPeriodEnd: '2027-01-04',
      minimumDaysLeft: 43,
      actionNeeded: true,
    });
  });

  it('61 days away is not yet "action needed" (60-day window)', () => {
    // DDoS E billing 2026-01-23: 12 months end 2027-01-22, 61 days after 2026-11-22.
    const s = contractStanding(
      k({ service: 'iij-ddos', item: 'E', billingStart: '2026-01-23' }),
      TODAY,
    );
    expect(s.minimumPeriodEnd).toBe('2027-01-22');
    expect(s.minimumDaysLeft).toBe(61);
    expect(s.actionNeeded).toBe(false);
  });
});

describe('insurance and articles', () => {
  it('covers from the 1st of the next month, up to ¥3,000,000 (002 別紙5)', () => {
    expect(insuranceOf(k({ service: 'soc-in-pocket', start: '2026-05-06' }))).toEqual({
      coverageStart: '2026-06-01',
      capYen: 3_000_000,
      article: '002 別紙5',
    });
    expect(insuranceOf(k({ service: 'soc-in-pocket', start: '2026-06-01' }))?.coverageStart).toBe(
      '2026-07-01',
    );
    expect(insuranceOf(k({ service: 'iij-c-soc' }))).toBeNull();
  });

  it('names the article of each figure', () => {
    expect(articlesOf(k({ service: 'iij-secure-endpoint', item: 'X' }))).toMatchObject({
      term: '001 第3条2',
      notice: '001 第3条2',
      minimumPeriod: null,
    });
    expect(articlesOf(k({ service: 'iij-secure-endpoint', item: 'C' })).minimumPeriod).toBe(
      '001 第3条1',
    );
    expect(articlesOf(k({ service: 'iij-ddos', item: 'X' })).charge).toBe('004 第13条, 別紙2');
    expect(articlesOf(k({ service: 'iij-c-soc', item: 'edr-period-licence' })).cancellation).toBe(
      '000 第10条10',
    );
  });
});

describe('cancellationEstimate', () => {
  it('DDoS X: notice today → 30 days later; one month of the minimum period left', () => {
    // Effective 2026-12-22 (004 第11条1); minimum ends 2027-01-05 (12 months from 2026-01-06);
    // months after 2026-12 up to 2027-01: 1 × ¥165,000 (004 第13条, 別紙2).
    const e = cancellationEstimate(
      k({ service: 'iij-ddos', item: 'X', billingStart: '2026-01-06', monthlyFee: 165_000 }),
      TODAY,
      null,
    );
    expect(e).toEqual({
      noticeReceived: TODAY,
      requested: null,
      effective: '2026-12-22',
      charge: 165_000,
      articles: { effective: '004 第11条1', charge: '004 第13条, 別紙2' },
      nonRenewal: null,
    });
  });

  it('SOC in Pocket: an end after the renewal owes the rest of the new term (002 第4条5)', () => {
    // Asked for 2027-02-15: the term then is 2027-01-27 … 2028-01-26; months after 2027-02 up to
    // 2028-01: 11 × 792,000 / 12 = 726,000. Not renewing instead: notice by 2026-11-26.
    const e = cancellationEstimate(
      k({
        service: 'soc-in-pocket',
        start: '2026-01-27',
        billingStart: '2026-01-27',
        annualFee: 792_000,
      }),
      TODAY,
      '2027-02-15',
    );
    expect(e.effective).toBe('2027-02-15');
    expect(e.charge).toBe(726_000);
    expect(e.nonRenewal).toEqual({ noticeDeadline: '2026-11-26', termEnd: '2027-01-26' });
  });

  it('CWPP owes nothing (003 第9条2); a missing fee is unknown, not zero', () => {
    expect(
      cancellationEstimate(k({ service: 'cwpp', annualFee: 990_000 }), TODAY, null),
    ).toMatchObject({
      effective: '2026-12-22',
      charge: 0,
    });
    const noFee = cancellationEstimate(
      k({ service: 'iij-c-soc', category: 'module', module: 'ips', billingStart: '2026-10-01' }),
      TODAY,
      null,
    );
    expect(noFee.charge).toBeNull();
  });
});
