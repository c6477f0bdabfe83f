/**
 * Killing the syncing process mid-page. The connector runs in a child process (child-sync.ts) and
 * is killed with SIGKILL — inside a page's transaction, while a page is half received, and at random
 * moments — then restarted. After every kill the store holds exactly the feed up to its committed
 * cursor; after the restart, every item exactly once and the cursor at the head.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../shared/demo/prng';
import { decodeCursor, encodeCursor, type FeedSim } from '../../../electron/feed-sim/server';
import { openStore, type Db } from '../../../electron/store/database';
import { fileKeyStore } from '../../../electron/store/keys';
import { tempDir } from '../helpers';
import { cursorOf, expectExactlyOnce, syncSetup } from './helpers';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startChild(dataDir: string, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test/unit/sync/child-sync.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: join(root, 'test/e2e/tsconfig.json'),
        SYNC_DATA_DIR: dataDir,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

/** Opens the store the way a fresh process does, without starting anything. */
function withStore<T>(dataDir: string, f: (db: Db) => T): T {
  const key = fileKeyStore(join(dataDir, 'socdesk.key')).load()!;
  const db = openStore({ file: join(dataDir, 'socdesk.db'), key });
  try {
    return f(db);
  } finally {
    db.close();
  }
}

/** The invariant after any crash: the store is exactly the feed's prefix up to the cursor. */
function expectConsistent(dataDir: string, sim: FeedSim): number {
  return withStore(dataDir, (db) => {
    const cursor = cursorOf(db);
    const committed = cursor === null ? 0 : decodeCursor(cursor)!;
    expectExactlyOnce(db, sim.log.items.slice(0, committed));
    const counted = db.prepare('SELECT items FROM sync_state').pluck().get() as number;
    // The item counter moves in the page's transaction: no page was applied twice.
    expect(counted).toBe(committed);
    return committed;
  });
}

async function prepared(pageLimit = 50) {
  const dataDir = tempDir('socdesk-crash-');
  const setup = await syncSetup({ dataDir });
  setup.service.stop();
  setup.app.close(); // the child is the only process using the store
  return { dataDir, sim: setup.sim, env: { SYNC_PAGE_LIMIT: String(pageLimit) } };
}

async function finish(dataDir: string, sim: FeedSim, env: Record<string, string>) {
  const done = await startChild(dataDir, env).exited;
  expect(done, done.stderr).toMatchObject({ code: 0, signal: null });
  expect(JSON.parse(done.stdout.trim().split('\n').at(-1)!)).toMatchObject({ outcome: 'ok' });
  withStore(dataDir, (db) => {
    expectExactlyOnce(db, sim.log.items);
    expect(cursorOf(db)).toBe(sim.headCursor);
  });
}

describe('a syncing process killed mid-page', () => {
  it('inside the page transaction: nothing of that page, then everything once', async () => {
    const { dataDir, sim, env } = await prepared();
    const killed = await startChild(dataDir, { ...env, SYNC_KILL_PAGE: '3', SYNC_KILL_ITEM: '10' })
      .exited;
    expect(killed.signal).toBe('SIGKILL');
    expect(expectConsistent(dataDir, sim)).toBe(100);
    withStore(dataDir, (db) => {
      expect(cursorOf(db)).toBe(encodeCursor(100));
      expect(db.prepare('SELECT outcome, pages, items FROM sync_runs').get()).toEqual({
        outcome: 'running',
        pages: 2,
        items: 100,
      });
    });
    await finish(dataDir, sim, env);
    withStore(dataDir, (db) => {
      expect(db.prepare('SELECT outcome FROM sync_runs ORDER BY id').pluck().all()).toEqual([
        'interrupted',
        'ok',
      ]);
      expect(db.prepare('SELECT items FROM sync_state').pluck().get()).toBe(sim.log.length);
    });
  });

  it('while a page is half received', async () => {
    const { dataDir, sim, env } = await prepared();
    sim.inject([{ kind: 'slow', delayMs: 0 }, { kind: 'slow', delayMs: 0 }, { kind: 'stall' }]);
    const stalled = new Promise<void>((resolve) => sim.once('stall', () => resolve()));
    const { child, exited } = startChild(dataDir, env);
    await stalled;
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    expect(expectConsistent(dataDir, sim)).toBe(100);
    await finish(dataDir, sim, env);
  });

  it('at random moments, again and again, while new items keep coming', async () => {
    const { dataDir, sim, env } = await prepared(20);
    const rng = new Prng(7);
    const seen: number[] = [];
    for (let round = 0; round < 5; round++) {
      sim.tick(2);
      const { child, exited } = startChild(dataDir, env);
      const target = sim.requests.length + rng.int(1, 4);
      const onRequest = () => {
        if (sim.requests.length < target) return;
        sim.off('request', onRequest);
        setTimeout(() => child.kill('SIGKILL'), rng.int(0, 15));
      };
      sim.on('request', onRequest);
      const exit = await exited;
      sim.off('request', onRequest);
      expect(exit.signal === 'SIGKILL' || exit.code === 0, exit.stderr).toBe(true);
      seen.push(expectConsistent(dataDir, sim));
    }
    // The kills landed at different places, and progress was kept between them.
    expect(new Set(seen).size).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await finish(dataDir, sim, env);
  });
});
