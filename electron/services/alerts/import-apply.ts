/**
 * Writing an import, chunk by chunk, so it can always be undone. A chunk is one short transaction:
 * new alerts (their id range is recorded), changed alerts (their previous row, hosts and
 * communications are kept first), unchanged alerts (same content hash: nothing written), then the
 * rollups and the search index for the chunk (derived.ts). `rollback` removes the ranges and restores the kept rows; it runs on
 * cancel, on a failure, and at start for an import a crash interrupted. docs/alerts.md explains it.
 */
import { createHash } from 'node:crypto';
import type { Alert } from '../../../shared/domain/alert';
import { ALERT_COLUMNS, alertParams } from '../../store/alerts';
import type { Db } from '../../store/database';
import { catchUp } from './derived';

export interface Counts {
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What the source says about an alert (the local status aside), as a stable digest. */
export function contentHash(a: Alert): string {
  const { status: _status, ...source } = a;
  return createHash('sha1').update(JSON.stringify(source)).digest('base64');
}

const UPDATED = ALERT_COLUMNS.filter((c) => c !== 'source' && c !== 'source_id' && c !== 'status');

export function chunkWriter(db: Db, importId: number) {
  const find = db.prepare('SELECT id, content_hash FROM alerts WHERE source = ? AND source_id = ?');
  const insert = db.prepare(
    `INSERT INTO alerts (${ALERT_COLUMNS.join(', ')}, content_hash)
     VALUES (${ALERT_COLUMNS.map((c) => `@${c}`).join(', ')}, @content_hash)`,
  );
  const update = db.prepare(
    `UPDATE alerts SET ${UPDATED.map((c) => `${c} = @${c}`).join(', ')}, content_hash = @content_hash
     WHERE id = @id`,
  );
  const clearHosts = db.prepare('DELETE FROM alert_hosts WHERE alert_id = ?');
  const clearComms = db.prepare('DELETE FROM communications WHERE alert_id = ?');
  const addHost = db.prepare(
    'INSERT OR IGNORE INTO alert_hosts (alert_id, customer_id, day, host) VALUES (?, ?, ?, ?)',
  );
  const addComm = db.prepare(
    `INSERT INTO communications (alert_id, at, src, dst, port, protocol, url, action)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The first version of a row wins: an alert twice in one file is restored as it was before.
  const keep = db.prepare(
    'INSERT INTO alert_import_undo (import_id, alert_id, before) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const rowOf = db.prepare('SELECT * FROM alerts WHERE id = ?');
  const hostsOf = db
    .prepare('SELECT host FROM alert_hosts WHERE alert_id = ? ORDER BY host')
    .pluck();
  const commsOf = db.prepare(
    'SELECT at, src, dst, port, protocol, url, action FROM communications WHERE alert_id = ? ORDER BY id',
  );
  const range = db.prepare(
    'INSERT INTO alert_import_chunks (import_id, first_id, last_id) VALUES (?, ?, ?)',
  );
  const progress = db.prepare(
    `UPDATE alert_imports SET records = ?, inserted = ?, updated = ?, unchanged = ? WHERE id = ?`,
  );

  const children = (id: number, a: Alert, day: number) => {
    for (const h of a.hosts) addHost.run(id, a.customerId, day, h);
    for (const c of a.communications)
      addComm.run(id, c.at, c.src, c.dst, c.port, c.protocol, c.url, c.action);
  };

  /** Writes one chunk in one transaction and adds its figures to `counts`. */
  return (alerts: readonly Alert[], counts: Counts): void => {
    db.transaction(() => {
      let first: number | null = null;
      let last: number | null = null;
      for (const a of alerts) {
        counts.records++;
        const hash = contentHash(a);
        const params = { ...alertParams(a), content_hash: hash };
        const found = find.get(a.source, a.sourceId) as
          { id: number; content_hash: string | null } | undefined;
        if (!found) {
          const id = Number(insert.run(params).lastInsertRowid);
          first ??= id;
          last = id;
          children(id, a, params.day as number);
          counts.inserted++;
        } else if (found.content_hash === hash) {
          counts.unchanged++;
        } else {
          const id = found.id;
          const before: Before = {
            row: rowOf.get(id) as Before['row'],
            hosts: hostsOf.all(id) as string[],
            comms: commsOf.all(id) as Before['comms'],
          };
          keep.run(importId, id, JSON.stringify(before));
          update.run({ ...params, id });
          clearHosts.run(id);
          clearComms.run(id);
          children(id, a, params.day as number);
          counts.updated++;
        }
      }
      // Rollups and search index for this chunk (and any tail other writers left), in bulk.
      catchUp(db, alerts.length + 50_000);
      if (first !== null && last !== null) range.run(importId, first, last);
      progress.run(counts.records, counts.inserted, counts.updated, counts.unchanged, importId);
    }).immediate();
  };
}

interface Before {
  row: Record<string, unknown>;
  hosts: string[];
  comms: Array<Record<string, unknown>>;
}

/**
 * Undoes what an import wrote, in bounded transactions (resumable: each step deletes its own
 * bookkeeping). Returns false when there was nothing left to undo.
 */
export function rollbackStep(db: Db, importId: number, batch = 2000): boolean {
  const undo = db
    .prepare('SELECT alert_id, before FROM alert_import_undo WHERE import_id = ? LIMIT ?')
    .all(importId, batch) as Array<{ alert_id: number; before: string }>;
  if (undo.length > 0) {
    const cols = ALERT_COLUMNS.filter((c) => c !== 'source' && c !== 'source_id');
    const restore = db.prepare(
      `UPDATE alerts SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, content_hash = @content_hash
       WHERE id = @id`,
    );
    const addHost = db.prepare(
      'INSERT OR IGNORE INTO alert_hosts (alert_id, customer_id, day, host) VALUES (?, ?, ?, ?)',
    );
    const addComm = db.prepare(
      `INSERT INTO communications (alert_id, at, src, dst, port, protocol, url, action)
       VALUES (@alert_id, @at, @src, @dst, @port, @protocol, @url, @action)`,
    );
    db.transaction(() => {
      for (const u of undo) {
        const b = JSON.parse(u.before) as Before;
        const row = Object.fromEntries(cols.map((c) => [c, b.row[c] ?? null]));
        if (
          restore.run({ ...row, content_hash: b.row.content_hash ?? null, id: u.alert_id }).changes
        ) {
          db.prepare('DELETE FROM alert_hosts WHERE alert_id = ?').run(u.alert_id);
          db.prepare('DELETE FROM communications WHERE alert_id = ?').run(u.alert_id);
          for (const h of b.hosts) addHost.run(u.alert_id, b.row.customer_id, b.row.day, h);
          for (const c of b.comms) addComm.run({ ...c, alert_id: u.alert_id });
        }
        db.prepare('DELETE FROM alert_import_undo WHERE import_id = ? AND alert_id = ?').run(
          importId,
          u.alert_id,
        );
      }
      catchUp(db);
    }).immediate();
    return true;
  }
  const chunk = db
    .prepare(
      'SELECT first_id, last_id FROM alert_import_chunks WHERE import_id = ? ORDER BY first_id DESC LIMIT 1',
    )
    .get(importId) as { first_id: number; last_id: number } | undefined;
  if (!chunk) return false;
  db.transaction(() => {
    const lo = Math.max(chunk.first_id, chunk.last_id - batch + 1);
    db.prepare('DELETE FROM alerts WHERE id BETWEEN ? AND ?').run(lo, chunk.last_id);
    if (lo === chunk.first_id) {
      db.prepare('DELETE FROM alert_import_chunks WHERE import_id = ? AND first_id = ?').run(
        importId,
        chunk.first_id,
      );
    } else {
      db.prepare(
        'UPDATE alert_import_chunks SET last_id = ? WHERE import_id = ? AND first_id = ?',
      ).run(lo - 1, importId, chunk.first_id);
    }
    catchUp(db);
  }).immediate();
  return true;
}

/** How much is left to undo (for progress). */
export function rollbackSize(db: Db, importId: number): number {
  const { u } = db
    .prepare('SELECT count(*) AS u FROM alert_import_undo WHERE import_id = ?')
    .get(importId) as {
    u: number;
  };
  const { r } = db
    .prepare(
      'SELECT coalesce(sum(last_id - first_id + 1), 0) AS r FROM alert_import_chunks WHERE import_id = ?',
    )
    .get(importId) as { r: number };
  return u + r;
}
