import type { Handlers } from '../handlers-types';

/** The reports operations' service functions. */
export const reportsHandlers: Pick<Handlers, never> = {};
