import type { Handlers } from '../handlers-types';

/** The alerts operations' service functions. */
export const alertsHandlers: Pick<Handlers, never> = {};
