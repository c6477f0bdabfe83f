import type { Migration } from '../migrate';

/** Schema of issue #5 devices, contracts and the SLA ledger (outages). */
export const migration: Migration = {
  version: 4,
  name: 'devices-contracts',
  up() {
    // Reserved for issue #5; its tables are added here.
  },
};
