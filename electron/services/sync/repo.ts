/**
 * The sync tables (migration 006): the feed's settings, the connector's committed position and the
 * log of runs. Plain reads and writes; the page transaction itself is in commit.ts.
 */
import type { Issue } from '../../../shared/result';
import type {
  SyncError,
  SyncErrorCode,
  SyncOutcome,
  SyncRefusal,
  SyncRun,
} from '../../../shared/ops/sync';
import type { Db } from '../../store/database';

export interface SyncConfig {
  url: string;
  intervalMinutes: number;
  enabled: boolean;
  owner: { kind: 'customer' | 'partner'; id: string };
  updatedAt: number;
}

export interface SyncState {
  feedUrl: string;
  cursor: string | null;
  etag: string | null;
  etagCursor: string | null;
  pages: number;
  items: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  lastError: SyncError | null;
}

/** How many runs the log keeps (older ones are removed as new ones start). */
export const KEEP_RUNS = 200;
export const MAX_REFUSALS_KEPT = 20;

interface ConfigRow {
  url: string;
  interval_min: number;
  enabled: number;
  owner_kind: 'customer' | 'partner';
  owner_id: string;
  updated_at: number;
}

export function readConfig(db: Db): SyncConfig | null {
  const r = db.prepare('SELECT * FROM sync_config WHERE id = 1').get() as ConfigRow | undefined;
  if (!r) return null;
  return {
    url: r.url,
    intervalMinutes: r.interval_min,
    enabled: r.enabled === 1,
    owner: { kind: r.owner_kind, id: r.owner_id },
    updatedAt: r.updated_at,
  };
}

export function writeConfig(db: Db, c: SyncConfig): void {
  db.prepare(
    `INSERT INTO sync_config (id, url, interval_min, enabled, owner_kind, owner_id, updated_at)
     VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET url = excluded.url, interval_min = excluded.interval_min,
       enabled = excluded.enabled, owner_kind = excluded.owner_kind, owner_id = excluded.owner_id,
       updated_at = excluded.updated_at`,
  ).run(c.url, c.intervalMinutes, c.enabled ? 1 : 0, c.owner.kind, c.owner.id, c.updatedAt);
}

export function deleteConfig(db: Db): void {
  db.prepare('DELETE FROM sync_config WHERE id = 1').run();
  db.prepare('DELETE FROM sync_state WHERE id = 1').run();
}

function parseError(code: string | null, detail: string | null): SyncError | null {
  if (code === null) return null;
  const extra = detail ? (JSON.parse(detail) as { status?: number; issues?: Issue[] }) : {};
  return { code: code as SyncErrorCode, ...extra };
}

function errorDetail(e: SyncError): string | null {
  const { status, issues } = e;
  return status === undefined && issues === undefined ? null : JSON.stringify({ status, issues });
}

interface StateRow {
  feed_url: string;
  cursor: string | null;
  etag: string | null;
  etag_cursor: string | null;
  pages: number;
  items: number;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error_at: number | null;
  last_error_code: string | null;
  last_error_detail: string | null;
}

export function readState(db: Db): SyncState | null {
  const r = db.prepare('SELECT * FROM sync_state WHERE id = 1').get() as StateRow | undefined;
  if (!r) return null;
  return {
    feedUrl: r.feed_url,
    cursor: r.cursor,
    etag: r.etag,
    etagCursor: r.etag_cursor,
    pages: r.pages,
    items: r.items,
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at,
    lastErrorAt: r.last_error_at,
    lastError: parseError(r.last_error_code, r.last_error_detail),
  };
}

/**
 * The position for a feed URL: the stored one, or a fresh start when the store has none or holds
 * the position in another feed (a cursor means nothing to a different server).
 */
export function stateFor(db: Db, url: string): SyncState {
  const s = readState(db);
  if (s && s.feedUrl === url) return s;
  db.prepare(
    `INSERT INTO sync_state (id, feed_url) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET feed_url = excluded.feed_url, cursor = NULL, etag = NULL,
       etag_cursor = NULL, pages = 0, items = 0`,
  ).run(url);
  return readState(db)!;
}

export function resetCursor(db: Db): void {
  db.prepare(
    'UPDATE sync_state SET cursor = NULL, etag = NULL, etag_cursor = NULL WHERE id = 1',
  ).run();
}

export function markAttempt(db: Db, at: number): void {
  db.prepare('UPDATE sync_state SET last_attempt_at = ? WHERE id = 1').run(at);
}

export function markSuccess(db: Db, at: number): void {
  db.prepare(
    `UPDATE sync_state SET last_success_at = ?, last_error_at = NULL, last_error_code = NULL,
       last_error_detail = NULL WHERE id = 1`,
  ).run(at);
}

export function markError(db: Db, at: number, e: SyncError): void {
  db.prepare(
    `UPDATE sync_state SET last_error_at = ?, last_error_code = ?, last_error_detail = ?
     WHERE id = 1`,
  ).run(at, e.code, errorDetail(e));
}

export function startRun(db: Db, trigger: SyncRun['trigger'], at: number): number {
  const old = db
    .prepare('SELECT id FROM sync_runs ORDER BY id DESC LIMIT 1 OFFSET ?')
    .get(KEEP_RUNS - 1) as { id: number } | undefined;
  if (old) db.prepare('DELETE FROM sync_runs WHERE id <= ?').run(old.id);
  const r = db
    .prepare(`INSERT INTO sync_runs (trigger, started_at, outcome) VALUES (?, ?, 'running')`)
    .run(trigger, at);
  return Number(r.lastInsertRowid);
}

export function addRetry(db: Db, runId: number): void {
  db.prepare('UPDATE sync_runs SET retries = retries + 1 WHERE id = ?').run(runId);
}

export function finishRun(
  db: Db,
  runId: number,
  at: number,
  outcome: Exclude<SyncOutcome, 'running'>,
  error: SyncError | null,
): void {
  db.prepare(
    `UPDATE sync_runs SET finished_at = ?, outcome = ?, error_code = ?, error_detail = ?
     WHERE id = ?`,
  ).run(at, outcome, error?.code ?? null, error ? errorDetail(error) : null, runId);
}

/** Runs left "running" by a process that stopped without finishing them (a crash, a kill). */
export function markInterrupted(db: Db, at: number): number {
  return db
    .prepare(
      `UPDATE sync_runs SET outcome = 'interrupted', finished_at = ?, error_code = 'interrupted'
       WHERE outcome = 'running'`,
    )
    .run(at).changes;
}

interface RunRow {
  id: number;
  trigger: SyncRun['trigger'];
  started_at: number;
  finished_at: number | null;
  outcome: SyncOutcome;
  pages: number;
  items: number;
  refused: number;
  retries: number;
  error_code: string | null;
  error_detail: string | null;
  refusals: string | null;
}

export function listRuns(db: Db, limit: number): SyncRun[] {
  const rows = db
    .prepare('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?')
    .all(limit) as RunRow[];
  return rows.map(runFromRow);
}

export function getRun(db: Db, id: number): SyncRun | null {
  const r = db.prepare('SELECT * FROM sync_runs WHERE id = ?').get(id) as RunRow | undefined;
  return r ? runFromRow(r) : null;
}

function runFromRow(r: RunRow): SyncRun {
  return {
    id: r.id,
    trigger: r.trigger,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    outcome: r.outcome,
    pages: r.pages,
    items: r.items,
    refused: r.refused,
    retries: r.retries,
    error: parseError(r.error_code, r.error_detail),
    refusals: r.refusals ? (JSON.parse(r.refusals) as SyncRefusal[]) : [],
  };
}
