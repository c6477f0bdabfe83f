/**
 * Shared by the import-*.test.ts files: the outcome or the refusal of an import run through the
 * real operation, and an alert row as stored.
 */
import type { ImportOutcome } from '../../../shared/ops/alerts';
import type { ApiError } from '../../../shared/result';
import type { AlertsApp, runImport } from './helpers';

export function outcome(r: Awaited<ReturnType<typeof runImport>>): ImportOutcome {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as ImportOutcome;
}
export function problem(r: Awaited<ReturnType<typeof runImport>>): ApiError {
  if (r.ok) throw new Error('expected the import to be refused');
  return r.error;
}
export const row = (app: AlertsApp, sourceId: string) =>
  app.db.prepare('SELECT * FROM alerts WHERE source_id = ?').get(sourceId) as
    Record<string, unknown> | undefined;
