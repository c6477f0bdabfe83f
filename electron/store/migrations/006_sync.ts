import type { Migration } from '../migrate';

/** Schema of issue #7 feed sync: connector state and cursors. */
export const migration: Migration = {
  version: 6,
  name: 'sync',
  up() {
    // Reserved for issue #7; its tables are added here.
  },
};
