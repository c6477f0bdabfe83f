/**
 * End-to-end fixtures: every test gets its own browser host (the real `dist/electron/host.mjs`,
 * built by `npm run test:e2e`) on a fresh data dir, and can read that host's encrypted store
 * directly to compare what the screen says with what the database holds.
 */
import { hostUrl } from './host-url';
import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostProcess {
  url: string;
  origin: string;
  dataDir: string;
  /** Opens the host's store read-only with its key (SQL for assertions). */
  query<T>(sql: string, ...params: unknown[]): T[];
}

export async function startHostProcess(
  args: string[] = [],
  /** An existing data dir (a restart after a crash); it is then left in place by stop/kill. */
  existingDataDir?: string,
  /** Node options before the host's script (a preload: `--import …`) and added environment. */
  node: { args?: string[]; env?: Record<string, string> } = {},
): Promise<
  HostProcess & {
    pid: number;
    stop(): Promise<void>;
    /** SIGKILL: no handler runs, nothing is flushed; the data dir stays for a restart. */
    kill(): Promise<void>;
  }
> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'socdesk-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    // SOCDESK_DIST: the build of a parallel run (build/scripts/build.mjs), else dist/.
    [
      ...(node.args ?? []),
      join(process.env.SOCDESK_DIST ?? 'dist', 'electron/host.mjs'),
      '--data-dir',
      dataDir,
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(node.env && { env: { ...process.env, ...node.env } }),
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await hostUrl(child, 20_000);
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    query<T>(sql: string, ...params: unknown[]) {
      const key = readFileSync(join(dataDir, 'socdesk.key'), 'utf8').trim();
      const db = new Database(join(dataDir, 'socdesk.db'), { readonly: true });
      try {
        db.pragma(`cipher='sqlcipher'`);
        db.pragma('legacy=4');
        db.pragma(`key="x'${key}'"`);
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export const test = base.extend<{
  host: HostProcess;
  /** The host's command-line options, per describe block (`test.use({ hostArgs: [...] })`). */
  hostArgs: string[];
  consoleErrors: string[];
}>({
  hostArgs: [[], { option: true }],
  host: async ({ hostArgs }, use) => {
    const host = await startHostProcess(hostArgs);
    await use(host);
    await host.stop();
  },
  // Every page error or console error (a CSP violation is one) fails the test at the end. The one
  // exception: Chromium logs each 4xx answer of our API, which is how typed refusals (bad input,
  // forbidden…) arrive by design; 5xx answers and everything else still fail the test.
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const typedRefusal =
        /status of 4\d\d/.test(m.text()) &&
        new URL(m.location().url || 'about:blank', 'http://x').pathname.startsWith('/api/');
      if (!typedRefusal) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

/** Opens the app and picks a profile on the first-run screen. */
export async function openAs(page: Page, host: HostProcess, profileId: string): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId(`profile-${profileId}`).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** A KPI value as a number ("1,234" → 1234). */
export async function kpi(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}
