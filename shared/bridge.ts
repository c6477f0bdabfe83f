import type { EventName, EventPayloads, InputOf, OperationName, ResultOf } from './api';
import type { Result } from './result';

/** One function per operation of the contract. */
export type ApiVerbs = {
  [K in OperationName]: (input: InputOf<K>) => Promise<Result<ResultOf<K>>>;
};

/** One subscription per event; each returns its unsubscribe function. */
export type ApiEvents = {
  [E in EventName]: (listener: (payload: EventPayloads[E]) => void) => () => void;
};

/**
 * What electron/preload.ts exposes as `window.socDesk`: the contract's verbs and event
 * subscriptions, nothing else (never ipcRenderer).
 */
export interface SocDeskBridge {
  api: ApiVerbs;
  on: ApiEvents;
}

/** IPC channel names, derived from the contract so nothing else defines channels. */
export const ipcChannel = (name: OperationName) => `api:${name}`;
export const eventChannel = (name: EventName) => `event:${name}`;
