import { dashboardHandlers } from './dashboard';
import type { Handlers } from './handlers-types';
import { sessionHandlers } from './session';

/** Every operation's service function, by name. */
export const handlers: Handlers = {
  ...sessionHandlers,
  ...dashboardHandlers,
};
