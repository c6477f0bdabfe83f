import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../../shared/api';
import { cancellationEstimate, contractStanding, insuranceOf } from '../../../shared/contracts';
import { generateWorld } from '../../../shared/demo';
import type { CustomerContracts, DeadlineRow } from '../../../shared/ops/contracts';
import type { Result } from '../../../shared/result';
import { jstIsoDate } from '../../../shared/time';
import { FIXED_NOW, testApp } from '../helpers';

const world = generateWorld({ now: FIXED_NOW });
const TODAY = jstIsoDate(FIXED_NOW);

async function value<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('contracts.list', () => {
  it("shows each of a partner's customers with every contract and the rules' standing", async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    const { today, customers } = await value<{ today: string; customers: CustomerContracts[] }>(
      app.dispatch('contracts.list', { customerId: null }),
    );
    expect(today).toBe(TODAY);
    expect(customers.map((c) => c.customerId)).toEqual(['c-aoba', 'c-kawasemi', 'c-sakuragawa']);
    for (const c of customers) {
      const expected = world.contracts.filter((k) => k.customerId === c.customerId);
      expect(c.contracts.map((v) => v.contract)).toEqual(expected);
      for (const v of c.contracts) {
        expect(v.standing).toEqual(contractStanding(v.contract, TODAY));
        expect(v.insurance).toEqual(insuranceOf(v.contract));
      }
    }
  });

  it("reports C-SOC eligibility problems with their article (the demo's WAF without advanced support)", async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-hikari' });
    const { customers } = await value<{ customers: CustomerContracts[] }>(
      app.dispatch('contracts.list', { customerId: null }),
    );
    expect(customers).toHaveLength(1);
    expect(customers[0]!.problems.map((p) => [p.code, p.article])).toContainEqual([
      'waf-needs-advanced-support',
      '000 第7条7',
    ]);
  });
});

describe('contracts.estimate', () => {
  it('answers with the rules for a contract in scope', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-hikari' });
    const ddos = world.contracts.find(
      (k) => k.customerId === 'c-hikari' && k.service === 'iij-ddos',
    )!;
    const r = await value(
      app.dispatch('contracts.estimate', {
        contractId: ddos.id,
        noticeReceived: TODAY,
        requested: null,
      }),
    );
    expect(r).toEqual(cancellationEstimate(ddos, TODAY, null));
  });

  it('refuses an impossible date with its path, and another customer’s contract as missing', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-aoba' });
    const own = world.contracts.find((k) => k.customerId === 'c-aoba')!;
    expect(
      await app.dispatch('contracts.estimate', {
        contractId: own.id,
        noticeReceived: '2026-02-30',
        requested: null,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'noticeReceived' }] },
    });
    const other = world.contracts.find((k) => k.customerId === 'c-hikari')!;
    expect(
      await app.dispatch('contracts.estimate', {
        contractId: other.id,
        noticeReceived: TODAY,
        requested: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await app.dispatch('contracts.list', { customerId: 'c-hikari' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('contracts.deadlines and the CSV export', () => {
  it('lists every upcoming deadline of the scope, soonest first', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-hokuto' });
    const { rows } = await value<{ rows: DeadlineRow[] }>(
      app.dispatch('contracts.deadlines', { customerId: null }),
    );
    const ids = ['c-hikari', 'c-tsubame', 'c-kotobuki'];
    const expected = world.contracts
      .filter((k) => ids.includes(k.customerId))
      .flatMap((k) => {
        const s = contractStanding(k, TODAY);
        const found: Array<[string, string | null]> = [
          ['notice', s.ending ? null : s.noticeDeadline],
          ['minimumPeriod', s.minimumPeriodEnd],
          ['cancellation', s.ending?.effective ?? null],
        ];
        return found
          .filter(([, d]) => d !== null && d >= TODAY)
          .map(([kind, date]) => `${k.id} ${kind} ${date}`);
      })
      .sort();
    expect(rows.map((r) => `${r.contractId} ${r.kind} ${r.date}`).sort()).toEqual(expected);
    expect(rows.map((r) => r.daysLeft)).toEqual(rows.map((r) => r.daysLeft).sort((a, b) => a - b));
    // The Secure Endpoint X under notice shows its end, not a notice deadline.
    expect(
      rows.filter((r) => r.contractNo.startsWith('IIJSECUREENDPOINT')).map((r) => r.kind),
    ).toEqual(['cancellation']);
  });

  it.each([
    [
      'ja',
      '顧客,契約番号,サービス,契約,期限の種類,期限日,残り日数,要対応',
      'ひかり医療サービス株式会社',
    ],
    [
      'en',
      'Customer,Contract no.,Service,Contract,Deadline,Date,Days left,Action needed',
      'Hikari Medical Services Co., Ltd.',
    ],
  ] as const)('writes UTF-8 CSV with a BOM, headers in %s', async (language, header, name) => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-hokuto' });
    const { rows } = await value<{ rows: DeadlineRow[] }>(
      app.dispatch('contracts.deadlines', { customerId: null }),
    );
    const ref = await value<FileRef>(
      app.dispatch('contracts.exportDeadlines', { customerId: null, language }),
    );
    expect(ref.name).toMatch(/^(契約期限一覧|contract-deadlines)-\d{8}\.csv$/);
    const text = readFileSync(app.ctx.files.get(ref.fileId).path, 'utf8');
    expect(text.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(text).toContain(language === 'en' ? `"${name}"` : name);
  });
});
