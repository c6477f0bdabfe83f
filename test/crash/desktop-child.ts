/**
 * A stand-in for the desktop app's main process, run as its own process so a test can kill it:
 * the same createAppServices the Electron main calls (electron/main.ts), with the OS open dialog
 * answering `file`. It picks the file through `files.open` — the desktop path, which allows
 * streamed imports up to 8 GiB where a browser-host upload stops at 1 GiB — starts
 * `alerts.import.start`, and prints every event as one JSON line on stdout. It exits when the
 * job has finished (or is killed before).
 *
 * Usage: node --import tsx test/crash/desktop-child.ts <data-dir> <file> <now-ms>
 */
import { join } from 'node:path';
import { createAppServices } from '../../electron/services/app';
import { clockStartingAt } from '../../electron/services/context';
import { fileKeyStore } from '../../electron/store/keys';

const [dataDir, file, now] = process.argv.slice(2);
if (!dataDir || !file || !now) throw new Error('usage: desktop-child <data-dir> <file> <now-ms>');

const say = (event: string, data: unknown) =>
  process.stdout.write(`${JSON.stringify({ event, data })}\n`);

let finish: () => void = () => undefined;
const app = createAppServices({
  dataDir,
  keys: fileKeyStore(join(dataDir, 'socdesk.key')),
  clock: clockStartingAt(Number(now)),
  host: 'electron',
  version: '0.0.0-crash',
  demo: false,
  dialogs: { open: () => Promise.resolve(file), save: () => Promise.resolve(null) },
  emit: (event, payload) => {
    say(event, payload);
    if (event === 'job.finished') finish();
  },
});
const done = new Promise<void>((resolve) => (finish = resolve));
const picked = await app.dispatch('files.open', { extensions: ['ndjson'] });
if (!picked.ok) throw new Error(JSON.stringify(picked.error));
const ref = picked.value as { fileId: string };
const started = await app.dispatch('alerts.import.start', { fileId: ref.fileId });
say('started', started);
if (!started.ok) process.exit(2);
await done;
app.close();
