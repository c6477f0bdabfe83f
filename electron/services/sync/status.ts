/** The feed's status as a profile may see it (access.ts decides how much). */
import { OFFLINE_CODES, type SyncHealth, type SyncStatus } from '../../../shared/ops/sync';
import type { ServiceContext } from '../context';
import { syncAccess } from './access';
import { readToken } from './engine';
import { listRuns, readConfig, readState } from './repo';
import { syncService } from './service';

/** How many runs the status shows. */
const RUNS_SHOWN = 10;

export function syncStatus(ctx: ServiceContext): SyncStatus {
  const config = readConfig(ctx.db);
  const access = syncAccess(ctx, config);
  const state = config ? readState(ctx.db) : null;
  const service = syncService(ctx);
  const running = service.running();
  const lastRun = config ? (listRuns(ctx.db, 1)[0] ?? null) : null;
  let health: SyncHealth;
  if (!config) health = 'unconfigured';
  else if (running) {
    const offline = running.retry !== null && OFFLINE_CODES.includes(running.retry.code);
    health = offline ? 'offline' : 'syncing';
  } else if (lastRun?.outcome === 'error') {
    health = lastRun.error && OFFLINE_CODES.includes(lastRun.error.code) ? 'offline' : 'error';
  } else if (state?.lastSuccessAt) health = 'ok';
  else health = config.enabled ? 'never' : 'disabled';

  let owner: NonNullable<SyncStatus['config']>['owner'] = null;
  if (config && access.full) {
    const table = config.owner.kind === 'customer' ? 'customers' : 'partners';
    const row = ctx.db
      .prepare(`SELECT name_ja AS nameJa, name_en AS nameEn FROM ${table} WHERE id = ?`)
      .get(config.owner.id) as { nameJa: string; nameEn: string } | undefined;
    owner = {
      ...config.owner,
      nameJa: row?.nameJa ?? config.owner.id,
      nameEn: row?.nameEn ?? config.owner.id,
    };
  }
  const lastError =
    state?.lastError && state.lastErrorAt !== null
      ? access.full
        ? { ...state.lastError, at: state.lastErrorAt }
        : { code: state.lastError.code, at: state.lastErrorAt }
      : null;
  return {
    configured: config !== null,
    canConfigure: access.canConfigure,
    full: access.full,
    config: config && {
      url: access.full ? config.url : null,
      intervalMinutes: config.intervalMinutes,
      enabled: config.enabled,
      tokenSet: readToken(ctx) !== null,
      owner,
    },
    health,
    running: running && {
      trigger: running.trigger,
      startedAt: running.startedAt,
      pages: running.pages,
      items: running.items,
      retry: running.retry,
    },
    lastAttemptAt: state?.lastAttemptAt ?? null,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastError,
    nextRunAt: service.nextRunAt,
    totals: { pages: state?.pages ?? 0, items: state?.items ?? 0 },
    // Another profile's feed: its runs (counts, refusals of other customers) are not shown.
    runs: config && access.full ? listRuns(ctx.db, RUNS_SHOWN) : [],
  };
}
