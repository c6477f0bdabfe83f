import type { Handlers } from '../handlers-types';

/** The contracts operations' service functions. */
export const contractsHandlers: Pick<Handlers, never> = {};
