import type { Handlers } from '../handlers-types';

/** The desk operations' service functions. */
export const deskHandlers: Pick<Handlers, never> = {};
