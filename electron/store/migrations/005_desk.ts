import type { Migration } from '../migrate';

/** Schema of issue #6 the first-line desk: hearing sheets, inquiries, escalations. */
export const migration: Migration = {
  version: 5,
  name: 'desk',
  up() {
    // Reserved for issue #6; its tables are added here.
  },
};
