#!/usr/bin/env node
// `npm run test:crash [-- --alerts N] [-- --via http|desktop]`: the SIGKILL-during-import test
// (test/unit/hardening/crash-import.test.ts) at 10^6 alerts by default. `npm test` runs the same
// test at 10^5; docs/limits.md §4 has the figures of both.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { alerts: { type: 'string', default: '1000000' }, via: { type: 'string' } },
});
const root = fileURLToPath(new URL('../..', import.meta.url));
const r = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', 'test/unit/hardening/crash-import.test.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      SOCDESK_CRASH_ALERTS: values.alerts,
      ...(values.via ? { SOCDESK_CRASH_VIA: values.via } : {}),
    },
  },
);
process.exit(r.status ?? 1);
