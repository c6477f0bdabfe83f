import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { hostFiles } from '../../electron/host/files';
import { startHost, type RunningHost } from '../../electron/host/server';
import { createEventHub } from '../../electron/services/events';
import { FileRegistry } from '../../electron/services/files/registry';
import { ApiFailure } from '../../shared/result';
import { tempDir, testApp } from './helpers';

const TOKEN = 'files-token-0123456789abcdef';
let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

function http(port: number, opts: { method: string; path: string; body?: Buffer; auth?: boolean }) {
  return new Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: opts.method,
          path: opts.path,
          headers: {
            Host: `127.0.0.1:${port}`,
            ...(opts.auth === false ? {} : { Authorization: `Bearer ${TOKEN}` }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks),
              headers: res.headers,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(opts.body);
    },
  );
}

describe('file registry', () => {
  it('keeps nothing of an upload that exceeds the limit', async () => {
    const dir = tempDir();
    const files = new FileRegistry(dir);
    let error: unknown;
    try {
      await files.receive(
        Readable.from([Buffer.alloc(600), Buffer.alloc(600)]),
        'big.ndjson',
        1000,
      );
    } catch (e) {
      error = e;
    }
    expect((error as ApiFailure).error).toMatchObject({
      code: 'payload_too_large',
      params: { limit: 1000 },
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('empties its folder at start and deletes temporary files when discarded', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leftover'), 'x');
    const files = new FileRegistry(dir);
    expect(readdirSync(dir)).toEqual([]);
    const ref = await files.receive(Readable.from([Buffer.from('hello')]), 'a.txt');
    expect(readFileSync(files.get(ref.fileId).path, 'utf8')).toBe('hello');
    files.discard(ref.fileId);
    expect(readdirSync(dir)).toEqual([]);
    expect(() => files.get(ref.fileId)).toThrow(ApiFailure);
  });
});

describe('browser host file transfer', () => {
  async function start() {
    const app = testApp();
    const hub = createEventHub();
    host = await startHost({
      dispatch: app.dispatch,
      subscribe: hub.subscribe,
      staticDir: tempDir(),
      token: TOKEN,
      files: hostFiles(app.ctx),
    });
    return { app, port: host.port };
  }

  it('receives an upload with the token, under its base name only', async () => {
    const { app, port } = await start();
    const r = await http(port, {
      method: 'POST',
      path: `/api/upload?name=${encodeURIComponent('../../etc/アラート.ndjson')}`,
      body: Buffer.from('{"a":1}\n'),
    });
    expect(r.status).toBe(200);
    const { value } = JSON.parse(r.body.toString()) as {
      value: { fileId: string; name: string; size: number };
    };
    expect(value).toMatchObject({ name: 'アラート.ndjson', size: 8 });
    expect(readFileSync(app.ctx.files.get(value.fileId).path, 'utf8')).toBe('{"a":1}\n');
  });

  it('refuses an upload without the token and keeps nothing', async () => {
    const { app, port } = await start();
    const r = await http(port, {
      method: 'POST',
      path: '/api/upload?name=x.csv',
      body: Buffer.from('x'),
      auth: false,
    });
    expect(r.status).toBe(401);
    expect(readdirSync(join(app.dataDir, 'tmp'))).toEqual([]);
  });

  it('sends an export to a profile that may see it, and to no one else', async () => {
    const { app, port } = await start();
    const out = app.ctx.files.createOutput('レポート.csv', ['c-sakuragawa']);
    writeFileSync(out.path, '\uFEFFa,b\r\n');
    const ref = out.commit();
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    const ok = await http(port, { method: 'GET', path: `/api/files/${ref.fileId}` });
    expect(ok.status).toBe(200);
    expect(ok.body.toString()).toBe('\uFEFFa,b\r\n');
    expect(ok.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('レポート.csv')}`,
    );
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-aoba' });
    expect((await http(port, { method: 'GET', path: `/api/files/${ref.fileId}` })).status).toBe(
      404,
    );
    expect(
      (await http(port, { method: 'GET', path: `/api/files/${ref.fileId}`, auth: false })).status,
    ).toBe(401);
    expect(
      (await http(port, { method: 'GET', path: '/api/files/AAAAAAAAAAAAAAAAAAAAAAAA' })).status,
    ).toBe(404);
    expect(existsSync(out.path)).toBe(true);
  });

  it('says the desktop-only dialogs are unsupported in the browser host', async () => {
    const { app } = await start();
    expect(await app.dispatch('files.open', { extensions: ['csv'] })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });
});
