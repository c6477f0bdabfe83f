import { z } from 'zod';
import type { Issue } from '../result';
import { op } from './op';
import { empty } from './session';

/** Why a run (or one attempt of it) failed; translated as `sync:error.<code>`. */
export const SYNC_ERROR_CODES = [
  /** No connection at all: DNS, refused, reset, unreachable, killed mid-page. */
  'network',
  /** The server did not answer (or finish its answer) in time. */
  'timeout',
  /** An HTTP status other than 200/304 (`status` says which). */
  'http',
  /** 401/403: the token is missing, wrong or revoked. */
  'auth',
  /** The page is not valid feed format v1 (`issues` locate every problem). */
  'malformed',
  'too_large',
  /** The server keeps answering "more" without moving its cursor. */
  'no_progress',
  /** An item names a device or contract the store does not have (`issues` locate it). */
  'reference',
  /** The feed's settings changed, or another process moved the cursor, while the run went on. */
  'conflict',
  'not_configured',
  'no_token',
  /** The app stopped (quit, crash) during the run; the next run resumes from the last page. */
  'interrupted',
  'internal',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** Codes that mean "no network": the indicator says offline. */
export const OFFLINE_CODES: readonly SyncErrorCode[] = ['network', 'timeout'];

export interface SyncError {
  code: SyncErrorCode;
  status?: number;
  issues?: Issue[];
}

/** An item the connector refused (not written) and why: the feed may not reach that customer. */
export interface SyncRefusal {
  /** Where in its page, e.g. `items[3]`. */
  path: string;
  kind: string;
  /** The item's natural key (alert source:id, device id…), never its content. */
  key: string;
  customerId: string;
  reason: 'unknown_customer' | 'out_of_scope' | 'other_tenant';
}

export type SyncOutcome = 'running' | 'ok' | 'not_modified' | 'error' | 'interrupted' | 'cancelled';

export interface SyncRun {
  id: number;
  trigger: 'manual' | 'schedule';
  startedAt: number;
  finishedAt: number | null;
  outcome: SyncOutcome;
  pages: number;
  items: number;
  refused: number;
  retries: number;
  error: SyncError | null;
  /** The first refusals of the run (at most 20). */
  refusals: SyncRefusal[];
}

/** The indicator's word for the connection: from the last run, or the run going on. */
export type SyncHealth =
  'unconfigured' | 'disabled' | 'never' | 'syncing' | 'ok' | 'offline' | 'error';

export interface SyncStatus {
  configured: boolean;
  /** The profile may change the settings and run the feed (it sees every customer it can reach). */
  canConfigure: boolean;
  /**
   * The profile sees the details (address, errors, refusals). A profile that sees only part of the
   * feed's customers sees the state and times only.
   */
  full: boolean;
  config: {
    url: string | null;
    intervalMinutes: number;
    enabled: boolean;
    /** Whether a token is stored; the token itself never leaves the main process. */
    tokenSet: boolean;
    owner: { kind: 'customer' | 'partner'; id: string; nameJa: string; nameEn: string } | null;
  } | null;
  health: SyncHealth;
  running: {
    trigger: 'manual' | 'schedule';
    startedAt: number;
    pages: number;
    items: number;
    /** Set while waiting to retry after a failed attempt. */
    retry: { attempt: number; code: SyncErrorCode; at: number } | null;
  } | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: (SyncError & { at: number }) | null;
  nextRunAt: number | null;
  totals: { pages: number; items: number };
  runs: SyncRun[];
}

/** RFC 6750 b64token: what a bearer token may contain. */
const bearerToken = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9\-._~+/]+=*$/, 'token');

export const syncOps = {
  'sync.status': op<SyncStatus>()(empty),
  'sync.configure': op<SyncStatus>()(
    z
      .object({
        url: z.string().trim().min(1).max(2048),
        intervalMinutes: z.number().int().min(1).max(1440),
        enabled: z.boolean(),
        /** Omitted: keep the stored token; null: remove it; a string: replace it. */
        token: bearerToken.nullable().optional(),
        /** Start again from the beginning of the feed (re-fetches everything; upserts keep it single). */
        resetCursor: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Runs the feed now (or joins the run going on) and answers when it ends. */
  'sync.run': op<SyncRun>()(empty),
  /** Removes the feed's settings, token and position; data already synced stays. */
  'sync.disconnect': op<SyncStatus>()(empty),
};
