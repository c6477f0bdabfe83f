import { EVENT_NAMES, type EventName } from '../../../shared/api';
import type { SocDeskBridge } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';

/**
 * A stand-in for the preload's `window.socDesk` (the process boundary): records every call and
 * answers from a table, so renderer code runs as it does in Electron.
 */
export function installBridge(answers: Record<string, unknown>) {
  const calls: Array<{ name: string; input: unknown }> = [];
  const api = new Proxy(
    {},
    {
      get: (_t, name: string) => (input: unknown) => {
        calls.push({ name, input });
        const value = answers[name];
        return Promise.resolve<Result<unknown>>(
          value === undefined
            ? { ok: false, error: { code: 'not_found', message: 'errors:not_found' } }
            : { ok: true, value },
        );
      },
    },
  ) as SocDeskBridge['api'];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const on = Object.fromEntries(
    EVENT_NAMES.map((event) => [
      event,
      (l: (p: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        set.add(l);
        listeners.set(event, set);
        return () => set.delete(l);
      },
    ]),
  ) as unknown as SocDeskBridge['on'];
  window.socDesk = { api, on };
  return {
    calls,
    emit: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}
