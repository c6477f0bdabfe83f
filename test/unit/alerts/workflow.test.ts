/**
 * Status workflow and checklist: every transition of the table (allowed ones change the status
 * and write one audit entry; the others are typed errors and change nothing), notes, bulk
 * all-or-nothing, and tenant scope on reads and writes.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_STATUSES, type AlertStatus } from '../../../shared/catalog';
import { kbEntry } from '../../../shared/kb';
import { ALERT_TRANSITIONS, noteRequired, type AlertDetail } from '../../../shared/ops/alerts';
import { FIXED_NOW } from '../helpers';
import { alertsApp, stateHash, value, type AlertsApp } from './helpers';

const pick = (app: AlertsApp, where: string) =>
  app.db
    .prepare(
      `SELECT id, status, customer_id, threat_kind FROM alerts WHERE ${where} ORDER BY id LIMIT 1`,
    )
    .get() as {
    id: number;
    status: AlertStatus;
    customer_id: string;
    threat_kind: string;
  };
const audits = (app: AlertsApp, id: number) =>
  app.db
    .prepare(
      `SELECT at, actor, action, customer_id, from_value, to_value, note FROM audit_log WHERE entity = 'alert' AND entity_id = ? ORDER BY id`,
    )
    .all(String(id));

describe('alert status workflow', () => {
  it.each(ALERT_STATUSES.flatMap((from) => ALERT_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s',
    async (from, to) => {
      const app = await alertsApp();
      const a = pick(
        app,
        `status = '${from}' AND customer_id IN ('c-aoba', 'c-sakuragawa', 'c-kawasemi')`,
      );
      const allowed = ALERT_TRANSITIONS[from].includes(to);
      const before = stateHash(app.db);
      const r = await app.dispatch('alerts.setStatus', { ids: [a.id], status: to, note: 'reason' });
      if (!allowed) {
        expect(r).toMatchObject({
          ok: false,
          error: {
            code: 'conflict',
            message: 'alerts:errors.transition',
            issues: [{ path: 'ids.0', params: { from, to } }],
          },
        });
        expect(stateHash(app.db)).toBe(before);
        return;
      }
      expect(r).toEqual({ ok: true, value: { updated: 1 } });
      expect(app.db.prepare('SELECT status FROM alerts WHERE id = ?').pluck().get(a.id)).toBe(to);
      expect(audits(app, a.id)).toEqual([
        {
          at: FIXED_NOW,
          actor: 'partner:p-minato',
          action: 'alert.status',
          customer_id: a.customer_id,
          from_value: from,
          to_value: to,
          note: 'reason',
        },
      ]);
      expect(app.events).toContainEqual({ event: 'data.changed', payload: { topics: ['alerts'] } });
    },
  );

  it('needs a note to close or reopen, not to acknowledge', async () => {
    const app = await alertsApp();
    const open = pick(app, `status = 'in_progress'`);
    const closed = pick(app, `status = 'resolved'`);
    const fresh = pick(app, `status = 'new'`);
    for (const [a, to] of [
      [open, 'resolved'],
      [open, 'false_positive'],
      [closed, 'in_progress'],
    ] as const) {
      expect(noteRequired(a.status, to)).toBe(true);
      expect(
        await app.dispatch('alerts.setStatus', { ids: [a.id], status: to, note: '   ' }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [{ path: 'note', message: 'alerts:errors.noteRequired' }],
        },
      });
    }
    expect(
      await app.dispatch('alerts.setStatus', { ids: [fresh.id], status: 'acknowledged' }),
    ).toMatchObject({ ok: true });
    expect(audits(app, fresh.id)).toMatchObject([{ note: null }]);
  });

  it('changes a selection all or nothing', async () => {
    const app = await alertsApp();
    const ids = app.db
      .prepare(
        `SELECT id FROM alerts WHERE status = 'new' AND customer_id = 'c-aoba' ORDER BY id LIMIT 3`,
      )
      .pluck()
      .all() as number[];
    const done = pick(app, `status = 'resolved' AND customer_id = 'c-aoba'`);
    const before = stateHash(app.db);
    const r = await app.dispatch('alerts.setStatus', {
      ids: [...ids, done.id],
      status: 'acknowledged',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        issues: [{ path: 'ids.3', params: { id: done.id, from: 'resolved' } }],
      },
    });
    expect(stateHash(app.db)).toBe(before);
    expect(await value(app, 'alerts.setStatus', { ids, status: 'acknowledged' })).toEqual({
      updated: 3,
    });
    const statuses = app.db
      .prepare(`SELECT DISTINCT status FROM alerts WHERE id IN (${ids.join(',')})`)
      .pluck()
      .all();
    expect(statuses).toEqual(['acknowledged']);
    // The queue's counts follow at once (the rollup is kept by triggers).
    const c = await value<{ count: number }>(app, 'alerts.count', {
      filter: { customerId: 'c-aoba', statuses: ['acknowledged'] },
    });
    expect(c.count).toBe(
      app.db
        .prepare(
          `SELECT count(*) FROM alerts WHERE customer_id = 'c-aoba' AND status = 'acknowledged'`,
        )
        .pluck()
        .get(),
    );
  });

  it('ticks and unticks recommendations of the alert’s own kind, with audit entries', async () => {
    const app = await alertsApp();
    const a = pick(app, `threat_kind = 'c2' AND customer_id = 'c-sakuragawa'`);
    const [first, second] = kbEntry('c2').recommendations;
    await value(app, 'alerts.setChecklist', {
      alertId: a.id,
      recommendationId: first!.id,
      done: true,
    });
    const list = await value<AlertDetail['checklist']>(app, 'alerts.setChecklist', {
      alertId: a.id,
      recommendationId: second!.id,
      done: true,
    });
    expect(list.map((c) => c.recommendationId).sort()).toEqual([first!.id, second!.id].sort());
    await value(app, 'alerts.setChecklist', {
      alertId: a.id,
      recommendationId: first!.id,
      done: false,
    });
    const detail = await value<AlertDetail>(app, 'alerts.get', { id: a.id });
    expect(detail.checklist).toEqual([{ recommendationId: second!.id, doneAt: FIXED_NOW }]);
    expect(detail.history.map((h) => [h.action, h.to, h.actorName?.ja])).toEqual([
      ['alert.checklist.undone', first!.id, '株式会社ミナト情報システム'],
      ['alert.checklist.done', second!.id, '株式会社ミナト情報システム'],
      ['alert.checklist.done', first!.id, '株式会社ミナト情報システム'],
    ]);
    expect(
      await app.dispatch('alerts.setChecklist', {
        alertId: a.id,
        recommendationId: 'not-a-c2-step',
        done: true,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'recommendationId' }] },
    });
  });
});

describe('alert scope', () => {
  it("a customer can neither read nor change another customer's alerts", async () => {
    const app = await alertsApp({ kind: 'customer', id: 'c-aoba' });
    const other = pick(app, `customer_id = 'c-sakuragawa' AND status = 'new'`);
    const own = pick(app, `customer_id = 'c-aoba' AND status = 'new'`);
    const before = stateHash(app.db);
    for (const [name, input] of [
      ['alerts.get', { id: other.id }],
      ['alerts.setStatus', { ids: [other.id], status: 'acknowledged' }],
      ['alerts.setStatus', { ids: [own.id, other.id], status: 'acknowledged' }],
      ['alerts.setChecklist', { alertId: other.id, recommendationId: 'isolate-pc', done: true }],
    ] as const) {
      expect(await app.dispatch(name, input)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
    expect(stateHash(app.db)).toBe(before);
    expect(await value(app, 'alerts.rows', { ids: [own.id, other.id] })).toMatchObject([
      { id: own.id },
    ]);
    expect(
      await app.dispatch('alerts.list', { filter: { customerId: 'c-sakuragawa' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const page = await value<{ rows: Array<{ customerId: string }> }>(app, 'alerts.list', {
      filter: { customerId: null, statuses: [...ALERT_STATUSES] },
      limit: 500,
    });
    expect(new Set(page.rows.map((r) => r.customerId))).toEqual(new Set(['c-aoba']));
  });

  it("a partner cannot touch another partner's customers", async () => {
    const app = await alertsApp({ kind: 'partner', id: 'p-hokuto' });
    const minato = pick(app, `customer_id = 'c-kawasemi'`);
    expect(await app.dispatch('alerts.get', { id: minato.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await app.dispatch('alerts.export', { filter: { customerId: 'c-kawasemi' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('alert detail', () => {
  it('checks C-SOC important incidents against 15 minutes, and Basic has no guarantee', async () => {
    const app = await alertsApp({ kind: 'partner', id: 'p-hokuto' });
    const rows = app.db
      .prepare(
        `SELECT a.id, a.notified_at - a.detected_at AS delay, k.category FROM alerts a
         JOIN contracts k ON k.customer_id = a.customer_id AND k.service = 'iij-c-soc'
           AND k.category IN ('premium', 'advanced', 'basic')
         WHERE a.source = 'csoc' AND a.important = 1 AND a.notified_at IS NOT NULL`,
      )
      .all() as Array<{ id: number; delay: number; category: string }>;
    const late = rows.find((r) => r.delay > 15 * 60_000 && r.category !== 'basic')!;
    const onTime = rows.find((r) => r.delay <= 15 * 60_000 && r.category !== 'basic')!;
    const basic = rows.find((r) => r.category === 'basic')!;
    for (const [row, held] of [
      [late, false],
      [onTime, true],
    ] as const) {
      const d = await value<AlertDetail>(app, 'alerts.get', { id: row.id });
      expect(d.sla).toMatchObject({ held, minutes: Math.round((row.delay / 60_000) * 10) / 10 });
    }
    expect((await value<AlertDetail>(app, 'alerts.get', { id: basic.id })).sla?.category).toBe(
      'basic',
    );
    const cts = pick(app, `source = 'cts' AND customer_id = 'c-tsubame'`);
    const d = await value<AlertDetail>(app, 'alerts.get', { id: cts.id });
    expect(d.sla).toBeNull();
    // つばめ has neither UTM with URL filtering nor FW + Proxy (002 別紙2 2(3)).
    expect(d.customer.perimeterMissing).toBe(true);
    const hikari = pick(app, `customer_id = 'c-hikari'`);
    expect(
      (await value<AlertDetail>(app, 'alerts.get', { id: hikari.id })).customer.perimeterMissing,
    ).toBe(false);
  });
});
