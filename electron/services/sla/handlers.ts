import type { Handlers } from '../handlers-types';

/** The sla operations' service functions. */
export const slaHandlers: Pick<Handlers, never> = {};
