/**
 * Writing an import, chunk by chunk, so it can always be undone. A chunk is one short transaction:
 * new alerts (their id range is recorded), changed alerts (their previous row, hosts and
 * communications are kept first), unchanged alerts (same content hash: nothing written), then the
 * rollups and the search index for the chunk (derived.ts). `rollbackStep` removes the ranges and
 * restores the kept rows; it runs on cancel, on a failure, and at start for an import a crash
 * interrupted. docs/alerts.md explains it.
 */
import { ALERT_COLUMNS } from '../../store/alerts';
import type { Db } from '../../store/database';
import { catchUp, foldRows, type NewRow } from './derived';
import { COL, type PreparedRow } from './import-prepare';

export interface Counts {
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

// A re-import refreshes what the source says and keeps the local status (column 20).
const UPDATED = ALERT_COLUMNS.map((c, i) => [c, i] as const).filter(
  ([c]) => c !== 'source' && c !== 'source_id' && c !== 'status',
);

export function chunkWriter(db: Db, importId: number) {
  const find = db.prepare('SELECT id, content_hash FROM alerts WHERE source = ? AND source_id = ?');
  const insert = db.prepare(
    `INSERT INTO alerts (${ALERT_COLUMNS.join(', ')}, content_hash)
     VALUES (${ALERT_COLUMNS.map(() => '?').join(', ')}, ?)`,
  );
  const update = db.prepare(
    `UPDATE alerts SET ${UPDATED.map(([c]) => `${c} = ?`).join(', ')}, content_hash = ? WHERE id = ?`,
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
    'SELECT id, at, src, dst, port, protocol, url, action FROM communications WHERE alert_id = ? ORDER BY id',
  );
  const range = db.prepare(
    'INSERT INTO alert_import_chunks (import_id, first_id, last_id) VALUES (?, ?, ?)',
  );
  const progress = db.prepare(
    `UPDATE alert_imports SET records = ?, inserted = ?, updated = ?, unchanged = ? WHERE id = ?`,
  );

  const children = (id: number, r: PreparedRow) => {
    const customer = r.p[COL.customerId];
    const day = r.p[COL.day];
    for (const h of r.hosts) addHost.run(id, customer, day, h);
    const c = r.comms;
    for (let i = 0; i < c.length; i += 7)
      addComm.run(id, c[i], c[i + 1], c[i + 2], c[i + 3], c[i + 4], c[i + 5], c[i + 6]);
  };

  /** Writes one chunk in one transaction and adds its figures to `counts`. */
  return (rows: readonly PreparedRow[], counts: Counts): void => {
    db.transaction(() => {
      // What other writers added since the last chunk is folded in first, so that this chunk's
      // new rows are the whole tail and can be folded from the values at hand.
      catchUp(db, 1_000_000);
      const added: NewRow[] = [];
      for (const r of rows) {
        counts.records++;
        const p = r.p;
        const found = find.get(p[COL.source], p[COL.sourceId]) as
          { id: number; content_hash: string | null } | undefined;
        if (!found) {
          const id = Number(insert.run(...p).lastInsertRowid);
          children(id, r);
          added.push({
            id,
            customerId: p[COL.customerId] as string,
            status: p[COL.status] as string,
            severity: p[COL.severity] as string,
            kind: p[COL.threatKind] as string,
            day: p[COL.day] as number,
            threatClass: p[COL.threatClass] as string,
            source: p[COL.source] as string,
            hosts: r.hosts,
            text: [
              p[COL.titleJa] as string,
              p[COL.titleEn] as string,
              p[COL.descriptionJa] as string,
              p[COL.descriptionEn] as string,
              p[COL.hosts] as string,
              p[COL.indicators] as string,
            ],
          });
          counts.inserted++;
        } else if (found.content_hash === p[COL.hash]) {
          counts.unchanged++;
        } else {
          const id = found.id;
          const before: Before = {
            row: rowOf.get(id) as Before['row'],
            hosts: hostsOf.all(id) as string[],
            comms: commsOf.all(id) as Before['comms'],
          };
          keep.run(importId, id, JSON.stringify(before));
          update.run(...UPDATED.map(([, i]) => p[i]), p[COL.hash], id);
          clearHosts.run(id);
          clearComms.run(id);
          children(id, r);
          counts.updated++;
        }
      }
      // Rollups and search index for the new rows; changed rows were queued by the triggers.
      foldRows(db, added);
      catchUp(db, 0);
      if (added.length > 0) range.run(importId, added[0]!.id, added.at(-1)!.id);
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
  // First the rows the import added (their children go with them), then the rows it changed.
  const chunk = db
    .prepare(
      'SELECT first_id, last_id FROM alert_import_chunks WHERE import_id = ? ORDER BY first_id DESC LIMIT 1',
    )
    .get(importId) as { first_id: number; last_id: number } | undefined;
  if (chunk) {
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
  const undo = db
    .prepare('SELECT alert_id, before FROM alert_import_undo WHERE import_id = ? LIMIT ?')
    .all(importId, batch) as Array<{ alert_id: number; before: string }>;
  if (undo.length === 0) return false;
  const cols = ALERT_COLUMNS.filter((c) => c !== 'source' && c !== 'source_id');
  const restore = db.prepare(
    `UPDATE alerts SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, content_hash = @content_hash
     WHERE id = @id`,
  );
  const addHost = db.prepare(
    'INSERT OR IGNORE INTO alert_hosts (alert_id, customer_id, day, host) VALUES (?, ?, ?, ?)',
  );
  // With their ids, so the rows come back as they were (unless another row took an id since).
  const addComm = db.prepare(
    `INSERT INTO communications (id, alert_id, at, src, dst, port, protocol, url, action)
     VALUES ((SELECT CASE WHEN EXISTS (SELECT 1 FROM communications WHERE id = @id) THEN NULL
       ELSE @id END), @alert_id, @at, @src, @dst, @port, @protocol, @url, @action)`,
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
