/**
 * The browser host: the built renderer and the API contract over HTTP, for machines where Electron
 * cannot run (and for the end-to-end tests, which drive exactly this code).
 *
 * Safety: binds 127.0.0.1 only; every request must carry a Host header naming that address and
 * port (421 otherwise: defeats DNS rebinding); every API call needs the random per-run token as a
 * bearer token (401 without, 403 wrong). Bodies are JSON, size-limited, parsed by the contract.
 */
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { EVENT_NAMES } from '../../shared/api';
import type { FileRef } from '../../shared/api';
import { ApiFailure, apiError, type ApiError, type ErrorCode } from '../../shared/result';
import { SECURITY_HEADERS } from '../csp';
import { contentType, resolveInside } from '../paths';
import type { Dispatch } from '../services/dispatch';
import type { Listener } from '../services/events';

export const MAX_BODY_BYTES = 1024 * 1024;

/** File transfer for the browser host (the desktop app uses OS dialogs instead). */
export interface HostFiles {
  /** `declaredBytes`: the request's Content-Length, so an oversized upload is refused unread. */
  upload(body: Readable, name: string, declaredBytes?: number): Promise<FileRef>;
  /** The file to send, or a typed error (unknown id, or out of the profile's scope). */
  download(fileId: string): { path: string; name: string; size: number };
}

export interface HostOptions {
  dispatch: Dispatch;
  files?: HostFiles;
  subscribe(listener: Listener): () => void;
  staticDir: string;
  token: string;
  port?: number;
}

export interface RunningHost {
  port: number;
  url: string;
  close(): Promise<void>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unknown_operation: 404,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  no_profile: 409,
  payload_too_large: 413,
  internal: 500,
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error });
}

function tokenMatches(header: string | undefined, token: string): 'missing' | 'wrong' | 'ok' {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m?.[1]) return 'missing';
  const given = Buffer.from(m[1]);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want) ? 'ok' : 'wrong';
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveInside(opts.staticDir, pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': contentType(file),
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, SECURITY_HEADERS).end();
    }
  }

  function serveEvents(res: ServerResponse) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = opts.subscribe((event, payload) => {
      if (EVENT_NAMES.includes(event))
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    res.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  async function serveUpload(req: IncomingMessage, res: ServerResponse) {
    if (!opts.files) return sendError(res, 404, apiError('unsupported'));
    const url = new URL(req.url ?? '/', 'http://host');
    // Only the base name, printable and bounded: it is shown to the user and never used as a path.
    const name =
      (url.searchParams.get('name') ?? 'upload')
        .replace(/^.*[\\/]/, '')
        // eslint-disable-next-line no-control-regex -- removing control characters is the point
        .replace(/[\u0000-\u001f]/g, '')
        .slice(0, 255) || 'upload';
    try {
      const length = req.headers['content-length'];
      const ref = await opts.files.upload(req, name, length ? Number(length) : undefined);
      sendJson(res, 200, { ok: true, value: ref });
    } catch (e) {
      const error = e instanceof ApiFailure ? e.error : apiError('internal');
      // Stop reading an oversized body; the client sees the answer and the connection closes.
      res.setHeader('Connection', 'close');
      sendError(res, STATUS[error.code] ?? 400, error);
      req.resume();
    }
  }

  function serveDownload(res: ServerResponse, fileId: string) {
    if (!opts.files) return sendError(res, 404, apiError('unsupported'));
    let file: { path: string; name: string; size: number };
    try {
      file = opts.files.download(decodeURIComponent(fileId));
    } catch (e) {
      const error = e instanceof ApiFailure ? e.error : apiError('internal');
      return sendError(res, STATUS[error.code] ?? 400, error);
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(file.path).pipe(res);
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, name: string) {
    const auth = tokenMatches(req.headers.authorization, opts.token);
    if (auth === 'missing') return sendError(res, 401, apiError('unauthorized'));
    if (auth === 'wrong') return sendError(res, 403, apiError('forbidden'));
    if (name === 'events' && req.method === 'GET') return serveEvents(res);
    if (name === 'upload' && req.method === 'POST') return serveUpload(req, res);
    if (name.startsWith('files/') && req.method === 'GET')
      return serveDownload(res, name.slice('files/'.length));
    if (req.method !== 'POST') return sendError(res, 405, apiError('unknown_operation'));
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendError(
        res,
        415,
        apiError('invalid_input', {
          issues: [{ path: '(body)', message: 'errors:issue.not_json' }],
        }),
      );
    }
    const text = await readBody(req);
    if (text === null)
      return sendError(
        res,
        413,
        apiError('payload_too_large', { params: { limit: MAX_BODY_BYTES } }),
      );
    let input: unknown;
    try {
      input = text.length ? JSON.parse(text) : {};
    } catch {
      return sendError(
        res,
        400,
        apiError('invalid_input', {
          issues: [{ path: '(body)', message: 'errors:issue.not_json' }],
        }),
      );
    }
    const result = await opts.dispatch(name, input);
    sendJson(res, result.ok ? 200 : (STATUS[result.error.code] ?? 400), result);
  }

  const server = createServer((req, res) => {
    // DNS rebinding defence: only our own address and port may be named.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Misdirected Request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const handled = url.pathname.startsWith('/api/')
      ? serveApi(req, res, url.pathname.slice('/api/'.length))
      : serveStatic(req, res, url.pathname);
    handled.catch(() => {
      if (!res.headersSent) sendError(res, 500, apiError('internal'));
      else res.end();
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        port,
        url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(opts.token)}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
