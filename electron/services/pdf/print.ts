/**
 * Printing a renderer route to PDF, whichever host runs the app (ctx.pdf: Electron's printToPDF in
 * the desktop app, headless Chromium in the browser host). Print pages are renderer routes under
 * `/print/…` outside the app shell; they load their data through the API like any screen and set
 * `document.body.dataset.printReady = '1'` when laid out (or `printError` when they cannot be).
 * The escalation package and the monthly report (issue #7) print through here.
 */
import { ApiFailure, fail } from '../../../shared/result';
import type { PdfPrinter, ServiceContext } from '../context';
import { describeError } from '../privacy/log';

/** How long a print page may take to load its data and lay out. */
export const PRINT_READY_TIMEOUT_MS = 30_000;

/** A4 with room for the page-number footer; the same for both printers. */
export const PDF_MARGINS_MM = { top: 14, bottom: 16, left: 12, right: 12 } as const;

export const EMPTY_HEADER = '<span></span>';
/** Chromium fills `pageNumber` and `totalPages`; header and footer templates take inline styles. */
export const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** The script both printers evaluate in the page to know whether it is ready. */
export const READY_PROBE =
  "document.body ? (document.body.dataset.printError ? 'error' : document.body.dataset.printReady === '1' ? 'ready' : 'wait') : 'wait'";

export class PrintPageError extends Error {
  constructor(readonly reason: 'timeout' | 'page-error' | 'launch') {
    super(`print ${reason}`);
    this.name = 'PrintPageError';
  }
}

/** Polls the page until it is ready; a page that reports an error or never gets ready fails. */
export async function waitUntilReady(
  probe: () => Promise<unknown>,
  timeoutMs = PRINT_READY_TIMEOUT_MS,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const state = await probe().catch(() => 'wait');
    if (state === 'ready') return;
    if (state === 'error') throw new PrintPageError('page-error');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new PrintPageError('timeout');
}

/** Only our own print routes are printed (never an arbitrary URL). */
export function checkPrintRoute(route: string): string {
  if (!/^\/print\/[A-Za-z0-9/_-]+(\?[A-Za-z0-9=&_-]*)?$/.test(route))
    throw new Error('not a print route');
  return route;
}

/**
 * Prints a route, or fails with a typed, translated error: `unavailable` with
 * `errors:pdf_unavailable` where no printer exists, `errors:pdf_failed` when printing failed.
 * Operations that also produce JSON keep it whatever happens here.
 */
export async function printPdf(
  ctx: Pick<ServiceContext, 'pdf'>,
  route: string,
  options?: Parameters<PdfPrinter['print']>[1],
): Promise<Uint8Array> {
  if (!ctx.pdf) fail('unavailable', { message: 'errors:pdf_unavailable' });
  try {
    return await ctx.pdf.print(checkPrintRoute(route), options);
  } catch (e) {
    if (e instanceof ApiFailure) throw e;
    const launch = e instanceof PrintPageError && e.reason === 'launch';
    // The kind only: a page-load message quotes the URL, which holds the host's token.
    console.error(`[soc-desk] PDF print failed: ${describeError(e)}`);
    fail('unavailable', { message: launch ? 'errors:pdf_unavailable' : 'errors:pdf_failed' });
  }
}
