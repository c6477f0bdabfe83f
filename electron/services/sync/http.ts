/**
 * One request to the feed: GET <base>/changes?cursor=…&limit=… with the bearer token and, when the
 * connector holds one for this cursor, If-None-Match. Answers a validated page, "not modified", or
 * throws AttemptFailed saying whether trying again may help. The token goes in the header only; it
 * is never part of an error, a log line or a URL.
 */
import { parseFeedPage, type FeedPage } from '../../../shared/feed';
import { changesUrl } from '../../../shared/feed/url';
import type { SyncError } from '../../../shared/ops/sync';

export interface HttpDeps {
  fetch: typeof fetch;
  /** The whole exchange — connect, headers and body — must finish within this. */
  timeoutMs: number;
  /** A larger body is refused while it streams. */
  maxBytes: number;
}

export type PageAnswer =
  { kind: 'page'; page: FeedPage; etag: string | null } | { kind: 'not_modified' };

export class AttemptFailed extends Error {
  constructor(
    readonly error: SyncError,
    readonly retryable: boolean,
    /** The server's Retry-After, when it gave one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(error.code);
    this.name = 'AttemptFailed';
  }
}

/** The caller stopped the run (app closing, settings changed): not an error of the feed. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export interface PageRequest {
  url: string;
  cursor: string | null;
  token: string;
  etag: string | null;
  limit: number;
  signal: AbortSignal;
}

function retryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function transportFailure(e: unknown, caller: AbortSignal, timeout: AbortSignal): Error {
  if (caller.aborted) return new Cancelled();
  if (timeout.aborted) return new AttemptFailed({ code: 'timeout' }, true);
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : '';
  // Undici refuses to follow a redirect with redirect: 'error'; a feed that moves is configured anew.
  if (/redirect/i.test(cause)) return new AttemptFailed({ code: 'http', status: 300 }, false);
  return new AttemptFailed({ code: 'network' }, true);
}

async function readLimited(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AttemptFailed({ code: 'too_large' }, false);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const malformed = (path: string, message: string, params?: Record<string, string | number>) =>
  new AttemptFailed(
    { code: 'malformed', issues: [{ path, message, ...(params && { params }) }] },
    false,
  );

export async function fetchPage(deps: HttpDeps, req: PageRequest): Promise<PageAnswer> {
  const timeout = AbortSignal.timeout(deps.timeoutMs);
  const signal = AbortSignal.any([req.signal, timeout]);
  const headers: Record<string, string> = {
    Authorization: `Bearer ${req.token}`,
    Accept: 'application/json',
  };
  if (req.etag !== null) headers['If-None-Match'] = req.etag;
  let res: Response;
  try {
    res = await deps.fetch(changesUrl(req.url, req.cursor, req.limit), {
      headers,
      signal,
      redirect: 'error',
      cache: 'no-store',
    });
  } catch (e) {
    throw transportFailure(e, req.signal, timeout);
  }
  try {
    if (res.status === 304) {
      await res.body?.cancel();
      return { kind: 'not_modified' };
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new AttemptFailed({ code: 'auth', status: res.status }, false);
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      // Overload and server faults pass; anything else (400, 404…) will answer the same again.
      const transient = res.status === 429 || res.status === 408 || res.status >= 500;
      throw new AttemptFailed(
        { code: 'http', status: res.status },
        transient,
        retryAfter(res.headers.get('retry-after'), Date.now()),
      );
    }
    const type = res.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      await res.body?.cancel();
      throw malformed('(page)', 'sync:feedIssue.contentType');
    }
    const bytes = res.body ? await readLimited(res.body, deps.maxBytes) : new Uint8Array();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw malformed('(page)', 'sync:feedIssue.encoding');
    }
    const parsed = parseFeedPage(text);
    if (!parsed.ok) throw new AttemptFailed({ code: 'malformed', issues: parsed.issues }, false);
    if (parsed.page.cursor !== req.cursor)
      throw malformed('cursor', 'sync:feedIssue.cursorMismatch');
    return { kind: 'page', page: parsed.page, etag: res.headers.get('etag') };
  } catch (e) {
    if (e instanceof AttemptFailed) throw e;
    // The body stopped half-way: the connection was cut or the time ran out.
    throw transportFailure(e, req.signal, timeout);
  }
}
