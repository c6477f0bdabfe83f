#!/usr/bin/env node
// `npm run feed:sim`: runs the feed simulator (electron/feed-sim/cli.ts) straight from the sources
// with tsx, so it works from a clean checkout without a build. The runtime tsconfig is the e2e one
// (no `paths` mapping of the SQLite types, which a runtime loader must not follow; docs/design.md).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
register({ tsconfig: `${root}test/e2e/tsconfig.json` });
await import(`${root}electron/feed-sim/cli.ts`);
