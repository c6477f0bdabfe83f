import type { EventName, EventPayloads } from '../../shared/api';
import type { Db } from '../store/database';
import type { FileRegistry } from './files/registry';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that starts at a given instant and then runs at real speed: lets demos and tests pin
 * "today" (`--now`) while timers and autosave still see time pass.
 */
export function clockStartingAt(start: number): Clock {
  const t0 = Date.now();
  return { now: () => start + (Date.now() - t0) };
}

export type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/**
 * Seals secrets (SMTP password, feed token) before they are stored: with the OS keychain in Electron
 * (safeStorage); as they are in the browser host, whose whole store is already encrypted.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export const storeOnlyBox: SecretBox = { seal: (s) => s, open: (s) => s };

/**
 * Prints a renderer route (a print layout) to PDF: Electron's printToPDF in the desktop app,
 * headless Chromium for the browser host. Null where neither is available.
 */
export interface PdfPrinter {
  print(
    route: string,
    options?: { landscape?: boolean; pageNumbers?: boolean },
  ): Promise<Uint8Array>;
}

/** The desktop app's file dialogs (null in the browser host, which uploads and downloads instead). */
export interface Dialogs {
  open(options: { extensions: string[] }): Promise<string | null>;
  save(options: { defaultName: string }): Promise<string | null>;
  /** A folder to save several files into at once (files.saveToFolder); absent: unsupported. */
  folder?(): Promise<string | null>;
}

/** What every service gets: the store, the clock, how to tell the renderer something changed. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  emit: Emit;
  secrets: SecretBox;
  pdf: PdfPrinter | null;
  files: FileRegistry;
  dialogs: Dialogs | null;
  /** The store file and its key (backup and restore reopen it; never sent anywhere). */
  store: { file: string; key: Uint8Array };
  host: 'electron' | 'browser';
  dataDir: string;
  version: string;
}
