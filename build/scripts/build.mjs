#!/usr/bin/env node
// Builds SOC Desk into dist/: the renderer with Vite (dist/renderer) and the Node side with esbuild
// (dist/electron: main.mjs and preload.cjs for Electron, host.mjs for the browser host).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { readdirSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// SOCDESK_DIST builds elsewhere (e.g. parallel test runs in one checkout); default dist/.
const dist = resolve(root, process.env.SOCDESK_DIST ?? 'dist');
export async function buildAll({ quiet = false } = {}) {
  if (!existsSync(join(root, 'electron/workers'))) mkdirSync(join(root, 'electron/workers'));
  const started = Date.now();
  await viteBuild({
    root: `${root}/renderer`,
    configFile: `${root}/vite.config.ts`,
    logLevel: quiet ? 'warn' : 'info',
    build: { outDir: join(dist, 'renderer') },
  });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node24',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Native and Electron modules stay outside the bundle (loaded at run time).
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'playwright-core'],
  };
  await Promise.all([
    esbuild({
      ...common,
      format: 'esm',
      // Worker threads (electron/workers/*.ts) are bundled as their own entry points.
      entryPoints: {
        main: 'electron/main.ts',
        host: 'electron/host/cli.ts',
        ...Object.fromEntries(
          readdirSync(join(root, 'electron/workers'))
            .filter((f) => f.endsWith('.ts'))
            .map((f) => [`workers/${f.replace(/\.ts$/, '')}`, `electron/workers/${f}`]),
        ),
      },
      outdir: join(dist, 'electron'),
      outExtension: { '.js': '.mjs' },
      // ESM output of CommonJS dependencies needs a `require` in scope.
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    }),
    // Sandboxed preloads must be a single CommonJS file that requires only `electron`.
    esbuild({
      ...common,
      format: 'cjs',
      platform: 'browser',
      entryPoints: { preload: 'electron/preload.ts' },
      outdir: join(dist, 'electron'),
      outExtension: { '.js': '.cjs' },
    }),
  ]);
  // A dist outside the project still finds the native module: link node_modules beside it.
  const outside = relative(root, dist).startsWith('..');
  if (outside && !existsSync(join(dist, 'node_modules'))) {
    symlinkSync(join(root, 'node_modules'), join(dist, 'node_modules'), 'dir');
  }
  if (!quiet)
    console.log(`SOC Desk built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${dist}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildAll({ quiet: process.argv.includes('--quiet') }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
