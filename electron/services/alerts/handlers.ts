import { readSnapshot } from '../../store/database';
import type { Handlers } from '../handlers-types';
import { scopeCustomers } from '../scope';
import { catchUpIfLong } from './derived';
import { alertDetail } from './detail';
import { startExport } from './export';
import { resolveFilter } from './filter';
import { cancelJob, listImports, previewImport, recoverImports, startImport } from './import-job';
import { liveImportIds } from './jobs';
import { queryPage, viewCount } from './query';
import { rowsByIds } from './rows';
import { setChecklist, setStatus } from './workflow';

/** The alerts operations' service functions (issue #4; docs/alerts.md). */
export const alertsHandlers: Pick<
  Handlers,
  | 'alerts.list'
  | 'alerts.count'
  | 'alerts.rows'
  | 'alerts.get'
  | 'alerts.setStatus'
  | 'alerts.setChecklist'
  | 'alerts.export'
  | 'alerts.import.preview'
  | 'alerts.import.start'
  | 'alerts.cancelJob'
  | 'alerts.import.list'
> = {
  'alerts.list': ({ filter, sort, cursor, limit }, ctx) => {
    const r = resolveFilter(ctx, filter);
    recoverImports(ctx);
    // A running import folds the tail in itself; otherwise fold in what other writers added.
    if (liveImportIds(ctx.db).size === 0) catchUpIfLong(ctx.db);
    // One snapshot: rollups and the corrections for an interrupted import's hidden rows agree.
    return readSnapshot(ctx.db, () => {
      const page = queryPage(ctx.db, r, sort, cursor, limit);
      return { rows: rowsByIds(ctx.db, page.ids, r.customers), nextCursor: page.nextCursor };
    });
  },
  'alerts.count': ({ filter, afterId }, ctx) => {
    const r = resolveFilter(ctx, filter);
    return readSnapshot(ctx.db, () => viewCount(ctx.db, r, filter, afterId));
  },
  'alerts.rows': ({ ids }, ctx) => rowsByIds(ctx.db, ids, scopeCustomers(ctx)),
  'alerts.get': ({ id }, ctx) => alertDetail(ctx, id),
  'alerts.setStatus': ({ ids, status, note }, ctx) => setStatus(ctx, ids, status, note),
  'alerts.setChecklist': ({ alertId, recommendationId, done }, ctx) =>
    setChecklist(ctx, alertId, recommendationId, done),
  'alerts.export': ({ filter, sort }, ctx) => startExport(ctx, filter, sort),
  'alerts.import.preview': ({ fileId, format }, ctx) => previewImport(ctx, fileId, format),
  'alerts.import.start': (input, ctx) => startImport(ctx, input),
  'alerts.cancelJob': ({ jobId }, ctx) => cancelJob(ctx, jobId),
  'alerts.import.list': (_input, ctx) => listImports(ctx),
};
