#!/usr/bin/env node
// `npm run bench [-- --alerts N]`: runs test/bench/alerts.ts through tsx. The runtime loader reads
// test/e2e/tsconfig.json, which (unlike tsconfig.base.json) does not map the SQLite package to its
// type declarations (docs/design.md, "Store").
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'test/bench/alerts.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: 'test/e2e/tsconfig.json' },
  },
);
process.exit(r.status ?? 1);
