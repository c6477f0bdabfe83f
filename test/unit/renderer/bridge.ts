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
  const listeners = new Set<(p: unknown) => void>();
  window.socDesk = {
    api,
    on: {
      'data.changed': (l) => {
        listeners.add(l as (p: unknown) => void);
        return () => listeners.delete(l as (p: unknown) => void);
      },
    },
  };
  return { calls, emit: (payload: unknown) => listeners.forEach((l) => l(payload)) };
}
