/**
 * A syncing process for the crash tests: opens the store in SYNC_DATA_DIR, runs the feed once and
 * prints the run as JSON. With SYNC_KILL_PAGE and SYNC_KILL_ITEM it kills itself with SIGKILL inside
 * that page's transaction, right after writing that item — the hardest moment to die.
 *
 * Run with: TSX_TSCONFIG_PATH=test/e2e/tsconfig.json node --import tsx test/unit/sync/child-sync.ts
 */
import { join } from 'node:path';
import { createAppServices } from '../../../electron/services/app';
import { systemClock } from '../../../electron/services/context';
import { startSync } from '../../../electron/services/sync/service';
import { fileKeyStore } from '../../../electron/store/keys';

const dataDir = process.env.SYNC_DATA_DIR;
if (!dataDir) throw new Error('SYNC_DATA_DIR is required');
const killPage = Number(process.env.SYNC_KILL_PAGE ?? 0);
const killItem = Number(process.env.SYNC_KILL_ITEM ?? 0);

const app = createAppServices({
  dataDir,
  keys: fileKeyStore(join(dataDir, 'socdesk.key')),
  clock: systemClock,
  host: 'browser',
  version: '0.0.0-test',
  demo: false,
});
const service = startSync(app.ctx, {
  pageLimit: Number(process.env.SYNC_PAGE_LIMIT ?? 50),
  timeoutMs: 5_000,
  backoff: { baseMs: 20, maxMs: 200, maxAttempts: 5 },
  ...(killPage > 0 && {
    onItem: (page: number, index: number) => {
      if (page === killPage && index === killItem) process.kill(process.pid, 'SIGKILL');
    },
  }),
});
process.stdout.write('ready\n');
const run = await service.run('manual');
process.stdout.write(`${JSON.stringify(run)}\n`);
app.close();
