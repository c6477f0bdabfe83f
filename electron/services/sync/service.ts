/**
 * The connector while the app runs: one per store, started with the services (app.ts). Runs the
 * feed on the configured interval, runs it now on request (a request during a run joins that run:
 * never two at once), and tells the renderer what happens (`data.changed` with the topics a page
 * touched, `job.progress`, `job.finished`).
 */
import type { SyncRun } from '../../../shared/ops/sync';
import { MINUTE_MS } from '../../../shared/time';
import type { ServiceContext } from '../context';
import { DEFAULT_DEPS, readToken, runSync, type RunProgress, type SyncDeps } from './engine';
import { markInterrupted, readConfig, readState } from './repo';

export interface RunningInfo extends RunProgress {
  trigger: SyncRun['trigger'];
  startedAt: number;
}

interface Current {
  promise: Promise<SyncRun>;
  controller: AbortController;
  info: RunningInfo;
}

export class SyncService {
  private current: Current | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** When the next scheduled run starts (the main clock's time), or null when none is due. */
  nextRunAt: number | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    readonly deps: SyncDeps,
  ) {}

  /** Marks runs a previous process left unfinished, then schedules the next run. */
  start(): void {
    markInterrupted(this.ctx.db, this.ctx.clock.now());
    this.schedule();
  }

  /** Stops the timer and the run going on (its page in flight is not committed). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
    this.current?.controller.abort();
  }

  running(): RunningInfo | null {
    return this.current ? { ...this.current.info } : null;
  }

  /** Stops the run going on, if any (the settings changed under it). */
  cancel(): void {
    this.current?.controller.abort();
  }

  /** Runs now, or joins the run going on. Throws NotRunnable when there is nothing to run. */
  run(trigger: SyncRun['trigger']): Promise<SyncRun> {
    if (this.current) return this.current.promise;
    const controller = new AbortController();
    const info: RunningInfo = {
      trigger,
      startedAt: this.ctx.clock.now(),
      pages: 0,
      items: 0,
      retry: null,
    };
    let jobId = 'sync';
    const changed = () => this.ctx.emit('data.changed', { topics: ['sync'] });
    const promise = runSync(this.ctx, this.deps, trigger, controller.signal, {
      onStart: (runId) => {
        jobId = `sync-${runId}`;
        changed();
      },
      onProgress: (p) => {
        Object.assign(info, p);
        this.ctx.emit('job.progress', { jobId, kind: 'sync', done: p.items, total: null });
        if (p.retry) changed();
      },
      onCommitted: (topics) => this.ctx.emit('data.changed', { topics }),
    }).finally(() => {
      this.current = null;
      if (!this.stopped) {
        changed();
        this.schedule();
      }
    });
    this.current = { promise, controller, info };
    void promise.then(
      (run) => {
        if (!this.stopped)
          this.ctx.emit('job.finished', { jobId, kind: 'sync', result: { ok: true, value: run } });
      },
      () => undefined,
    );
    return promise;
  }

  /** (Re)arms the timer from the settings: next run one interval after the last attempt. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
    if (this.stopped) return;
    const config = readConfig(this.ctx.db);
    if (!config?.enabled || readToken(this.ctx) === null) return;
    const now = this.ctx.clock.now();
    const interval = config.intervalMinutes * MINUTE_MS;
    const last = readState(this.ctx.db)?.lastAttemptAt ?? null;
    const due = last === null ? 0 : last + interval - now;
    const delay = Math.min(interval, Math.max(this.deps.firstRunDelayMs, due));
    this.nextRunAt = now + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A failed scheduled run is in the log and the status; the next one comes anyway.
      this.run('schedule').catch(() => this.schedule());
    }, delay);
    this.timer.unref?.();
  }
}

const services = new WeakMap<ServiceContext, SyncService>();

/** Starts the store's connector (app.ts); tests pass deps to control time and faults. */
export function startSync(ctx: ServiceContext, deps: Partial<SyncDeps> = {}): SyncService {
  services.get(ctx)?.stop();
  const service = new SyncService(ctx, { ...DEFAULT_DEPS, ...deps });
  services.set(ctx, service);
  service.start();
  return service;
}

export function stopSync(ctx: ServiceContext): void {
  services.get(ctx)?.stop();
  services.delete(ctx);
}

/** The store's connector; one that was never started runs on request only (no timer). */
export function syncService(ctx: ServiceContext): SyncService {
  let service = services.get(ctx);
  if (!service) {
    service = new SyncService(ctx, DEFAULT_DEPS);
    services.set(ctx, service);
  }
  return service;
}
