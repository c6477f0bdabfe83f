import type { EventName, EventPayloads } from '../../shared/api';
import type { Db } from '../store/database';

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

/** What every service gets: the store, the clock, how to tell the renderer something changed. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  emit: Emit;
  host: 'electron' | 'browser';
  dataDir: string;
  version: string;
}
