// Where the Electron binary is, or null when it is missing (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, or on machines that cannot download it). Reads what the electron
// package records instead of requiring it: requiring it would try to download the binary.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary() {
  let dir;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (!executable) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const full = join(distDir, executable);
  return existsSync(full) ? full : null;
}

export const MISSING_ELECTRON = `The Electron binary is missing (node_modules/electron has none: it was not downloaded on this machine).
Electron のバイナリがありません（このマシンではダウンロードされていません）。`;
