/**
 * A recording stand-in for the `electron` module (the binary cannot run here), so electron/main.ts
 * can be imported and its window, session, protocol and IPC configuration inspected.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const calls: Array<{ what: string; args: unknown[] }> = [];
const record =
  (what: string, result?: unknown) =>
  (...args: unknown[]) => {
    calls.push({ what, args });
    return result;
  };

let nextId = 1;
export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = { url: 'app://soc-desk/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send = record('webContents.send');
}

export const windows: FakeBrowserWindow[] = [];
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show = record('window.show');
  isMinimized = () => false;
  restore = record('window.restore');
  focus = record('window.focus');
}

const userData = mkdtempSync(join(tmpdir(), 'socdesk-fake-electron-'));
let ready: () => void = () => undefined;
const readyPromise = new Promise<void>((resolve) => (ready = resolve));

class FakeApp extends EventEmitter {
  isPackaged = true;
  enableSandbox = record('app.enableSandbox');
  requestSingleInstanceLock = record('app.requestSingleInstanceLock', true);
  quit = record('app.quit');
  getVersion = () => '9.9.9';
  getPath = (name: string) => (name === 'userData' ? userData : tmpdir());
  whenReady = () => readyPromise;
}
export const app = new FakeApp();
export const makeReady = () => ready();

export const protocol = {
  registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
  handle: record('protocol.handle'),
};
export const ipcMain = { handle: record('ipcMain.handle') };
export const dialog = {
  showErrorBox: record('dialog.showErrorBox'),
  showOpenDialog: record(
    'dialog.showOpenDialog',
    Promise.resolve({ canceled: true, filePaths: [] }),
  ),
  showSaveDialog: record('dialog.showSaveDialog', Promise.resolve({ canceled: true })),
};
export const shell = { openExternal: record('shell.openExternal', Promise.resolve()) };
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (s: string) => Buffer.from(`sealed:${s}`),
  decryptString: (b: Buffer) => b.toString().replace(/^sealed:/, ''),
};
type PermissionHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
export const session = {
  defaultSession: {
    permissionRequest: null as PermissionHandler | null,
    permissionCheck: null as ((...args: unknown[]) => boolean) | null,
    setPermissionRequestHandler(h: PermissionHandler) {
      this.permissionRequest = h;
    },
    setPermissionCheckHandler(h: (...args: unknown[]) => boolean) {
      this.permissionCheck = h;
    },
  },
};
export const BrowserWindow = FakeBrowserWindow;
export default { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell };
