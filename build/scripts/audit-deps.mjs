#!/usr/bin/env node
// `npm run audit:deps`: known advisories in the code SOC Desk actually ships. `npm audit --omit=dev`
// sees only `dependencies`, yet most of what runs (react, zod, nodemailer, yauzl, yazl…) is a
// devDependency that esbuild and Vite bundle into dist/. This script bundles the app the way
// build/scripts/build.mjs does, without writing it (esbuild metafile inputs, Vite's module ids),
// turns the bundled files into package names, adds the runtime `dependencies` (loaded beside the
// bundle), runs `npm audit --json` over the whole tree and fails on a high or critical advisory in
// any of those packages. Where the registry's audit endpoint cannot be reached or answers an error
// (offline machines, mirrors without it), it says so and exits 0: a missing network service is no
// finding (docs/security.md "Dependency audit").
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FAIL_ON = new Set(['high', 'critical']);

/** The package a bundled file comes from (its last node_modules segment), or null for our own. */
export function packageOf(file) {
  // esbuild names inputs relative to the project (`node_modules/zod/…`), Vite absolutely.
  const parts = `/${file.replaceAll('\\', '/')}`.split('/node_modules/');
  if (parts.length < 2) return null;
  const rest = parts.at(-1).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

/** Packages esbuild bundles into the main process, the workers, the host and the preload. */
async function nodePackages() {
  const workers = readdirSync(join(root, 'electron/workers')).filter((f) => f.endsWith('.ts'));
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node24',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: join(root, 'audit-deps-unused'),
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'playwright-core'],
  };
  const results = await Promise.all([
    esbuild({
      ...common,
      format: 'esm',
      entryPoints: [
        'electron/main.ts',
        'electron/host/cli.ts',
        ...workers.map((f) => `electron/workers/${f}`),
      ],
    }),
    esbuild({
      ...common,
      format: 'cjs',
      platform: 'browser',
      entryPoints: ['electron/preload.ts'],
    }),
  ]);
  return results.flatMap((r) => Object.keys(r.metafile.inputs));
}

/** Modules Vite bundles into the renderer. */
async function rendererModules() {
  const out = await viteBuild({
    root: `${root}/renderer`,
    configFile: `${root}/vite.config.ts`,
    logLevel: 'silent',
    build: { write: false },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output ?? []);
  return outputs.flatMap((chunk) => chunk.moduleIds ?? Object.keys(chunk.modules ?? {}));
}

/** The high and critical entries of `npm audit --json`'s `vulnerabilities` for these packages. */
export function shippedFindings(names, vulnerabilities) {
  return names.map((n) => vulnerabilities[n]).filter((v) => v && FAIL_ON.has(v.severity));
}

/** Every package whose code ships: bundled into dist/, or a runtime dependency beside it. */
export async function bundled() {
  const files = [...(await nodePackages()), ...(await rendererModules())];
  const names = new Set(files.map(packageOf).filter((n) => n !== null));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) names.add(dep);
  return [...names].sort();
}

function audit() {
  const run = spawnSync('npm', ['audit', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return { unavailable: (run.stderr || run.error?.message || 'no answer').trim().split('\n')[0] };
  }
  if (report.error || !report.vulnerabilities) {
    const reason =
      report.message || report.error?.summary || report.error?.detail || 'no advisory data';
    return { unavailable: String(reason).split('\n')[0] };
  }
  return { vulnerabilities: report.vulnerabilities };
}

async function main() {
  const names = await bundled();
  console.log(`audit:deps: ${names.length} packages ship in dist/ or beside it:`);
  console.log(`  ${names.join(', ')}`);
  const result = audit();
  if ('unavailable' in result) {
    console.log(
      `audit:deps: the registry's audit endpoint is unavailable (${result.unavailable}); ` +
        'nothing was checked. Run `npm run audit:deps` where the public registry answers.',
    );
    return 0;
  }
  const found = shippedFindings(names, result.vulnerabilities);
  if (found.length > 0) {
    console.error(
      `audit:deps: ${found.length} shipped package(s) with high or critical advisories:`,
    );
    for (const v of found) {
      const via = (v.via ?? []).map((x) => (typeof x === 'string' ? x : x.title)).join('; ');
      console.error(`  ${v.name} (${v.severity}, ${v.range}): ${via}`);
    }
    return 1;
  }
  const other = Object.keys(result.vulnerabilities).length;
  console.log(
    `audit:deps: no high or critical advisory in the shipped packages` +
      (other > 0 ? ` (${other} advisory(ies) in build and test tools only)` : ''),
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`audit:deps: ${e instanceof Error ? e.message : e}`);
      process.exit(2);
    },
  );
}
