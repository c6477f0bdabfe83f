import type { Migration } from '../migrate';

/** Schema of issue #7 reports and imported report bundles. */
export const migration: Migration = {
  version: 7,
  name: 'reports',
  up() {
    // Reserved for issue #7; its tables are added here.
  },
};
