#!/usr/bin/env node
// `npm run audit:electron`: @doyensec/electronegativity over our Electron code (electron/, the
// renderer sources, shared/ — code both sides import — and the built index.html with its CSP). Zero findings, or each one suppressed
// inline (`// eng-disable CHECK_ID`) next to the reason. Runs offline: the tool's two network
// look-ups (translations, Electron's release list) are answered "offline" at once, and the
// release-list check (AvailableSecurityFixesGlobalCheck) is skipped — keeping Electron current is
// the dependency updates' job, not a source audit's.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stage = mkdtempSync(join(tmpdir(), 'socdesk-audit-'));
try {
  // The built index.html carries the CSP meta tag; build so it is current.
  await buildAll({ quiet: true });
  cpSync(join(root, 'electron'), join(stage, 'electron'), { recursive: true });
  cpSync(join(root, 'renderer'), join(stage, 'renderer'), { recursive: true });
  cpSync(join(root, 'shared'), join(stage, 'shared'), { recursive: true });
  cpSync(join(root, 'dist/renderer/index.html'), join(stage, 'renderer/index.html'));
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  const offline = join(stage, 'offline-got.cjs');
  writeFileSync(
    offline,
    `const Module = require('module');
const load = Module._load;
const offline = () => Promise.reject(new Error('offline'));
offline.head = offline;
offline.get = offline;
Module._load = function (request, ...rest) {
  return request === 'got' ? { __esModule: true, default: offline } : load.call(this, request, ...rest);
};
`,
  );
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const report = join(stage, 'report.csv');
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      offline,
      join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      '-i',
      stage,
      '-e',
      electronVersion,
      // Two checks are off (docs/security.md "Electron audit" says the same):
      // - AvailableSecurityFixesGlobalCheck downloads Electron's release list to say whether a
      //   newer patch exists: a network look-up (the audit runs offline in CI), and keeping
      //   Electron current is the dependency updates' job, not a source audit's.
      // - ElectronVersionJSONCheck only reports the Electron version it finds in package.json, an
      //   informational row, not a finding about our code.
      '-x',
      'AvailableSecurityFixesGlobalCheck,ElectronVersionJSONCheck',
      '-r',
      '-o',
      report,
    ],
    { encoding: 'utf8' },
  );
  if (!existsSync(report)) {
    console.error(run.stdout, run.stderr);
    console.error('audit:electron: electronegativity did not produce a report');
    process.exit(2);
  }
  const findings = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  if (findings.length > 0) {
    console.error(
      `audit:electron: ${findings.length} finding(s) (fix, or suppress inline with the reason):`,
    );
    for (const f of findings) console.error(`  ${f}`);
    process.exit(1);
  }
  console.log(
    `audit:electron: electronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''}: 0 findings`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
