import type { EventName, EventPayloads } from '../../shared/api';
import type { Emit } from './context';

export type Listener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Fans events from the services out to every connected window or browser tab. */
export function createEventHub(): { emit: Emit; subscribe: (listener: Listener) => () => void } {
  const listeners = new Set<Listener>();
  return {
    emit: (event, payload) => {
      for (const l of listeners) l(event, payload);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
