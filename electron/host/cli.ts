/**
 * `node dist/electron/host.mjs [options]`: runs SOC Desk in the browser host (see --help).
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clockStartingAt, systemClock } from '../services/context';
import { createAppServices } from '../services/app';
import { createEventHub } from '../services/events';
import { fileKeyStore } from '../store/keys';
import { describeStartupError } from '../startup-error';
import { APP_VERSION } from '../version';
import { createChromiumPrinter, findChromium } from '../services/pdf/chromium';
import { hostFiles } from './files';
import { startHost } from './server';

export const HOST_HELP = `SOC Desk ${APP_VERSION} — browser host

Serves SOC Desk on 127.0.0.1 for a web browser, with the same services and encrypted store as the
desktop app. Prints the address to open; it carries a token that changes on every start.

Usage: node dist/electron/host.mjs [options]      (or: npm start, where Electron is missing)

Options:
  --data-dir <dir>     where the encrypted store (socdesk.db) and its key file (socdesk.key, mode 0600)
                       live; created on first start and filled with the demo data
                       (default: ~/.soc-desk, or $SOCDESK_DATA_DIR)
  --port <n>           port on 127.0.0.1 (default: 0, any free port)
  --now <instant>      start the clock at this ISO-8601 instant, e.g. 2026-11-22T10:00:00+09:00
                       (demos and tests; the clock then runs at real speed)
  --no-demo            start with an empty store instead of the demo data
  --demo-partner <id>  load only this sales partner's part of the demo data, as that partner's own
                       installation would hold it (p-minato or p-hokuto)
  --static-dir <dir>   the built renderer (default: dist/renderer next to this file)
  -h, --help           show this help
`;

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      now: { type: 'string' },
      'no-demo': { type: 'boolean' },
      'demo-partner': { type: 'string' },
      'static-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HOST_HELP);
    return;
  }
  const dataDir =
    values['data-dir'] ?? process.env.SOCDESK_DATA_DIR ?? join(homedir(), '.soc-desk');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port number: ${values.port}`);
  let clock = systemClock;
  if (values.now !== undefined) {
    const start = Date.parse(values.now);
    if (Number.isNaN(start)) throw new Error(`--now: not an ISO-8601 instant: ${values.now}`);
    clock = clockStartingAt(start);
  }
  const hub = createEventHub();
  const services = createAppServices({
    dataDir,
    keys: fileKeyStore(join(dataDir, 'socdesk.key')),
    clock,
    host: 'browser',
    version: APP_VERSION,
    emit: hub.emit,
    demo: !values['no-demo'],
    demoPartner: values['demo-partner'],
  });
  const staticDir = values['static-dir'] ?? fileURLToPath(new URL('../renderer/', import.meta.url));
  const host = await startHost({
    dispatch: services.dispatch,
    subscribe: hub.subscribe,
    files: hostFiles(services.ctx),
    staticDir,
    token: randomBytes(24).toString('base64url'),
    port,
  });
  process.stdout.write(
    `SOC Desk (browser host) is running. Open / 開いてください:\n  ${host.url}\n`,
  );
  process.stdout.write(`Data: ${dataDir}\n`);
  // PDFs (escalation packages, reports) print this host's own pages in headless Chromium.
  const chromium = findChromium();
  const printer = chromium
    ? createChromiumPrinter({ hostUrl: host.url, executablePath: chromium })
    : null;
  services.ctx.pdf = printer;
  const stop = () => {
    void Promise.all([host.close(), printer?.close()]).then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`soc-desk host: ${describeStartupError(e)}\n`);
  process.exit(1);
});
