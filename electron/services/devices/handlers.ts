import type { Handlers } from '../handlers-types';

/** The devices operations' service functions. */
export const devicesHandlers: Pick<Handlers, never> = {};
