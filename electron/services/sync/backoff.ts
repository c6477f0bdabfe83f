/**
 * Retry timing: exponential backoff with jitter. The random source and the sleep are injected so
 * tests check the exact delays without waiting for them.
 */
import { Cancelled } from './http';

export interface BackoffPolicy {
  /** Delay ceiling of the first retry. */
  baseMs: number;
  /** No wait is longer than this (Retry-After included). */
  maxMs: number;
  /** Attempts per page, the first included. */
  maxAttempts: number;
}

/**
 * The wait before retry number `retry` (1 = the first retry): the ceiling doubles each time up to
 * maxMs, and the wait is drawn from its upper half ("equal jitter"). Never zero, so a dead server is
 * not hammered; never the same for every client, so many SOC Desks that lost the feed together do
 * not come back in lock-step.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The wait before a retry, honouring the server's Retry-After (within maxMs). */
export function retryDelay(
  retry: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs: number | null,
): number {
  const own = backoffDelay(retry, policy, random);
  return retryAfterMs === null ? own : Math.max(own, Math.min(retryAfterMs, policy.maxMs));
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** A real wait that ends early (with Cancelled) when the run is stopped. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new Cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
