import type { Handlers } from '../handlers-types';

/** The system operations' service functions. */
export const systemHandlers: Pick<Handlers, never> = {};
