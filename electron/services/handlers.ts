import { dashboardHandlers } from './dashboard';
import { filesHandlers } from './files/handlers';
import type { Handlers } from './handlers-types';
import { sessionHandlers } from './session';
import { alertsHandlers } from './alerts/handlers';
import { devicesHandlers } from './devices/handlers';
import { contractsHandlers } from './contracts/handlers';
import { slaHandlers } from './sla/handlers';
import { deskHandlers } from './desk/handlers';
import { syncHandlers } from './sync/handlers';
import { reportsHandlers } from './reports/handlers';
import { systemHandlers } from './system/handlers';
import { privacyHandlers } from './privacy/handlers';

/** Every operation's service function, by name. */
export const handlers: Handlers = {
  ...sessionHandlers,
  ...dashboardHandlers,
  ...filesHandlers,
  ...alertsHandlers,
  ...devicesHandlers,
  ...contractsHandlers,
  ...slaHandlers,
  ...deskHandlers,
  ...syncHandlers,
  ...reportsHandlers,
  ...systemHandlers,
  ...privacyHandlers,
};
