import type { Handlers } from '../handlers-types';

/** The sync operations' service functions. */
export const syncHandlers: Pick<Handlers, never> = {};
