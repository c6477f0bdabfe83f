/**
 * One run of the connector: from the committed cursor, ask for pages until the feed has no more,
 * committing each page with its cursor (commit.ts). Failed requests are retried with backoff; a page
 * that cannot be committed ends the run and stays where it was for the next one.
 */
import type { DataTopic } from '../../../shared/api';
import type { SyncError, SyncErrorCode, SyncRun } from '../../../shared/ops/sync';
import type { ServiceContext } from '../context';
import { getSecret } from '../secrets';
import { ownerScope } from './access';
import { realSleep, retryDelay, type BackoffPolicy, type Sleep } from './backoff';
import { PageRejected, pageCommitter } from './commit';
import { AttemptFailed, Cancelled, fetchPage, type HttpDeps, type PageAnswer } from './http';
import {
  addRetry,
  finishRun,
  getRun,
  markAttempt,
  markError,
  markSuccess,
  readConfig,
  readState,
  startRun,
  stateFor,
} from './repo';

export const TOKEN_SECRET = 'sync.token';

/** The feed's bearer token, or null when none is stored or the OS keychain cannot open it. */
export function readToken(ctx: ServiceContext): string | null {
  try {
    return getSecret(ctx, TOKEN_SECRET);
  } catch {
    // Another user, a reset keychain: the token has to be entered again.
    return null;
  }
}

export interface SyncDeps extends HttpDeps {
  sleep: Sleep;
  random: () => number;
  backoff: BackoffPolicy;
  /** Items asked for per page (the server may send fewer). */
  pageLimit: number;
  /** A run stops after this many pages and the next run goes on (keeps one run bounded). */
  maxPagesPerRun: number;
  /** The first scheduled run after start: soon, but after the window is up. */
  firstRunDelayMs: number;
  /** Tests only: called inside a page's transaction after each item (page = 1-based in the run). */
  onItem?: (page: number, index: number) => void;
}

export const DEFAULT_DEPS: SyncDeps = {
  fetch: (input, init) => globalThis.fetch(input, init),
  timeoutMs: 20_000,
  maxBytes: 16 * 1024 * 1024,
  sleep: realSleep,
  random: Math.random,
  backoff: { baseMs: 1_000, maxMs: 30_000, maxAttempts: 4 },
  pageLimit: 500,
  maxPagesPerRun: 2_000,
  firstRunDelayMs: 5_000,
};

/** A server that answers "more" without moving on is given this many chances per run. */
const NO_PROGRESS_LIMIT = 3;

export interface RunProgress {
  pages: number;
  items: number;
  retry: { attempt: number; code: SyncErrorCode; at: number } | null;
}

export interface RunHooks {
  onStart(runId: number): void;
  onProgress(p: RunProgress): void;
  onCommitted(topics: DataTopic[]): void;
}

/** Thrown before a run starts: there is nothing to run. */
export class NotRunnable extends Error {
  constructor(readonly code: 'not_configured' | 'no_token') {
    super(code);
    this.name = 'NotRunnable';
  }
}

export async function runSync(
  ctx: ServiceContext,
  deps: SyncDeps,
  trigger: SyncRun['trigger'],
  signal: AbortSignal,
  hooks: RunHooks,
): Promise<SyncRun> {
  const { db } = ctx;
  const config = readConfig(db);
  if (!config) throw new NotRunnable('not_configured');
  const token = readToken(ctx);
  if (token === null) throw new NotRunnable('no_token');
  stateFor(db, config.url);
  const runId = startRun(db, trigger, ctx.clock.now());
  markAttempt(db, ctx.clock.now());
  hooks.onStart(runId);
  const scope = new Set(ownerScope(ctx, config.owner));
  const commit = pageCommitter(db);
  const progress: RunProgress = { pages: 0, items: 0, retry: null };
  let outcome: 'ok' | 'not_modified' = 'ok';
  let error: SyncError | null = null;
  let cancelled = false;
  try {
    let stalled = 0;
    for (let page = 1; page <= deps.maxPagesPerRun; page++) {
      const state = readState(db);
      if (!state || state.feedUrl !== config.url) throw new PageRejected({ code: 'conflict' });
      const cursor = state.cursor;
      const etag = state.etagCursor === cursor ? state.etag : null;
      const answer = await withRetries(ctx, deps, runId, signal, progress, hooks, () =>
        fetchPage(deps, { url: config.url, cursor, token, etag, limit: deps.pageLimit, signal }),
      );
      if (signal.aborted) throw new Cancelled();
      if (answer.kind === 'not_modified') {
        if (progress.pages === 0) outcome = 'not_modified';
        break;
      }
      const result = commit({
        runId,
        feedUrl: config.url,
        requestCursor: cursor,
        page: answer.page,
        etag: answer.etag,
        scope,
        ...(deps.onItem && { onItem: (i: number) => deps.onItem?.(page, i) }),
      });
      if (answer.page.changes.length > 0) progress.pages++;
      progress.items += result.written;
      hooks.onProgress(progress);
      hooks.onCommitted(result.topics);
      if (!answer.page.hasMore) break;
      stalled = answer.page.nextCursor === cursor ? stalled + 1 : 0;
      if (stalled >= NO_PROGRESS_LIMIT) throw new PageRejected({ code: 'no_progress' });
    }
  } catch (e) {
    if (e instanceof Cancelled || signal.aborted) cancelled = true;
    else if (e instanceof AttemptFailed || e instanceof PageRejected) error = e.error;
    else {
      // Log the kind only: messages of store errors can quote data.
      console.error(`[soc-desk] sync run failed: ${e instanceof Error ? e.name : 'unknown'}`);
      error = { code: 'internal' };
    }
  }
  const at = ctx.clock.now();
  const fallback: SyncRun = {
    id: runId,
    trigger,
    startedAt: at,
    finishedAt: at,
    outcome: cancelled ? 'cancelled' : error ? 'error' : outcome,
    pages: progress.pages,
    items: progress.items,
    refused: 0,
    retries: 0,
    error,
    refusals: [],
  };
  // The store may have been closed (the app quitting) or swapped (a restore) under the run: then
  // there is nothing to record it in, and the next start marks the run interrupted.
  if (ctx.db !== db || !db.open) return fallback;
  if (cancelled) finishRun(db, runId, at, 'cancelled', null);
  else if (error) {
    finishRun(db, runId, at, 'error', error);
    markError(db, at, error);
  } else {
    finishRun(db, runId, at, outcome, null);
    markSuccess(db, at);
  }
  return getRun(db, runId) ?? fallback;
}

async function withRetries(
  ctx: ServiceContext,
  deps: SyncDeps,
  runId: number,
  signal: AbortSignal,
  progress: RunProgress,
  hooks: RunHooks,
  attempt: () => Promise<PageAnswer>,
): Promise<PageAnswer> {
  for (let n = 1; ; n++) {
    try {
      const answer = await attempt();
      if (progress.retry) {
        progress.retry = null;
        hooks.onProgress(progress);
      }
      return answer;
    } catch (e) {
      if (!(e instanceof AttemptFailed) || !e.retryable || n >= deps.backoff.maxAttempts) throw e;
      const delay = retryDelay(n, deps.backoff, deps.random, e.retryAfterMs);
      addRetry(ctx.db, runId);
      progress.retry = { attempt: n, code: e.error.code, at: ctx.clock.now() + delay };
      hooks.onProgress(progress);
      await deps.sleep(delay, signal);
    }
  }
}
