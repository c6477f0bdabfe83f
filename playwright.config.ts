import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium (or PLAYWRIGHT_CHROMIUM); Playwright's own browser only where neither exists.
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  tsconfig: './test/e2e/tsconfig.json',
  // Parallel runs in one checkout (SOCDESK_DIST set) keep their own artefacts: a run clears its outputDir.
  outputDir: process.env.SOCDESK_DIST ? `${process.env.SOCDESK_DIST}-results` : 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // As the host's PDF printer (electron/services/pdf/chromium.ts): pages come from the host
        // on 127.0.0.1, which bypasses a proxy; Chromium's own calls to Google services, which no
        // flag above stops, go to a proxy address on this machine where nothing answers.
        '--proxy-server=http://127.0.0.1:9',
      ],
    },
  },
});
