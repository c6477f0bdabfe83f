/**
 * Binds every operation of the contract to an IPC channel with one wrapper: the sender must be our
 * own window's main frame showing our own app:// page; input is parsed by the contract's schema in
 * the dispatcher; the answer is always a typed result (nothing thrown crosses the boundary).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { OPERATION_NAMES } from '../shared/api';
import { ipcChannel } from '../shared/bridge';
import { apiError } from '../shared/result';
import type { Dispatch } from './services/dispatch';

export const APP_ORIGIN = 'app://soc-desk';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function registerApi(opts: {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  isTrustedSender: SenderCheck;
}): void {
  for (const name of OPERATION_NAMES) {
    opts.ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!opts.isTrustedSender(event)) return { ok: false, error: apiError('forbidden') };
      return opts.dispatch(name, input);
    });
  }
}

/**
 * Trusted: sent by the main frame (not an iframe) of one of our own windows (the app window, or a
 * hidden print window), whose URL is on our app:// origin.
 */
export function trustedSender(isOurs: (contents: WebContents) => boolean): SenderCheck {
  return (event) => {
    const contents = event.sender;
    const frame = event.senderFrame;
    if (!isOurs(contents) || !frame || frame !== contents.mainFrame) return false;
    try {
      // Node's URL gives custom schemes an opaque origin ("null"), so compare scheme and host.
      const url = new URL(frame.url);
      return `${url.protocol}//${url.host}` === APP_ORIGIN;
    } catch {
      return false;
    }
  };
}
