#!/usr/bin/env node
// `npm start`: builds SOC Desk, then opens the Electron window; where the Electron binary is missing
// it says so and starts the browser host instead, which prints the address to open.
// `npm start -- --browser [host options]` always uses the browser host (see `--help`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';
import { MISSING_ELECTRON, electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const browser = args.includes('--browser');
const hostArgs = args.filter((a) => a !== '--browser');

if (hostArgs.includes('--help') || hostArgs.includes('-h')) {
  console.log(`npm start [-- --browser] [host options]

Builds SOC Desk and opens the desktop window (Electron). Where the Electron binary is missing, or
with --browser, starts the browser host instead; its options follow.
`);
}

await buildAll({ quiet: true });
const electron = browser ? null : electronBinary();
const run = (cmd, cmdArgs) => {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
};
if (electron) {
  run(electron, ['.']);
} else {
  if (!browser)
    console.log(
      `${MISSING_ELECTRON}\nStarting the browser host instead / 代わりにブラウザー版を起動します。\n`,
    );
  // The host of the build just made (SOCDESK_DIST builds elsewhere, build/scripts/build.mjs).
  run(process.execPath, [
    join(process.env.SOCDESK_DIST ?? 'dist', 'electron/host.mjs'),
    ...hostArgs,
  ]);
}
