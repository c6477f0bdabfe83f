/**
 * Which feed addresses SOC Desk will send its bearer token to (docs/feed-format.md "Transport").
 * Shared so the settings form says the same as the main process, which decides.
 */

/** Hosts that never leave this machine: plain http is allowed there (the local simulator). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type FeedUrlProblem = 'invalid' | 'scheme' | 'insecure' | 'credentials' | 'query';

/**
 * Null when the URL is acceptable, else why not: not a URL; not http(s); http to anything but
 * loopback (the token would cross the network in clear); user:password in the URL (credentials go
 * in the token field, never in an address that may be shown or logged); a query or fragment (the
 * connector adds its own `cursor` and `limit`).
 */
export function feedUrlProblem(raw: string): FeedUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return 'insecure';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.search !== '' || url.hash !== '') return 'query';
  return null;
}

/** The changes endpoint under a feed's base URL (`…/feed/v1` → `…/feed/v1/changes`). */
export function changesUrl(base: string, cursor: string | null, limit: number): string {
  const url = new URL(base.endsWith('/') ? `${base}changes` : `${base}/changes`);
  if (cursor !== null) url.searchParams.set('cursor', cursor);
  url.searchParams.set('limit', String(limit));
  return url.toString();
}
