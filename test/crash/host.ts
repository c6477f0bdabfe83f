/**
 * The browser host as a separate process, for tests that kill it. By default it runs from the
 * sources through tsx (the unit tests run before `npm run test:e2e` builds dist/); with
 * `entry: 'dist'` it runs the built `host.mjs` of $SOCDESK_DIST (else dist/). Either way it is the
 * same CLI, services, worker threads and encrypted store as a user's host.
 */
import { hostUrl } from '../e2e/host-url';
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Result } from '../../shared/result';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface HostEvent {
  event: string;
  data: Record<string, unknown>;
}

export interface ChildHost {
  pid: number;
  origin: string;
  url: string;
  /** Calls an operation over HTTP. */
  api<T>(name: string, input: unknown): Promise<Result<T>>;
  /** Streams a file to POST /api/upload. */
  upload(path: string, name: string): Promise<Result<{ fileId: string; size: number }>>;
  /** Every server-sent event from now on, to `listener`; returns the unsubscribe. */
  events(listener: (e: HostEvent) => void): () => void;
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the host's own orderly stop. */
  stop(): Promise<void>;
}

export async function startChildHost(
  dataDir: string,
  args: string[] = [],
  entry: 'sources' | 'dist' = 'sources',
): Promise<ChildHost> {
  const argv =
    entry === 'dist'
      ? [join(process.env.SOCDESK_DIST ?? join(ROOT, 'dist'), 'electron/host.mjs')]
      : ['--import', 'tsx', join(ROOT, 'electron/host/cli.ts')];
  const child: ChildProcess = spawn(process.execPath, [...argv, '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'test/e2e/tsconfig.json') },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await hostUrl(child, 60_000);
  const { origin, searchParams } = new URL(url);
  const auth = { Authorization: `Bearer ${searchParams.get('token') ?? ''}` };
  const streams = new Set<AbortController>();

  return {
    pid: child.pid ?? 0,
    origin,
    url,
    async api<T>(name: string, input: unknown) {
      const r = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await r.json()) as Result<T>;
    },
    async upload(path: string, name: string) {
      // `duplex` is required by Node's fetch for a streamed body; the DOM types do not know it.
      const init: RequestInit & { duplex: 'half' } = {
        method: 'POST',
        headers: auth,
        body: Readable.toWeb(createReadStream(path)),
        duplex: 'half',
      };
      const r = await fetch(`${origin}/api/upload?name=${encodeURIComponent(name)}`, init);
      return (await r.json()) as Result<{ fileId: string; size: number }>;
    },
    events(listener) {
      const abort = new AbortController();
      streams.add(abort);
      void (async () => {
        try {
          const r = await fetch(`${origin}/api/events`, { headers: auth, signal: abort.signal });
          const decoder = new TextDecoder();
          let buf = '';
          for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
            buf += decoder.decode(chunk, { stream: true });
            let end: number;
            while ((end = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, end);
              buf = buf.slice(end + 2);
              const event = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (event && data)
                listener({ event, data: JSON.parse(data) as Record<string, unknown> });
            }
          }
        } catch {
          // Aborted, or the host was killed: the stream simply ends.
        }
      })();
      return () => {
        abort.abort();
        streams.delete(abort);
      };
    },
    async kill() {
      for (const s of streams) s.abort();
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
      await exited;
    },
    async stop() {
      for (const s of streams) s.abort();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface DesktopImport {
  pid: number;
  /** Every event the child prints, from its start. */
  events(listener: (e: HostEvent) => void): void;
  kill(): Promise<void>;
  /** Resolves with the exit code once the child has ended by itself. */
  exited: Promise<number | null>;
}

/** Runs test/crash/desktop-child.ts: the desktop path of an import, in a process of its own. */
export function startDesktopImport(dataDir: string, file: string, now: number): DesktopImport {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/crash/desktop-child.ts'), dataDir, file, String(now)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'test/e2e/tsconfig.json') },
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const listeners: Array<(e: HostEvent) => void> = [];
  let buf = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      const e = JSON.parse(line) as HostEvent;
      for (const l of listeners) l(e);
    }
  });
  return {
    pid: child.pid ?? 0,
    events: (listener) => void listeners.push(listener),
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
      await exited;
    },
  };
}
