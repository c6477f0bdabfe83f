/**
 * Electron entry: one sandboxed window showing the renderer from app://soc-desk, the services and
 * encrypted store in this process, and the API bound to IPC. Everything security-relevant is in
 * security.ts, protocol.ts and ipc.ts; this file only wires them.
 */
import {
  BrowserWindow,
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventChannel } from '../shared/bridge';
import { APP_ORIGIN, registerApi, trustedSender } from './ipc';
import { safeStorageKeyStore } from './keychain';
import { appProtocolResponse } from './protocol';
import { appWindowOptions, guardWebContents, hardenSession } from './security';
import { createAppServices, type AppServices } from './services/app';
import { systemClock } from './services/context';
import { createElectronPrinter } from './services/pdf/electron-printer';
import { safeStorageBox } from './services/secrets';
import { describeStartupError } from './startup-error';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let win: BrowserWindow | null = null;
/** Web contents of our own windows (the app window and hidden print windows): IPC trusts only these. */
export const ourContents = new Set<number>();
let services: AppServices | null = null;

function createWindow(): void {
  // Options from security.ts (sandbox, context isolation, no Node; new windows, middle-click
  // included, are denied by guardWebContents): electronegativity cannot see through the call.
  // Proven by test/unit/hardening/electron-config.test.ts.
  const options = appWindowOptions(join(here, 'preload.cjs'), app.isPackaged);
  win = new BrowserWindow(options); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK
  const id = win.webContents.id;
  ourContents.add(id);
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    ourContents.delete(id);
    win = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    try {
      services = openServices(dataDir);
    } catch (e) {
      dialog.showErrorBox('SOC Desk', describeStartupError(e));
      app.quit();
      return;
    }
    hardenSession(session.defaultSession);
    protocol.handle('app', (request) => appProtocolResponse(request.url, rendererDir));
    registerApi({
      ipcMain,
      dispatch: services.dispatch,
      isTrustedSender: trustedSender((contents) => ourContents.has(contents.id)),
    });
    // PDFs print in hidden windows of our own, trusted by IPC while they live.
    services.ctx.pdf = createElectronPrinter({
      BrowserWindow,
      preload: join(here, 'preload.cjs'),
      packaged: app.isPackaged,
      trusted: ourContents,
      origin: APP_ORIGIN,
    });
    createWindow();
  });
}

function openServices(dataDir: string): AppServices {
  return createAppServices({
    dataDir,
    keys: safeStorageKeyStore(
      join(dataDir, 'socdesk.key.enc'),
      join(dataDir, 'socdesk.key'),
      safeStorage,
    ),
    clock: systemClock,
    secrets: safeStorage.isEncryptionAvailable() ? safeStorageBox(safeStorage) : undefined,
    host: 'electron',
    version: app.getVersion(),
    dialogs: {
      open: async ({ extensions }) => {
        const options = {
          properties: ['openFile' as const],
          filters: [{ name: extensions.join(', '), extensions }],
        };
        const r = win
          ? await dialog.showOpenDialog(win, options)
          : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      save: async ({ defaultName }) => {
        const options = { defaultPath: join(app.getPath('documents'), defaultName) };
        const r = win
          ? await dialog.showSaveDialog(win, options)
          : await dialog.showSaveDialog(options);
        return r.canceled ? null : (r.filePath ?? null);
      },
      folder: async () => {
        const options = {
          properties: ['openDirectory' as const, 'createDirectory' as const],
          defaultPath: app.getPath('documents'),
        };
        const r = win
          ? await dialog.showOpenDialog(win, options)
          : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
    },
    emit: (event, payload) => win?.webContents.send(eventChannel(event), payload),
  });
}
