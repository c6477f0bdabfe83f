/**
 * The desktop app's PDF printer: a hidden, sandboxed window with the app window's preferences
 * (electron/security.ts), trusted for IPC while it lives (main.ts `ourContents`), loads the print
 * route from app://soc-desk and prints it with printToPDF. Electron is passed in, so this file
 * loads without it (tests, the browser host's bundle).
 */
import type { BrowserWindow } from 'electron';
import { windowPreferences } from '../../security';
import type { PdfPrinter } from '../context';
import {
  EMPTY_HEADER,
  PAGE_NUMBER_FOOTER,
  PDF_MARGINS_MM,
  READY_PROBE,
  waitUntilReady,
} from './print';

const inches = (mm: number) => mm / 25.4;

export function createElectronPrinter(deps: {
  BrowserWindow: typeof BrowserWindow;
  preload: string;
  packaged: boolean;
  /** The ids of web contents IPC trusts (main.ts `ourContents`). */
  trusted: Set<number>;
  origin: string;
}): PdfPrinter {
  let queue: Promise<unknown> = Promise.resolve();
  const printOnce = async (
    route: string,
    options: { landscape?: boolean; pageNumbers?: boolean } = {},
  ): Promise<Uint8Array> => {
    // Preferences from security.ts (sandbox, isolation, no Node), as the app window's.
    const windowOptions = {
      show: false,
      width: 1240,
      height: 1754,
      webPreferences: windowPreferences(deps.preload, deps.packaged),
    };
    const win = new deps.BrowserWindow(windowOptions); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK
    const id = win.webContents.id;
    deps.trusted.add(id);
    try {
      await win.loadURL(`${deps.origin}/index.html#${route}`);
      await waitUntilReady(() => win.webContents.executeJavaScript(READY_PROBE));
      const pageNumbers = options.pageNumbers ?? true;
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        displayHeaderFooter: pageNumbers,
        headerTemplate: EMPTY_HEADER,
        footerTemplate: pageNumbers ? PAGE_NUMBER_FOOTER : EMPTY_HEADER,
        margins: {
          top: inches(PDF_MARGINS_MM.top),
          bottom: inches(PDF_MARGINS_MM.bottom),
          left: inches(PDF_MARGINS_MM.left),
          right: inches(PDF_MARGINS_MM.right),
        },
      });
      return new Uint8Array(pdf);
    } finally {
      deps.trusted.delete(id);
      win.destroy();
    }
  };
  return {
    print(route, options) {
      const job = queue.then(() => printOnce(route, options));
      queue = job.catch(() => undefined);
      return job;
    },
  };
}
