/**
 * The feed simulator's HTTP server (docs/feed-format.md): serves a ChangeLog on 127.0.0.1 in feed
 * format v1 — bearer token, cursor paging, ETag / If-None-Match — with a steady trickle of new items
 * and injectable faults. A test and demo tool; never part of the app.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { feedPageJson, MAX_PAGE_ITEMS, type FeedChange } from '../../shared/feed';
import { FaultQueue, type Fault, type FaultInput } from './faults';
import { ChangeLog, type LogOptions } from './log';

export interface SimOptions extends Partial<LogOptions> {
  token: string;
  /** 0 (default): any free port. */
  port?: number;
  /** A tick of the trickle every this many ms; 0 (default) = only when asked (`tick()`). */
  tickMs?: number;
  /** The simulator's clock (default Date.now). */
  clock?: () => number;
  /** Items per page when the client does not ask (at most MAX_PAGE_ITEMS). */
  defaultLimit?: number;
}

export interface RequestRecord {
  cursor: string | null;
  status: number;
  items: number;
  fault: Fault['kind'] | null;
}

const OVERLAP = 5;

export function encodeCursor(seq: number): string {
  return Buffer.from(`v1.${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string): number | null {
  const m = /^v1\.(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? Number(m[1]) : null;
}

export class FeedSim extends EventEmitter {
  readonly log: ChangeLog;
  readonly faults = new FaultQueue();
  readonly requests: RequestRecord[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((req, res) => this.handle(req, res));
  private timer: ReturnType<typeof setInterval> | null = null;
  port = 0;

  constructor(private readonly opts: SimOptions) {
    super();
    const now = (opts.clock ?? Date.now)();
    this.log = new ChangeLog({ ...opts, now: opts.now ?? now });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The base URL to configure in SOC Desk. */
  get feedUrl(): string {
    return `${this.origin}/feed/v1`;
  }

  get headCursor(): string {
    return encodeCursor(this.log.length);
  }

  /** Starts serving (again, after close(): pass the old port to come back where clients look). */
  async listen(port = this.opts.port ?? 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    if (this.opts.tickMs) {
      this.timer = setInterval(() => this.tick(), this.opts.tickMs);
      this.timer.unref();
    }
    return this;
  }

  /** Stops serving; open connections (hung or stalled answers) are cut. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  now(): number {
    return (this.opts.clock ?? Date.now)();
  }

  /** `count` ticks of the trickle now; returns the items added. */
  tick(count = 1): FeedChange[] {
    const added: FeedChange[] = [];
    for (let i = 0; i < count; i++) added.push(...this.log.tick(this.now()));
    return added;
  }

  append(items: FeedChange[]): void {
    for (const item of items) this.log.push(item);
  }

  inject(fault: FaultInput | FaultInput[]): void {
    this.faults.add(fault);
  }

  private authorised(req: IncomingMessage): boolean {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m?.[1]) return false;
    const given = Buffer.from(m[1]);
    const want = Buffer.from(this.opts.token);
    return given.length === want.length && timingSafeEqual(given, want);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    if (!this.authorised(req)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="socdesk-feed"' }).end();
      return;
    }
    if (url.pathname.startsWith('/_sim/')) {
      void this.control(req, res, url.pathname);
      return;
    }
    if (req.method !== 'GET' || url.pathname !== '/feed/v1/changes') {
      res.writeHead(404).end();
      return;
    }
    const raw = url.searchParams.get('cursor');
    const seq = raw === null ? 0 : decodeCursor(raw);
    if (seq === null || seq > this.log.length) {
      this.json(res, 400, { error: 'bad_cursor' });
      return;
    }
    const asked = Number(url.searchParams.get('limit') ?? this.opts.defaultLimit ?? 500);
    const limit = Math.max(
      1,
      Math.min(MAX_PAGE_ITEMS - OVERLAP, Number.isInteger(asked) ? asked : 500),
    );
    this.page(req, res, raw, seq, limit, this.faults.take());
  }

  private page(
    req: IncomingMessage,
    res: ServerResponse,
    cursor: string | null,
    seq: number,
    limit: number,
    fault: Fault | null,
  ): void {
    const record = (status: number, items: number) => {
      const r = { cursor, status, items, fault: fault?.kind ?? null };
      this.requests.push(r);
      this.emit('request', r);
    };
    if (fault?.kind === 'status') {
      const headers =
        fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
      res.writeHead(fault.status, headers).end();
      return record(fault.status, 0);
    }
    if (fault?.kind === 'hang') {
      this.emit('hang', cursor);
      return record(0, 0);
    }
    const replay = fault?.kind === 'duplicate' && fault.mode === 'replay';
    let start = seq;
    let end = Math.min(this.log.length, seq + limit);
    let next = end;
    if (replay) {
      // The previous page again, and "ask me again from where you were".
      start = Math.max(0, seq - limit);
      end = seq > 0 ? seq : Math.min(this.log.length, limit);
      next = seq;
    } else if (fault?.kind === 'duplicate') start = Math.max(0, seq - OVERLAP);
    const items = this.log.items.slice(start, end);
    const nextCursor = encodeCursor(next);
    const hasMore = replay ? items.length > 0 : next < this.log.length;
    let body = feedPageJson({ cursor, nextCursor, hasMore, items });
    if (fault?.kind === 'malformed') body = malformedBody(fault.mode, body, cursor);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    if (fault?.kind !== 'malformed' && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return record(304, 0);
    }
    const bytes = Buffer.from(body);
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(bytes.length),
      ETag: etag,
      'Cache-Control': 'no-store',
    };
    if (fault?.kind === 'stall' || fault?.kind === 'kill') {
      res.writeHead(200, headers);
      res.write(bytes.subarray(0, fault.afterBytes ?? Math.floor(bytes.length / 2)));
      record(200, items.length);
      if (fault.kind === 'kill') setTimeout(() => res.socket?.destroy(), 20);
      else this.emit('stall', cursor);
      return;
    }
    const send = () => {
      res.writeHead(200, headers).end(bytes);
      record(200, items.length);
    };
    if (fault?.kind === 'slow') setTimeout(send, fault.delayMs).unref();
    else send();
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res
      .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(body));
  }

  /** The control endpoint (same token): faults, ticks and a look at the state. */
  private async control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    let body: unknown = null;
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : null;
      } catch {
        return this.json(res, 400, { error: 'not_json' });
      }
    }
    try {
      if (path === '/_sim/faults' && req.method === 'POST') this.inject(body as FaultInput);
      else if (path === '/_sim/faults' && req.method === 'DELETE') this.faults.clear();
      else if (path === '/_sim/tick' && req.method === 'POST') {
        const count = (body as { count?: number } | null)?.count ?? 1;
        this.tick(Math.max(1, Math.min(1000, Math.floor(Number(count)) || 1)));
      } else if (!(path === '/_sim/state' && req.method === 'GET'))
        return this.json(res, 404, { error: 'not_found' });
    } catch {
      return this.json(res, 400, { error: 'bad_request' });
    }
    this.json(res, 200, {
      items: this.log.length,
      head: this.headCursor,
      faults: this.faults.size,
      requests: this.requests.length,
    });
  }
}

/** Turns a good page into one of the malformed kinds. */
function malformedBody(
  mode: 'json' | 'schema' | 'envelope' | 'version',
  good: string,
  cursor: string | null,
): string {
  switch (mode) {
    case 'json':
      return good.slice(0, Math.max(20, Math.floor(good.length / 2)));
    case 'version':
      return good.replace('"version":1', '"version":2');
    case 'envelope':
      return JSON.stringify({
        format: 'socdesk-feed',
        version: 1,
        cursor,
        hasMore: false,
        items: [],
      });
    case 'schema': {
      const page = JSON.parse(good) as {
        items: Array<{ kind: string; data: Record<string, unknown> }>;
      };
      const bad = {
        kind: 'alert',
        data: { sourceId: '', source: 'cts', customerId: 'c-sakuragawa', severity: 'apocalyptic' },
      };
      page.items.splice(Math.min(1, page.items.length), 0, bad);
      return JSON.stringify(page);
    }
  }
}

export async function startFeedSim(opts: SimOptions): Promise<FeedSim> {
  return new FeedSim(opts).listen();
}
