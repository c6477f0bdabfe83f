/**
 * The monthly report's SLA, device, contract and inquiry sections, each checked against the
 * operation of the feature that owns the figure (SLA ledger, contract deadlines) or the raw rows.
 */
import { describe, expect, it } from 'vitest';
import { monthRange } from '../../../shared/report/month';
import { HOUR_MS } from '../../../shared/time';
import { FIXED_NOW } from '../helpers';
import { ok, reportApp, type App } from './helpers';
import { make } from './service-setup';

describe('the SLA, device and contract sections', () => {
  it('show the SLA ledger of the month exactly as the SLA feature computes it', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const r = await make(app, 'c-hikari', '2026-11', 'en');
    expect(r.inProgress).toBe(true);
    const ledger = ok<{
      customers: Array<{
        customerId: string;
        services: Array<{
          service: string;
          coverage: string;
          months: Array<Record<string, unknown>>;
        }>;
      }>;
    }>(await app.dispatch('sla.ledger', { customerId: 'c-hikari', months: 3 }));
    const services = ledger.customers[0]!.services;
    expect(r.sla.map((s) => s.service)).toEqual(services.map((s) => s.service));
    for (const row of r.sla) {
      const s = services.find((x) => x.service === row.service)!;
      const month = s.months.find((m) => m.month === '2026-11')!;
      expect(row.coverage).toBe(s.coverage);
      expect(row.ledger.incidents).toEqual(month.incidents);
      expect(row.ledger.availability).toBe(month.availability);
      expect(row.ledger.guarantee).toBe(month.guarantee);
      expect(row.ledger.creditTotal).toBe(month.creditTotal);
      expect(row.ledger.deadlines).toEqual(
        (month.deadlines as Array<Record<string, unknown>>).map(
          ({ kind, date, daysLeft, state }) => ({
            kind,
            date,
            daysLeft,
            state,
          }),
        ),
      );
    }
    // The demo's November: a 50-minute platform outage and a late notice break the guarantee.
    expect(r.sla.find((s) => s.service === 'iij-c-soc')?.ledger.guarantee).toBe('breached');
    expect(r.summary.points.join(' ')).toContain('The quality guarantee was not met');
  });

  it('measures uptime in hours for a CTS sensor and leaves devices without samples unmeasured', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const r = await make(app, 'c-kotobuki', '2026-11', 'ja');
    const m = monthRange('2026-11');
    const sensor = r.devices.find((d) => d.deviceId === 'd-kotobuki-1')!;
    // From 11/01 00:00 to "now" (11/22 10:00): 21 days and 10 hours, every one finished.
    const expected = (FIXED_NOW - m.startMs) / HOUR_MS;
    const { reported } = app.db
      .prepare(
        `SELECT count(DISTINCT at / 3600000) AS reported FROM health_samples
         WHERE device_id = 'd-kotobuki-1' AND at >= ? AND at < ?`,
      )
      .get(m.startMs, FIXED_NOW) as { reported: number };
    expect(sensor).toMatchObject({ interval: 'hour', expected, reported, status: 'offline' });
    expect(sensor.uptime).toBeCloseTo(reported / expected, 10);
    expect(sensor.uptime).toBeLessThan(1); // silent for the last three hours
    for (const d of r.devices.filter((x) => x.kind === 'ddos' || x.kind === 'vpn')) {
      expect(d).toMatchObject({ uptime: null, expected: 0, endpointsMax: null });
    }
  });

  it('lists the contract deadlines of the next 90 days from the contracts feature', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    const r = await make(app, null, '2026-10', 'ja');
    const all = ok<{
      rows: Array<{
        contractId: string;
        kind: string;
        date: string;
        daysLeft: number;
        actionNeeded: boolean;
      }>;
    }>(await app.dispatch('contracts.deadlines', { customerId: null }));
    expect(r.contracts.asOf).toBe('2026-11-22');
    expect(
      r.contracts.rows.map((x) => `${x.contractId}/${x.kind}/${x.date}/${x.actionNeeded}`).sort(),
    ).toEqual(
      all.rows
        .filter((x) => x.daysLeft <= 90)
        .map((x) => `${x.contractId}/${x.kind}/${x.date}/${x.actionNeeded}`)
        .sort(),
    );
  });
});

describe('inquiries and escalations', () => {
  function inquiry(app: App, id: string, fields: Record<string, string | number | null>) {
    const base: Record<string, string | number | null> = {
      id,
      customer_id: 'c-hikari',
      side: 'partner',
      status: 'open',
      channel: 'phone',
      template_id: 't',
      template_version: 1,
      created_at: FIXED_NOW,
      updated_at: FIXED_NOW,
      ...fields,
    };
    const cols = Object.keys(base);
    app.db
      .prepare(
        `INSERT INTO inquiries (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
      )
      .run(...cols.map((c) => base[c]));
  }

  it('counts first answers and escalations on time, late, overdue and pending', async () => {
    const app = await reportApp({ kind: 'partner', id: 'p-hokuto' });
    app.db
      .prepare(`INSERT INTO hearing_templates VALUES ('t', 1, 't', 't', '{}', 'x', 'shipped', ?)`)
      .run(FIXED_NOW);
    const day = (d: number, h: number) =>
      Date.parse(`2026-10-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+09:00`);
    inquiry(app, 'INQ-1', {
      status: 'answered',
      received_at: day(5, 10),
      due_at: day(6, 17),
      first_answer_at: day(5, 15),
      answered_at: day(5, 15),
      on_time: 1,
    });
    inquiry(app, 'INQ-2', {
      status: 'answered',
      received_at: day(7, 10),
      due_at: day(8, 17),
      first_answer_at: day(9, 9),
      answered_at: day(9, 9),
      on_time: 0,
    });
    inquiry(app, 'INQ-3', {
      status: 'second-line-answered',
      received_at: day(12, 9),
      due_at: day(13, 17),
      escalated_at: day(12, 11),
      acknowledged_at: day(12, 12),
      sl_answered_at: day(13, 10),
      first_answer_at: day(13, 10),
      on_time: 1,
    });
    inquiry(app, 'INQ-4', {
      status: 'escalated',
      received_at: day(20, 9),
      due_at: day(21, 17),
      escalated_at: day(20, 11),
    });
    inquiry(app, 'INQ-5', { status: 'refused', received_at: day(22, 9), due_at: day(23, 17) });
    // Another month and the customer's own side are not this report's.
    inquiry(app, 'INQ-6', {
      received_at: Date.parse('2026-11-02T10:00:00+09:00'),
      due_at: FIXED_NOW + 1,
    });
    inquiry(app, 'PRE-1', { side: 'customer', status: 'sent', received_at: day(5, 10) });

    const r = await make(app, 'c-hikari', '2026-10', 'en');
    expect(r.desk).toMatchObject({
      side: 'partner',
      received: 5,
      answeredByPhone: 2,
      escalated: 2,
      refused: 1,
      acknowledged: 1,
      secondLineAnswered: 1,
      firstAnswer: { onTime: 2, late: 1, overdue: 1, pending: 0, rate: 0.5 },
      escalations: { onTime: 1, late: 0, overdue: 1, pending: 0, rate: 0.5 },
      rowsTotal: 5,
    });
    expect(r.desk.rows.map((x) => `${x.id}:${x.outcome}`)).toEqual([
      'INQ-1:on-time',
      'INQ-2:late',
      'INQ-3:on-time',
      'INQ-4:overdue',
      'INQ-5:refused',
    ]);
    expect(r.summary.points).toContain(
      'Of 5 inquiries, 2 received their first answer on time (50% on time).',
    );
    expect(r.summary.points).toContain('2 were escalated to the second-line window.');
  });
});
