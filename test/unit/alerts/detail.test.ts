/**
 * alerts.get, the record side of an alert's screen: the series of communications in time order
 * (capped, with the total), and the affected hosts, first/last seen, count, kill-chain phase and
 * ATT&CK tactic exactly as stored — for an imported alert whose file lists them out of order, and
 * for the demo's alerts of both sources.
 */
import { describe, expect, it } from 'vitest';
import type { AlertDetail } from '../../../shared/ops/alerts';
import { alertsApp, fixtureFile, runImport, value, type AlertsApp } from './helpers';
import { outcome } from './import-setup';

const ms = (iso: string) => Date.parse(iso);
const stored = (app: AlertsApp, id: number) =>
  app.db
    .prepare(
      `SELECT hosts, first_seen, last_seen, count, kill_chain, tactic FROM alerts WHERE id = ?`,
    )
    .get(id) as {
    hosts: string;
    first_seen: number;
    last_seen: number;
    count: number;
    kill_chain: string | null;
    tactic: string | null;
  };

/** The record fields of a detail, in the stored row's terms. */
const recordOf = (d: AlertDetail) => ({
  hosts: JSON.stringify(d.alert.hosts),
  first_seen: d.alert.firstSeen,
  last_seen: d.alert.lastSeen,
  count: d.alert.count,
  kill_chain: d.alert.killChain,
  tactic: d.alert.tactic,
});

describe('alert detail: the record', () => {
  it('lists an imported series in time order, the first 1,000 of 1,005, with the facts', async () => {
    const app = await alertsApp();
    const start = ms('2026-11-21T08:00:00+09:00');
    // Written newest first, every fifth without a port or URL, actions in turn.
    const series = Array.from({ length: 1005 }, (_, i) => ({
      at: new Date(start + i * 1000).toISOString(),
      src: `192.0.2.${10 + (i % 3)}`,
      dst: '203.0.113.77',
      port: i % 5 === 0 ? null : 443,
      protocol: i % 5 === 0 ? 'DNS' : 'HTTPS',
      url: i % 5 === 0 ? null : `https://beacon-relay.example/gate.php?n=${i}`,
      action: (['detected', 'blocked', 'allowed'] as const)[i % 3],
    })).reverse();
    const alert = {
      sourceId: 'CTS-DETAIL-1',
      source: 'cts',
      customerId: 'c-sakuragawa',
      threatKind: 'c2',
      severity: 'Critical',
      titleEn: 'C&C communication from two hosts',
      detectedAt: '2026-11-21T08:30:00+09:00',
      firstSeen: '2026-11-21T08:00:00+09:00',
      lastSeen: new Date(start + 1004 * 1000).toISOString(),
      count: 1005,
      killChain: 'command-and-control',
      tactic: 'TA0011',
      hosts: ['SKR-PC-KEIRI-012', 'SKR-SV-FILE-01'],
      communications: series,
    };
    const file = [
      JSON.stringify({ format: 'soc-desk-alerts', version: 1 }),
      JSON.stringify(alert),
    ].join('\n');
    outcome(await runImport(app, fixtureFile(app, 'series.ndjson', file)));
    const id = app.db
      .prepare(`SELECT id FROM alerts WHERE source_id = 'CTS-DETAIL-1'`)
      .pluck()
      .get() as number;

    const d = await value<AlertDetail>(app, 'alerts.get', { id });
    expect(d.communicationsTotal).toBe(1005);
    expect(d.communications).toHaveLength(1000);
    const inTime = [...series].reverse().slice(0, 1000);
    expect(d.communications).toEqual(inTime.map((c) => ({ ...c, at: ms(c.at) })));
    expect(d.communications[0]).toEqual({
      at: start,
      src: '192.0.2.10',
      dst: '203.0.113.77',
      port: null,
      protocol: 'DNS',
      url: null,
      action: 'detected',
    });
    expect(d.alert).toMatchObject({
      hosts: ['SKR-PC-KEIRI-012', 'SKR-SV-FILE-01'],
      firstSeen: start,
      lastSeen: start + 1004 * 1000,
      count: 1005,
      killChain: 'command-and-control',
      tactic: 'TA0011',
    });
    expect(recordOf(d)).toEqual(stored(app, id));
  });

  it('matches the stored record for demo alerts of both sources', async () => {
    const app = await alertsApp();
    const ids = app.db
      .prepare(
        `SELECT a.id FROM alerts a WHERE a.customer_id IN ('c-sakuragawa', 'c-kawasemi', 'c-aoba')
         AND (SELECT count(*) FROM communications c WHERE c.alert_id = a.id) > 2
         ORDER BY a.source, a.id LIMIT 3`,
      )
      .pluck()
      .all() as number[];
    const csoc = app.db
      .prepare(
        `SELECT id FROM alerts WHERE source = 'csoc' AND customer_id = 'c-kawasemi'
         AND kill_chain IS NOT NULL ORDER BY id DESC LIMIT 3`,
      )
      .pluck()
      .all() as number[];
    expect(ids.length + csoc.length).toBe(6);
    for (const id of [...ids, ...csoc]) {
      const d = await value<AlertDetail>(app, 'alerts.get', { id });
      expect(recordOf(d)).toEqual(stored(app, id));
      const comms = app.db
        .prepare(
          `SELECT at, src, dst, port, protocol, url, action FROM communications WHERE alert_id = ?`,
        )
        .all(id) as AlertDetail['communications'];
      expect(d.communicationsTotal).toBe(comms.length);
      // The same rows, sorted by time here rather than trusted from the query's ORDER BY.
      expect(d.communications).toEqual([...comms].sort((x, y) => x.at - y.at));
      const times = d.communications.map((c) => c.at);
      expect(times.every((t, i) => i === 0 || times[i - 1]! <= t)).toBe(true);
      expect(times[0]).toBeGreaterThanOrEqual(d.alert.firstSeen);
      expect(times.at(-1)).toBeLessThanOrEqual(d.alert.lastSeen);
    }
  });
});
