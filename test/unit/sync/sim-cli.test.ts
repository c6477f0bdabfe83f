/**
 * `npm run feed:sim` as a user runs it: from the sources (tsx), --help, the feed on 127.0.0.1 with
 * its token, paging and ETag, the trickle, and the control endpoint.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseFeedPage } from '../../../shared/feed';
import { MINATO } from './helpers';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const script = 'build/scripts/feed-sim.mjs';

const auth = { Authorization: 'Bearer cli-token' };

/** Starts the simulator as `npm run feed:sim` does; answers its feed URL. */
async function startCli(extra: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      script,
      '--port',
      '0',
      '--token',
      'cli-token',
      '--days',
      '1',
      '--partner',
      'p-minato',
      ...extra,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  onTestFinished(() => void child.kill('SIGTERM'));
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Feed URL: (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('npm run feed:sim', () => {
  it('documents itself', () => {
    const r = spawnSync(process.execPath, [script, '--help'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const word of [
      '--port',
      '--token',
      '--tick',
      '--now',
      '--partner',
      '/_sim/faults',
      'hang',
      'kill',
    ])
      expect(r.stdout).toContain(word);
  });

  it('refuses a bad option with a clear message', () => {
    const r = spawnSync(process.execPath, [script, '--partner', 'p-nobody'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('feed-sim: --partner: unknown partner p-nobody');
  });

  it('adds new items on its own, every tick', async () => {
    const feedUrl = await startCli(['--tick', '1']);
    const state = async () =>
      (
        (await (
          await fetch(`${new URL(feedUrl).origin}/_sim/state`, { headers: auth })
        ).json()) as { items: number }
      ).items;
    const first = await state();
    await expect.poll(state, { timeout: 5_000 }).toBeGreaterThan(first);
  });

  it('serves the feed with token, paging, ETag and injectable faults', async () => {
    const feedUrl = await startCli(['--tick', '0']);
    expect(feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feed\/v1$/);
    expect((await fetch(`${feedUrl}/changes`)).status).toBe(401);
    expect(
      (await fetch(`${feedUrl}/changes`, { headers: { Authorization: 'Bearer nope' } })).status,
    ).toBe(401);

    // Page through to the head; every page is valid feed v1, only the partner's customers.
    let cursor: string | null = null;
    let items = 0;
    for (;;) {
      const url: string = `${feedUrl}/changes?limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await fetch(url, { headers: auth });
      expect(res.status).toBe(200);
      const parsed = parseFeedPage(await res.text());
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      items += parsed.page.changes.length;
      for (const c of parsed.page.changes) expect(MINATO).toContain(c.data.customerId);
      cursor = parsed.page.nextCursor;
      if (!parsed.page.hasMore) break;
    }
    expect(items).toBeGreaterThan(50);
    const origin = new URL(feedUrl).origin;

    // At the head: the same question with its ETag is "not modified" (until the next tick).
    await fetch(`${origin}/_sim/faults`, { method: 'DELETE', headers: auth });
    const head = await fetch(`${feedUrl}/changes?cursor=${cursor}`, { headers: auth });
    const etag = head.headers.get('etag')!;
    const again = await fetch(`${feedUrl}/changes?cursor=${cursor}`, {
      headers: { ...auth, 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);

    // The control endpoint: a fault for the next request, then back to normal.
    const injected = await fetch(`${origin}/_sim/faults`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ kind: 'status', status: 503, retryAfter: 2 }),
    });
    expect(injected.status).toBe(200);
    const failed = await fetch(`${feedUrl}/changes`, { headers: auth });
    expect([failed.status, failed.headers.get('retry-after')]).toEqual([503, '2']);
    expect((await fetch(`${feedUrl}/changes`, { headers: auth })).status).toBe(200);
    const before = (
      (await (await fetch(`${origin}/_sim/state`, { headers: auth })).json()) as { items: number }
    ).items;
    await fetch(`${origin}/_sim/tick`, { method: 'POST', headers: auth, body: '{"count":3}' });
    const after = (
      (await (await fetch(`${origin}/_sim/state`, { headers: auth })).json()) as { items: number }
    ).items;
    expect(after - before).toBeGreaterThanOrEqual(9);
    // New items at the head: the old validator no longer matches.
    const fresh = await fetch(`${feedUrl}/changes?cursor=${cursor}`, {
      headers: { ...auth, 'If-None-Match': etag },
    });
    expect(fresh.status).toBe(200);
    const bad = await fetch(`${origin}/_sim/faults`, {
      method: 'POST',
      headers: auth,
      body: '{"kind":"meteor"}',
    });
    expect(bad.status).toBe(400);
  });
});
