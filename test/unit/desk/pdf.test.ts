import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createElectronPrinter } from '../../../electron/services/pdf/electron-printer';
import { PrintPageError, printPdf, waitUntilReady } from '../../../electron/services/pdf/print';
import { findChromium } from '../../../electron/services/pdf/chromium';
import type { PdfPrinter } from '../../../electron/services/context';

/** A stand-in BrowserWindow that records what the printer does with it. */
function fakeWindows(readyAfter: number, trusted: Set<number>) {
  const made: Array<{
    options: Record<string, unknown>;
    url: string | null;
    printed: Record<string, unknown> | null;
    destroyed: boolean;
    id: number;
    trustedAtLoad: boolean;
  }> = [];
  let nextId = 100;
  class Fake {
    rec: (typeof made)[number];
    private probes = 0;
    webContents: {
      id: number;
      executeJavaScript: (code: string) => Promise<string>;
      printToPDF: (o: Record<string, unknown>) => Promise<Buffer>;
    };
    constructor(options: Record<string, unknown>) {
      this.rec = {
        options,
        url: null,
        printed: null,
        destroyed: false,
        id: nextId++,
        trustedAtLoad: false,
      };
      made.push(this.rec);
      this.webContents = {
        id: this.rec.id,
        executeJavaScript: () => Promise.resolve(++this.probes >= readyAfter ? 'ready' : 'wait'),
        printToPDF: (o) => {
          this.rec.printed = o;
          return Promise.resolve(Buffer.from('%PDF-1.7 electron'));
        },
      };
    }
    loadURL(url: string) {
      this.rec.url = url;
      this.rec.trustedAtLoad = trusted.has(this.rec.id);
      return Promise.resolve();
    }
    destroy() {
      this.rec.destroyed = true;
    }
  }
  return { made, BrowserWindow: Fake as unknown as typeof BrowserWindow };
}

describe('the Electron PDF printer', () => {
  it('prints the route in a hidden, sandboxed window trusted only while it lives', async () => {
    const trusted = new Set<number>();
    const { made, BrowserWindow } = fakeWindows(3, trusted);
    const printer = createElectronPrinter({
      BrowserWindow,
      preload: '/app/preload.cjs',
      packaged: true,
      trusted,
      origin: 'app://soc-desk',
    });
    const pdf = await printer.print('/print/desk/package/ESC-20261122-0A1B2C3D');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 electron');
    const w = made[0]!;
    expect(w.url).toBe('app://soc-desk/index.html#/print/desk/package/ESC-20261122-0A1B2C3D');
    expect(w.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        devTools: false,
      },
    });
    expect(w.printed).toMatchObject({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
    });
    expect(String(w.printed?.footerTemplate)).toContain('pageNumber');
    expect(w.trustedAtLoad).toBe(true);
    expect(trusted.size).toBe(0);
    expect(w.destroyed).toBe(true);
  });
});

describe('printPdf', () => {
  it('fails with a typed, translated error where no printer exists', async () => {
    await expect(printPdf({ pdf: null }, '/print/desk/package/x')).rejects.toMatchObject({
      error: { code: 'unavailable', message: 'errors:pdf_unavailable' },
    });
  });

  it('says printing failed when the page never gets ready, and refuses non-print routes', async () => {
    const broken: PdfPrinter = { print: () => Promise.reject(new PrintPageError('timeout')) };
    await expect(printPdf({ pdf: broken }, '/print/desk/package/x')).rejects.toMatchObject({
      error: { code: 'unavailable', message: 'errors:pdf_failed' },
    });
    const any: PdfPrinter = { print: () => Promise.resolve(new Uint8Array([1])) };
    await expect(printPdf({ pdf: any }, 'https://evil.example/')).rejects.toMatchObject({
      error: { message: 'errors:pdf_failed' },
    });
    await expect(waitUntilReady(() => Promise.resolve('error'), 1000)).rejects.toMatchObject({
      reason: 'page-error',
    });
    await expect(waitUntilReady(() => Promise.resolve('wait'), 250)).rejects.toMatchObject({
      reason: 'timeout',
    });
  });

  it('finds Chromium from PLAYWRIGHT_CHROMIUM, else the system one, else none', () => {
    expect(findChromium({ PLAYWRIGHT_CHROMIUM: process.execPath })).toBe(process.execPath);
    expect(findChromium({ PLAYWRIGHT_CHROMIUM: '/nope/chromium' })).toBe(
      ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null,
    );
  });
});
