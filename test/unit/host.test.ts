import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startHost, type RunningHost } from '../../electron/host/server';
import { createEventHub } from '../../electron/services/events';
import { tempDir, testApp } from './helpers';

const TOKEN = 'test-token-0123456789abcdef';
let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start() {
  const hub = createEventHub();
  const app = testApp();
  app.ctx.emit = hub.emit;
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>SOC Desk</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
  host = await startHost({
    dispatch: app.dispatch,
    subscribe: hub.subscribe,
    staticDir,
    token: TOKEN,
  });
  return { app, port: host.port };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the Host header can be anything (fetch would not allow that). */
function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (port: number, name: string, input: unknown, headers: Record<string, string> = {}) =>
  send(port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    await start();
    expect(host?.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${TOKEN}$`));
  });

  it('answers an authorised call with the operation result', async () => {
    const { port } = await start();
    const r = await api(port, 'profiles.options', {});
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; value: { partners: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.value.partners).toHaveLength(2);
  });

  it.each([
    ['no token', {}, 401, 'unauthorized'],
    ['a wrong token', { Authorization: 'Bearer nope' }, 403, 'forbidden'],
    [
      'a token of the right length but wrong',
      { Authorization: `Bearer ${'x'.repeat(TOKEN.length)}` },
      403,
      'forbidden',
    ],
    ['a non-bearer scheme', { Authorization: `Basic ${TOKEN}` }, 401, 'unauthorized'],
  ])('refuses a call with %s and returns no data', async (_label, headers, status, code) => {
    const { port } = await start();
    const r = await send(port, {
      method: 'POST',
      path: '/api/profiles.options',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: '{}',
    });
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code, message: `errors:${code}` } });
    expect(r.body).not.toContain('p-minato');
  });

  it.each(['evil.example', `evil.example:0`, 'localhost.evil.example', '127.0.0.2'])(
    'refuses Host %s with 421 (DNS rebinding)',
    async (hostName) => {
      const { port } = await start();
      for (const path of ['/', '/api/profiles.options']) {
        const r = await send(port, {
          method: path === '/' ? 'GET' : 'POST',
          path,
          headers: {
            Host: hostName.includes(':') ? hostName : `${hostName}:${port}`,
            Authorization: `Bearer ${TOKEN}`,
            'Content-Type': 'application/json',
          },
          body: path === '/' ? undefined : '{}',
        });
        expect(r.status).toBe(421);
        expect(r.body).not.toContain('p-minato');
      }
    },
  );

  it('accepts localhost as the Host name', async () => {
    const { port } = await start();
    expect((await api(port, 'session.get', {}, { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('rejects bodies that are not JSON, too large, or invalid, with typed errors', async () => {
    const { port } = await start();
    expect((await api(port, 'session.get', '{not json')).status).toBe(400);
    expect((await api(port, 'session.get', '{}', { 'Content-Type': 'text/plain' })).status).toBe(
      415,
    );
    const big = await api(
      port,
      'session.setLanguage',
      JSON.stringify({ language: 'x'.repeat(MAX_BODY_BYTES) }),
    );
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    const bad = await api(port, 'session.setLanguage', { language: 'fr' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'language' }] },
    });
    const unknown = await api(port, 'drop.everything', {});
    expect(unknown.status).toBe(404);
    expect(
      (
        await send(port, {
          path: '/api/session.get',
          headers: { Authorization: `Bearer ${TOKEN}` },
        })
      ).status,
    ).toBe(405);
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const { port } = await start();
    const index = await send(port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(
      /default-src 'none'; script-src 'self'/,
    );
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(port, { path: '/assets/app.js' })).headers['content-type']).toMatch(
      /javascript/,
    );
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
    ]) {
      const r = await send(port, { path });
      expect({ path, status: r.status }).toEqual({ path, status: 404 });
      expect(r.body).not.toContain('secret');
    }
  });

  it('streams events to an authorised listener only', async () => {
    const { port } = await start();
    expect((await send(port, { path: '/api/events' })).status).toBe(401);
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
            if (text.includes('event: data.changed')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    await api(port, 'session.setProfile', { kind: 'customer', id: 'c-aoba' });
    expect(await received).toContain('data: {"topics":["session"]}');
  });
});
