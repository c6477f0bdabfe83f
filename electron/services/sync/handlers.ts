import { feedUrlProblem } from '../../../shared/feed/url';
import { fail } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers-types';
import { actor, storedProfile } from '../scope';
import { setSecret } from '../secrets';
import { syncAccess } from './access';
import { NotRunnable, readToken, TOKEN_SECRET } from './engine';
import {
  deleteConfig,
  readConfig,
  resetCursor,
  stateFor,
  writeConfig,
  type SyncConfig,
} from './repo';
import { syncService } from './service';
import { syncStatus } from './status';

/** Settings changes in the audit log: what was set, never the token (only whether it changed). */
function audit(ctx: ServiceContext, action: string, from: unknown, to: unknown): void {
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, from_value, to_value)
       VALUES (?, ?, ?, 'sync_config', '1', ?, ?)`,
    )
    .run(
      ctx.clock.now(),
      actor(ctx),
      action,
      from === null ? null : JSON.stringify(from),
      to === null ? null : JSON.stringify(to),
    );
}

const described = (c: SyncConfig | null) =>
  c && { url: c.url, intervalMinutes: c.intervalMinutes, enabled: c.enabled, owner: c.owner };

/** The feed's settings and runs may be changed only by a profile that sees all it reaches. */
function mayConfigure(ctx: ServiceContext): SyncConfig | null {
  const config = readConfig(ctx.db);
  if (!syncAccess(ctx, config).canConfigure) fail('forbidden');
  return config;
}

export const syncHandlers: Pick<
  Handlers,
  'sync.status' | 'sync.configure' | 'sync.run' | 'sync.disconnect'
> = {
  'sync.status': (_input, ctx) => syncStatus(ctx),

  'sync.configure': (input, ctx) => {
    const before = mayConfigure(ctx);
    const problem = feedUrlProblem(input.url);
    if (problem) {
      fail('invalid_input', { issues: [{ path: 'url', message: `sync:urlProblem.${problem}` }] });
    }
    const profile = storedProfile(ctx);
    if (!profile) fail('no_profile');
    const config: SyncConfig = {
      url: input.url,
      intervalMinutes: input.intervalMinutes,
      enabled: input.enabled,
      owner: { kind: profile.kind, id: profile.id },
      updatedAt: ctx.clock.now(),
    };
    const hadToken = readToken(ctx) !== null;
    const moved = before !== null && before.url !== config.url;
    ctx.db.transaction(() => {
      writeConfig(ctx.db, config);
      // A new address is a new feed: its position starts from the beginning (stateFor).
      stateFor(ctx.db, config.url);
      if (input.resetCursor) resetCursor(ctx.db);
      if (input.token !== undefined) setSecret(ctx, TOKEN_SECRET, input.token);
      const token = input.token === undefined ? 'kept' : input.token === null ? 'removed' : 'set';
      audit(ctx, 'sync.configure', described(before), {
        ...described(config),
        token: hadToken || input.token !== undefined ? token : 'none',
        ...(input.resetCursor && { resetCursor: true }),
      });
    })();
    const service = syncService(ctx);
    // A run going on against the old address or token would commit into the wrong position.
    if (moved || input.resetCursor || input.token !== undefined) service.cancel();
    service.schedule();
    ctx.emit('data.changed', { topics: ['sync'] });
    return syncStatus(ctx);
  },

  'sync.run': async (_input, ctx) => {
    mayConfigure(ctx);
    try {
      return await syncService(ctx).run('manual');
    } catch (e) {
      if (e instanceof NotRunnable) fail('conflict', { message: `sync:error.${e.code}` });
      throw e;
    }
  },

  'sync.disconnect': (_input, ctx) => {
    const before = mayConfigure(ctx);
    if (!before) return syncStatus(ctx);
    syncService(ctx).cancel();
    ctx.db.transaction(() => {
      deleteConfig(ctx.db);
      setSecret(ctx, TOKEN_SECRET, null);
      audit(ctx, 'sync.disconnect', described(before), null);
    })();
    syncService(ctx).schedule();
    ctx.emit('data.changed', { topics: ['sync'] });
    return syncStatus(ctx);
  },
};
