import type { Handlers } from '../handlers-types';
import { backup, restore } from './backup';
import { exportCustomer } from './export';

/** The system operations' service functions: backup, restore, a customer's data export. */
export const systemHandlers: Pick<
  Handlers,
  'system.backup' | 'system.restore' | 'system.exportCustomer'
> = {
  'system.backup': ({ passphrase }, ctx) => backup(ctx, passphrase),
  'system.restore': ({ fileId, passphrase }, ctx) => restore(ctx, fileId, passphrase),
  'system.exportCustomer': ({ customerId }, ctx) => exportCustomer(ctx, customerId),
};
