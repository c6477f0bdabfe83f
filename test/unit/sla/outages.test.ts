import { describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../../shared/api';
import type { OutageInput, OutageRecord } from '../../../shared/ops/sla';
import type { Result } from '../../../shared/result';
import { HOUR_MS } from '../../../shared/time';
import { FIXED_NOW, testApp } from '../helpers';

const base: OutageInput = {
  customerId: 'c-tsubame',
  service: 'iij-c-soc',
  contractId: null,
  startedAt: FIXED_NOW - 10 * HOUR_MS,
  knownAt: FIXED_NOW - 9 * HOUR_MS,
  endedAt: FIXED_NOW - 8 * HOUR_MS,
  vendorFault: true,
  note: 'IIJ 障害報告 #42',
};

async function as(kind: 'customer' | 'partner', id: string) {
  const events: Array<EventPayloads[EventName]> = [];
  const app = testApp();
  app.ctx.emit = (_e, payload) => events.push(payload);
  await app.dispatch('session.setProfile', { kind, id });
  events.length = 0; // choosing the profile announces a session change
  return { app, events };
}

const audit = (app: ReturnType<typeof testApp>, id: number) =>
  app.db
    .prepare(
      `SELECT action, actor, customer_id AS customerId, from_value AS fromValue, to_value AS toValue, note
       FROM audit_log WHERE entity = 'outage' AND entity_id = ? ORDER BY id`,
    )
    .all(String(id)) as Array<Record<string, string | null>>;

describe('outage validation', () => {
  it.each([
    ['an end before the start', { endedAt: base.startedAt - 1 }, 'endedAt', 'endBeforeStart'],
    ['an end equal to the start', { endedAt: base.startedAt }, 'endedAt', 'endBeforeStart'],
    [
      'a start in the future',
      { startedAt: FIXED_NOW + HOUR_MS, knownAt: null, endedAt: null },
      'startedAt',
      'future',
    ],
    ['an end in the future', { endedAt: FIXED_NOW + HOUR_MS }, 'endedAt', 'future'],
    [
      'more than 366 days',
      { startedAt: FIXED_NOW - 400 * 24 * HOUR_MS, knownAt: null },
      'endedAt',
      'tooLong',
    ],
    ['knowing before the start', { knownAt: base.startedAt - 1 }, 'knownAt', 'knownBeforeStart'],
    ['knowing after the end', { knownAt: base.endedAt! + 1 }, 'knownAt', 'knownAfterEnd'],
    ['a service without a contract', { service: 'iij-ddos' }, 'service', 'noContract'],
    ["another service's contract", { contractId: 'k-tsubame-1' }, 'contractId', 'contractMismatch'],
    // The demo's Tsubame outage started 35 days ago at 22:00 and lasted 26 hours.
    [
      'an overlap with a recorded outage',
      {
        startedAt: FIXED_NOW - 35 * 24 * HOUR_MS,
        knownAt: null,
        endedAt: FIXED_NOW - 34 * 24 * HOUR_MS,
      },
      'startedAt',
      'overlap',
    ],
  ] as const)('refuses %s, located at %s', async (_label, change, path, key) => {
    const { app, events } = await as('customer', 'c-tsubame');
    const before = app.db.prepare('SELECT count(*) AS n FROM outages').get();
    const r = await app.dispatch('sla.saveOutage', { ...base, ...change });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([{ path, message: `sla:validation.${key}` }]) as unknown,
      },
    });
    expect(app.db.prepare('SELECT count(*) AS n FROM outages').get()).toEqual(before);
    expect(
      app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'outage'").get(),
    ).toEqual({ n: 0 });
    expect(events).toEqual([]);
  });

  it('refuses bad shapes before any check (strict schema, note length)', async () => {
    const { app } = await as('customer', 'c-tsubame');
    expect(await app.dispatch('sla.saveOutage', { ...base, note: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'note' }] },
    });
    expect(await app.dispatch('sla.saveOutage', { ...base, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('outages: record, change, delete, with audit', () => {
  it('records, changes and deletes, auditing each without the free-text note', async () => {
    const { app, events } = await as('customer', 'c-tsubame');
    const created = (await app.dispatch('sla.saveOutage', base)) as Result<OutageRecord>;
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const o = created.value;
    expect(o).toMatchObject({ ...base, createdAt: FIXED_NOW, updatedAt: FIXED_NOW });
    const changed = await app.dispatch('sla.saveOutage', {
      ...base,
      id: o.id,
      endedAt: FIXED_NOW - 7 * HOUR_MS,
      note: '更新',
    });
    expect(changed).toMatchObject({
      ok: true,
      value: { id: o.id, endedAt: FIXED_NOW - 7 * HOUR_MS, note: '更新' },
    });
    // An ongoing outage (no end) is allowed.
    expect(
      await app.dispatch('sla.saveOutage', { ...base, id: o.id, endedAt: null }),
    ).toMatchObject({ ok: true });
    expect(await app.dispatch('sla.deleteOutage', { id: o.id })).toEqual({ ok: true, value: null });
    expect(app.db.prepare('SELECT count(*) AS n FROM outages WHERE id = ?').get(o.id)).toEqual({
      n: 0,
    });

    const log = audit(app, o.id);
    expect(log.map((e) => e.action)).toEqual([
      'outage.create',
      'outage.update',
      'outage.update',
      'outage.delete',
    ]);
    expect(new Set(log.map((e) => e.actor))).toEqual(new Set(['customer:c-tsubame']));
    expect(new Set(log.map((e) => e.customerId))).toEqual(new Set(['c-tsubame']));
    expect(JSON.parse(log[1]!.fromValue!)).toMatchObject({ endedAt: base.endedAt });
    expect(JSON.parse(log[1]!.toValue!)).toMatchObject({ endedAt: FIXED_NOW - 7 * HOUR_MS });
    expect(log[1]!.note).toBe('note changed');
    expect(log[3]!.toValue).toBeNull();
    expect(JSON.stringify(log)).not.toContain('#42');
    expect(JSON.stringify(log)).not.toContain('更新');
    expect(events).toEqual([
      { topics: ['sla'] },
      { topics: ['sla'] },
      { topics: ['sla'] },
      { topics: ['sla'] },
    ]);

    const history = await app.dispatch('sla.outageHistory', { id: o.id });
    // Each entry names who acted by company, as the history dialog shows it.
    const tsubame = app.db
      .prepare(`SELECT name_ja AS ja, name_en AS en FROM customers WHERE id = 'c-tsubame'`)
      .get() as { ja: string; en: string };
    const who = { actor: 'customer:c-tsubame', actorName: tsubame };
    expect(history).toMatchObject({
      ok: true,
      value: [{ action: 'outage.create', ...who }, who, who, { action: 'outage.delete', ...who }],
    });
  });

  it('does not let one customer read or change another’s outages', async () => {
    const { app, events } = await as('customer', 'c-aoba');
    const [theirs] = app.db
      .prepare("SELECT id FROM outages WHERE customer_id = 'c-tsubame'")
      .all() as { id: number }[];
    expect(await app.dispatch('sla.saveOutage', base)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await app.dispatch('sla.saveOutage', {
        ...base,
        id: theirs!.id,
        customerId: 'c-aoba',
        service: 'iij-c-soc',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await app.dispatch('sla.deleteOutage', { id: theirs!.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await app.dispatch('sla.outageHistory', { id: theirs!.id })).toEqual({
      ok: true,
      value: [],
    });
    expect(await app.dispatch('sla.ledger', { customerId: 'c-tsubame', months: 3 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      app.db.prepare('SELECT count(*) AS n FROM outages WHERE id = ?').get(theirs!.id),
    ).toEqual({ n: 1 });
    expect(events).toEqual([]);
  });

  it("lets a partner record its customer's outage but not another partner's customer's", async () => {
    const { app } = await as('partner', 'p-hokuto');
    expect(await app.dispatch('sla.saveOutage', base)).toMatchObject({ ok: true });
    const row = app.db.prepare("SELECT actor FROM audit_log WHERE entity = 'outage'").get();
    expect(row).toEqual({ actor: 'partner:p-hokuto' });
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    expect(
      await app.dispatch('sla.saveOutage', {
        ...base,
        startedAt: base.startedAt - 5 * HOUR_MS,
        knownAt: null,
        endedAt: base.startedAt - 4 * HOUR_MS,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
