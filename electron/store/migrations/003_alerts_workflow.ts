import type { Migration } from '../migrate';

/** Schema of issue #4 alerts: search index, workflow, audit, import bookkeeping. */
export const migration: Migration = {
  version: 3,
  name: 'alerts-workflow',
  up() {
    // Reserved for issue #4; its tables are added here.
  },
};
