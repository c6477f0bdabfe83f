/**
 * Preload (sandboxed): exposes exactly the contract's verbs and event subscriptions as
 * `window.socDesk`. The renderer never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, OPERATION_NAMES } from '../shared/api';
import { eventChannel, ipcChannel, type SocDeskBridge } from '../shared/bridge';

const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input),
  ]),
) as unknown as SocDeskBridge['api'];

const on = Object.fromEntries(
  EVENT_NAMES.map((event) => [
    event,
    (listener: (payload: unknown) => void) => {
      const handler = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(eventChannel(event), handler);
      return () => {
        ipcRenderer.removeListener(eventChannel(event), handler);
      };
    },
  ]),
) as unknown as SocDeskBridge['on'];

const bridge: SocDeskBridge = { api, on };
contextBridge.exposeInMainWorld('socDesk', bridge);
