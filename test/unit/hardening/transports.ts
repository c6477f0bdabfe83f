/**
 * The three ways into the services, for tests that must hold for each: the dispatcher itself, the
 * Electron IPC wrapper (with a recording stand-in for ipcMain and a trusted sender) and the browser
 * host over real HTTP (token, JSON bodies, uploads and downloads).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { registerApi, trustedSender } from '../../../electron/ipc';
import { hostFiles } from '../../../electron/host/files';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { createEventHub } from '../../../electron/services/events';
import type { AppServices } from '../../../electron/services/app';
import type { OperationName } from '../../../shared/api';
import { ipcChannel } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';
import type { Transport } from './isolation-world';

/** What a refusal must never carry: stack frames, file paths, SQLite's own codes. */
export const LEAKS =
  /\bat [\w.<>]+ \(|\/work\/|\/home\/|\/tmp\/|node_modules|\.ts:\d+|SQLITE_|Error:/;

export type Call = (
  name: OperationName,
  input: unknown,
) => Promise<{
  result: Result<unknown>;
  /** The answer as it crossed the boundary (JSON text over HTTP). */
  text: string;
}>;

/** The dispatcher, plus direct access to the store and the file registry (building fixtures). */
export function directTransport(app: AppServices): Transport {
  return {
    call: (name, input) => app.dispatch(name, input),
    query: <T>(sql: string, ...params: unknown[]) => app.ctx.db.prepare(sql).all(...params) as T[],
    upload: (name, bytes) => {
      const out = app.ctx.files.createOutput(name, null);
      writeFileSync(out.path, bytes);
      return Promise.resolve(out.commit().fileId);
    },
    download: (fileId) => Promise.resolve(readFileSync(app.ctx.files.get(fileId).path)),
  };
}

export const viaDispatch =
  (app: AppServices): Call =>
  async (name, input) => {
    const result = await app.dispatch(name, input);
    return { result, text: JSON.stringify(result) };
  };

/** Every operation bound through electron/ipc.ts, called as our own window's main frame. */
export function viaIpc(app: AppServices): Call {
  type H = (e: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>;
  const handlers = new Map<string, H>();
  const contents = { mainFrame: { url: 'app://soc-desk/index.html' } } as unknown as WebContents;
  registerApi({
    ipcMain: { handle: (channel: string, h: H) => void handlers.set(channel, h) },
    dispatch: app.dispatch,
    isTrustedSender: trustedSender((c) => c === contents),
  });
  const event = { sender: contents, senderFrame: contents.mainFrame } as IpcMainInvokeEvent;
  return async (name, input) => {
    const result = await handlers.get(ipcChannel(name))!(event, input);
    return { result, text: JSON.stringify(result) };
  };
}

export interface HttpHost {
  call: Call;
  /** GET /api/files/<id>: the status and body. */
  download(fileId: string): Promise<{ status: number; body: Buffer }>;
  host: RunningHost;
}

export async function viaHttp(app: AppServices, staticDir: string): Promise<HttpHost> {
  const token = 'isolation-token-0123456789';
  const hub = createEventHub();
  const host = await startHost({
    dispatch: app.dispatch,
    subscribe: hub.subscribe,
    files: hostFiles(app.ctx),
    staticDir,
    token,
  });
  const base = `http://127.0.0.1:${host.port}/api`;
  const auth = { Authorization: `Bearer ${token}` };
  return {
    host,
    call: async (name, input) => {
      const res = await fetch(`${base}/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify(input),
      });
      const text = await res.text();
      return { result: JSON.parse(text) as Result<unknown>, text };
    },
    download: async (fileId) => {
      const res = await fetch(`${base}/files/${encodeURIComponent(fileId)}`, { headers: auth });
      return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
    },
  };
}
