#!/usr/bin/env node
// `npm run dist`: builds SOC Desk and packages installers for this platform with electron-builder
// (Windows NSIS, macOS dmg, Linux AppImage + deb; see electron-builder.yml). Packaging needs the
// Electron binary; where it is missing this explains why it cannot run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';
import { MISSING_ELECTRON, electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!electronBinary()) {
  console.error(`${MISSING_ELECTRON}
Installers embed the Electron binary, so they cannot be built here. Install with network access
(npm install, without ELECTRON_SKIP_BINARY_DOWNLOAD) and run \`npm run dist\` again.
インストーラーには Electron 本体が含まれるため、ここでは作成できません。`);
  process.exit(1);
}
await buildAll({ quiet: true });
const child = spawn(
  process.execPath,
  ['node_modules/electron-builder/cli.js', '--publish', 'never', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
child.on('exit', (code) => process.exit(code ?? 1));
