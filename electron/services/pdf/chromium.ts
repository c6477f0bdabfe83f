/**
 * The browser host's PDF printer: headless Chromium (playwright-core, Debian's build or
 * PLAYWRIGHT_CHROMIUM) opens the host's own address with the run's token, goes to the print route
 * and prints it with page.pdf. Launched on first use and kept for later prints; prints run one at a
 * time (this is a small local tool, and Chromium is heavy).
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { PdfPrinter } from '../context';
import {
  EMPTY_HEADER,
  PAGE_NUMBER_FOOTER,
  PDF_MARGINS_MM,
  PrintPageError,
  READY_PROBE,
  waitUntilReady,
} from './print';

/**
 * The same flags as the end-to-end tests (playwright.config.ts, TOOLCHAIN.md), and one more: the
 * printer loads the local host's pages only, so everything else goes to a proxy address on this
 * machine where nothing answers (loopback addresses bypass a proxy in Chromium). Without it the
 * printer called Google services on every launch (accounts.google.com, android.clients.google.com,
 * seen by test/e2e/offline.spec.ts), which no flag above stops.
 */
export const PRINTER_PROXY = 'http://127.0.0.1:9';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--proxy-server=${PRINTER_PROXY}`,
];

/** PLAYWRIGHT_CHROMIUM, else Debian's /usr/bin/chromium, else none (no PDFs in this host). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.PLAYWRIGHT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

const mm = (n: number) => `${n}mm`;

export interface ChromiumPrinter extends PdfPrinter {
  close(): Promise<void>;
}

/**
 * `hostUrl` is the address the host printed (`http://127.0.0.1:<port>/?token=…`): the print page
 * takes the token from it like any browser tab, so printing goes through the same API and scope.
 */
export function createChromiumPrinter(opts: {
  hostUrl: string;
  executablePath: string;
}): ChromiumPrinter {
  let browser: Promise<Browser> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const launch = (): Promise<Browser> => {
    browser ??= import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({ executablePath: opts.executablePath, args: CHROMIUM_ARGS }),
      )
      .catch((e: unknown) => {
        browser = null;
        throw e instanceof Error ? new PrintPageError('launch') : e;
      });
    return browser;
  };

  const printOnce = async (
    route: string,
    options: { landscape?: boolean; pageNumbers?: boolean } = {},
  ): Promise<Uint8Array> => {
    const b = await launch();
    const context = await b.newContext({ viewport: { width: 1240, height: 1754 } });
    try {
      const page = await context.newPage();
      await page.goto(`${opts.hostUrl}#${route}`);
      await waitUntilReady(() => page.evaluate(READY_PROBE));
      const pageNumbers = options.pageNumbers ?? true;
      const pdf = await page.pdf({
        format: 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        displayHeaderFooter: pageNumbers,
        headerTemplate: EMPTY_HEADER,
        footerTemplate: pageNumbers ? PAGE_NUMBER_FOOTER : EMPTY_HEADER,
        margin: {
          top: mm(PDF_MARGINS_MM.top),
          bottom: mm(PDF_MARGINS_MM.bottom),
          left: mm(PDF_MARGINS_MM.left),
          right: mm(PDF_MARGINS_MM.right),
        },
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  };

  return {
    print(route, options) {
      const job = queue.then(() => printOnce(route, options));
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
